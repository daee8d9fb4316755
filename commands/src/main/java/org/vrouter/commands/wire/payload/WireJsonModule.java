package org.vrouter.commands.wire.payload;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.net.PortRange;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.secret.Secret;

/**
 * Jackson bindings for the values the payload records hold: address, CIDR, MAC, netmask, port-range and
 * secret types as JSON strings (strings only: no number or boolean is coerced into one), the
 * {@code [folder, file, contents]} triple of {@link VmMetadataEntry}, and Gson's key order for payloads
 * (own fields first, then {@code type}, then {@code delete_from_processed_cache}).
 */
final class WireJsonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** The ConfigBase fields CloudStack's Gson writes after a payload's own fields, in this order. */
    private static final List<String> TRAILING_PAYLOAD_FIELDS = List.of("type", "delete_from_processed_cache");

    WireJsonModule() {
        super("vrouter-wire-payload");
        text(IpAddress.class, IpAddress::parse, IpAddress::value);
        text(Cidr.class, Cidr::parse, Cidr::toString);
        text(MacAddress.class, MacAddress::parse, MacAddress::value);
        text(Netmask.class, Netmask::parse, Netmask::toString);
        text(PortRange.class, WireChecks::colonPortRange, PortRange::toColonForm);
        text(WirePortRange.class, WirePortRange::parse, WirePortRange::toString);
        text(CidrList.class, CidrList::parse, CidrList::toString);
        text(TrafficType.class, TrafficType::fromWireName, TrafficType::wireName);
        text(Secret.class, (field, value) -> Secret.of(value), Secret::reveal);
        addSerializer(VmMetadataEntry.class, new VmMetadataEntrySerializer());
        addDeserializer(VmMetadataEntry.class, new VmMetadataEntryDeserializer());
        setSerializerModifier(new PayloadFieldOrder());
    }

    private <T> void text(Class<T> type, BiFunction<String, String, T> parser, Function<T, String> printer) {
        addSerializer(type, new TextSerializer<>(type, printer));
        addDeserializer(type, new TextDeserializer<>(type, parser));
    }

    /** The name of the field being read, for the value's own error; the codec replaces it with the full path. */
    private static String currentField(JsonParser parser) throws IOException {
        String name = parser.currentName();
        return name == null ? "value" : name;
    }

    private static final class TextSerializer<T> extends StdSerializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient Function<T, String> printer;

        TextSerializer(Class<T> type, Function<T, String> printer) {
            super(type);
            this.printer = printer;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(printer.apply(value));
        }
    }

    private static final class TextDeserializer<T> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final Class<T> type;
        private final transient BiFunction<String, String, T> parser;

        TextDeserializer(Class<T> type, BiFunction<String, String, T> parser) {
            super(type);
            this.type = type;
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
            return this.parser.apply(currentField(parser), parser.getText());
        }
    }

    /** Writes a triple as a 3-element array; absent contents is JSON {@code null}, as Gson writes a null array element. */
    private static final class VmMetadataEntrySerializer extends StdSerializer<VmMetadataEntry> {
        private static final long serialVersionUID = 1L;

        VmMetadataEntrySerializer() {
            super(VmMetadataEntry.class);
        }

        @Override
        public void serialize(VmMetadataEntry entry, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeStartArray();
            generator.writeString(entry.folder());
            generator.writeString(entry.file());
            if (entry.contents().isPresent()) {
                generator.writeString(entry.contents().get());
            }
            else {
                generator.writeNull();
            }
            generator.writeEndArray();
        }
    }

    /** Reads exactly {@code [string, string, string|null]}; anything else names the element. */
    private static final class VmMetadataEntryDeserializer extends StdDeserializer<VmMetadataEntry> {
        private static final long serialVersionUID = 1L;

        VmMetadataEntryDeserializer() {
            super(VmMetadataEntry.class);
        }

        @Override
        public VmMetadataEntry deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.isExpectedStartArrayToken()) {
                return (VmMetadataEntry) context.handleUnexpectedToken(VmMetadataEntry.class, parser);
            }
            List<String> elements = new ArrayList<>(3);
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    elements.add(parser.getText());
                }
                else if (token == JsonToken.VALUE_NULL) {
                    elements.add(null);
                }
                else {
                    throw new InvalidParameterException("vm_metadata", "element " + elements.size()
                            + " of a [folder, file, contents] triple must be a string (or null for contents)");
                }
            }
            if (elements.size() != 3) {
                throw new InvalidParameterException("vm_metadata",
                        "must be a [folder, file, contents] triple, got " + elements.size() + " elements");
            }
            try {
                return new VmMetadataEntry(elements.get(0), elements.get(1), Optional.ofNullable(elements.get(2)));
            }
            catch (InvalidParameterException e) {
                // reported like a record's own validation: the path of the triple plus the element's name
                return (VmMetadataEntry) context.handleInstantiationProblem(VmMetadataEntry.class, elements, e);
            }
        }
    }

    /** Moves {@code type} and {@code delete_from_processed_cache} behind a payload's own fields, as Gson orders them. */
    private static final class PayloadFieldOrder extends BeanSerializerModifier {
        private static final long serialVersionUID = 1L;

        @Override
        public List<BeanPropertyWriter> orderProperties(SerializationConfig config, BeanDescription description,
                List<BeanPropertyWriter> properties) {
            if (!Payload.class.isAssignableFrom(description.getBeanClass())) {
                return properties;
            }
            List<BeanPropertyWriter> ordered = new ArrayList<>(properties);
            for (String name : TRAILING_PAYLOAD_FIELDS) {
                for (BeanPropertyWriter property : properties) {
                    if (property.getName().equals(name)) {
                        ordered.remove(property);
                        ordered.add(property);
                    }
                }
            }
            return ordered;
        }
    }
}
