package org.vrouter.commands.wire.payload;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import org.vrouter.api.error.InvalidParameterException;

/**
 * Turns whatever Jackson throws while reading a payload into one {@link InvalidParameterException}
 * whose field is the JSON path ({@code rules[2].protocol}) and whose message is one line.
 *
 * <p>Two sources of validation errors are told apart: a record's compact constructor names its own
 * wire field, and Jackson reports the path of the record ({@link ValueInstantiationException}), so the two
 * are joined; a value deserializer (address, CIDR...) runs at the field itself, so Jackson's path is
 * the whole field and only the reason is kept.
 */
final class PayloadErrors {
    /** Jackson's pointer to where an unclosed object or array began: noise in a one-line message. */
    private static final Pattern START_MARKER = Pattern.compile(" \\(start marker at \\[Source: [^\\]]*\\]\\)");

    private PayloadErrors() {}

    static InvalidParameterException translate(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping) {
            return translateMapping(mapping);
        }
        if (e instanceof StreamReadException read) {
            return malformed(read);
        }
        return new InvalidParameterException("json", firstLine(e.getOriginalMessage()));
    }

    private static InvalidParameterException translateMapping(JsonMappingException e) {
        String path = path(e);
        InvalidParameterException cause = findCause(e);
        if (e instanceof ValueInstantiationException) {
            if (cause != null) {
                return cause.within(path.isEmpty() ? "" : path + ".");
            }
            Throwable root = e.getCause() == null ? e : e.getCause();
            return new InvalidParameterException(orRoot(path), "invalid value: " + firstLine(root.getMessage()));
        }
        if (cause != null) {
            return path.isEmpty() ? cause : renamed(cause, path);
        }
        if (e instanceof InvalidTypeIdException typeId) {
            return unknownType(typeId, path);
        }
        if (e instanceof UnrecognizedPropertyException) {
            return new InvalidParameterException(path, "unknown property (not part of CloudStack's wire format)");
        }
        if (e instanceof MismatchedInputException mismatch) {
            return wrongType(mismatch, path);
        }
        return new InvalidParameterException(orRoot(path), firstLine(e.getOriginalMessage()));
    }

    private static InvalidParameterException unknownType(InvalidTypeIdException e, String path) {
        String field = path.isEmpty() ? "type" : path + ".type";
        if (e.getTypeId() == null) {
            return new InvalidParameterException(field, "is missing");
        }
        Class<?> base = e.getBaseType() == null ? Object.class : e.getBaseType().getRawClass();
        String expected;
        if (base == AclRule.class) {
            expected = AclRule.TYPES.toString();
        }
        else if (base != Payload.class && Payload.class.isAssignableFrom(base)) {
            expected = DatabagType.of(base.asSubclass(Payload.class)).jsonType();
        }
        else {
            expected = DatabagType.jsonTypes().toString();
        }
        return new InvalidParameterException(field, "unknown type (expected " + expected + ")", e.getTypeId());
    }

    private static InvalidParameterException wrongType(MismatchedInputException e, String path) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Trailing token")) {
            return new InvalidParameterException("json", "trailing content after the JSON object");
        }
        if (message != null && message.contains("`null`")) {
            return new InvalidParameterException(orRoot(path), "is missing or null");
        }
        Object value = e instanceof InvalidFormatException format ? format.getValue() : null;
        return new InvalidParameterException(orRoot(path), "wrong JSON type (expected " + describe(e.getTargetType()) + ")", value);
    }

    /**
     * A syntax error has no field; the document is named and the message says where. A duplicate key is the
     * exception: the parser stands on it, so it is named.
     */
    private static InvalidParameterException malformed(StreamReadException e) {
        JsonParser parser = e.getProcessor();
        String path = parser == null ? "" : path(parser.getParsingContext());
        String message = firstLine(e.getOriginalMessage());
        if (message.startsWith("Duplicate field") && !path.isEmpty()) {
            return new InvalidParameterException(path, "duplicate key (" + message + ")");
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String near = path.isEmpty() ? "" : " (after " + path + ")";
        return new InvalidParameterException("json", "malformed JSON" + where + near + ": " + START_MARKER.matcher(message).replaceAll(""));
    }

    private static String describe(Class<?> target) {
        if (target == null) {
            return "another type";
        }
        if (target == int.class || target == long.class || target == Integer.class || target == Long.class) {
            return "a number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray() || target == VmMetadataEntry.class) {
            return "an array";
        }
        if (target == CidrList.class || target == WirePortRange.class) {
            return "a string";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord() && target.getPackage() == PayloadErrors.class.getPackage()
                || target == Payload.class || target == AclRule.class) {
            return "an object";
        }
        return "a string";
    }

    /** {@code rules[2].protocol}: field names joined by dots, array indices in brackets. */
    static String path(JsonMappingException e) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                segments.addLast(reference.getFieldName());
            }
            else if (reference.getIndex() >= 0) {
                segments.addLast("[" + reference.getIndex() + "]");
            }
        }
        return join(segments);
    }

    /** The same form for where a streaming parser stopped. */
    private static String path(JsonStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext current = context; current != null && !current.inRoot(); current = current.getParent()) {
            if (current.inArray()) {
                segments.addFirst("[" + Math.max(current.getCurrentIndex(), 0) + "]");
            }
            else if (current.getCurrentName() != null) {
                segments.addFirst(current.getCurrentName());
            }
        }
        return join(segments);
    }

    private static String join(Deque<String> segments) {
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            if (out.length() > 0 && !segment.startsWith("[")) {
                out.append('.');
            }
            out.append(segment);
        }
        return out.toString();
    }

    private static InvalidParameterException findCause(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            if (cause instanceof InvalidParameterException invalid) {
                return invalid;
            }
        }
        return null;
    }

    /** The same reason (and value) under another field name. */
    private static InvalidParameterException renamed(InvalidParameterException e, String field) {
        String reason = e.getMessage().substring(e.field().length() + 2);
        InvalidParameterException renamed = new InvalidParameterException(field, reason);
        renamed.setStackTrace(e.getStackTrace());
        return renamed;
    }

    private static String orRoot(String path) {
        return path.isEmpty() ? "json" : path;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
