package org.vrouter.commands.wire.payload;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

import org.vrouter.api.error.InvalidParameterException;

/**
 * Checks a payload's {@code type} where it streams by, when {@link PayloadCodec} reads a known record type
 * without a type id ({@link NoTypeId}): it must be the record's JSON type, and seeing it is recorded in the
 * read's {@link Seen} attribute so that a missing one is refused afterwards. Any other unknown property is
 * left to Jackson, which refuses it.
 */
final class TypeField extends DeserializationProblemHandler {
    /** Whether the read met the payload's {@code type}; one per read, passed as the attribute keyed by this class. */
    static final class Seen {
        boolean value;
    }

    @Override
    public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser, JsonDeserializer<?> deserializer,
            Object beanOrClass, String propertyName) throws IOException {
        Class<?> target = beanOrClass instanceof Class<?> type ? type : beanOrClass.getClass();
        if (!propertyName.equals("type") || !Payload.class.isAssignableFrom(target) || target.isInterface()) {
            return false;
        }
        String expected = DatabagType.of(target.asSubclass(Payload.class)).jsonType();
        JsonToken token = parser.currentToken();
        String value = token == JsonToken.VALUE_STRING ? parser.getText() : String.valueOf(token);
        if (!expected.equals(value)) {
            throw new InvalidParameterException("type", "unknown type (expected " + expected + ")", value);
        }
        if (context.getAttribute(Seen.class) instanceof Seen seen) {
            seen.value = true;
        }
        return true;
    }
}
