package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

import org.vrouter.api.error.InvalidParameterException;

/**
 * Reads and writes CloudStack databag payloads: the JSON text of {@code /var/cache/cloud/<name>.json.<uuid>}.
 * Used by the management side to produce the files and by the router side to read them. Thread-safe;
 * build one and share it.
 *
 * <h2>Output</h2>
 * One line of compact JSON, byte-compatible with CloudStack's Gson: snake_case names as on the wire,
 * absent optional fields omitted (CloudStack omits nulls), primitive fields always written, a payload's
 * own fields first and then {@code type} and {@code delete_from_processed_cache}, Gson's string escapes
 * (no HTML escaping).
 *
 * <h2>Input</h2>
 * Parsing is strict, and every failure is one {@link InvalidParameterException} whose
 * {@link InvalidParameterException#field() field} is the JSON path ({@code rules[2].protocol},
 * {@code ip_address[0].public_ip}, {@code type}; {@code json} for the document itself) and whose message is
 * one line. Rejected:
 * <ul>
 *   <li>malformed JSON, trailing content after the object, duplicate keys;</li>
 *   <li>a missing or unknown {@code type} (or, for {@link #parse(String, Class)}, another type);</li>
 *   <li><b>unknown properties.</b> Every field CloudStack has emitted across releases is modelled
 *       (including renamed ones, accepted under both names), so an unknown name is a mistake or a
 *       newer CloudStack; dropping it silently would hide exactly the change that needs looking at;</li>
 *   <li>a JSON value of the wrong type: no coercion between strings, numbers and booleans
 *       ({@code "nic_dev_id":"2"} and {@code "add":1} fail), no fractions for integers;</li>
 *   <li>a missing (or {@code null}) primitive field, since CloudStack always writes them; absent optional
 *       fields are empty, absent lists are empty;</li>
 *   <li>any value the payload record rejects (address, CIDR, MAC, port, protocol, host name, unsafe text...).</li>
 * </ul>
 *
 * <p>{@link #parse(String, Class)} with a record type (the router side, which knows the type from the file
 * name) binds the document as it streams, checking {@code type} when it passes ({@link TypeField}):
 * CloudStack writes {@code type} last, and a type-id lookup would first buffer the whole document. When
 * that read fails, the document is read again the polymorphic way, so that errors are named exactly as
 * {@link #parse(String)} names them (a document of another type is refused for its {@code type}).
 */
public final class PayloadCodec {
    private final ObjectMapper mapper;
    /** For a payload of a known record type: no type-id lookup, {@code type} checked as it streams by ({@link TypeField}). */
    private final ObjectMapper typedMapper;

    public PayloadCodec() {
        JsonFactory factory = new JsonFactoryBuilder().characterEscapes(new GsonEscapes()).build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .addModule(new Jdk8Module())
                .addModule(new WireJsonModule())
                // only annotated members are wire fields: no accidental getter becomes a JSON key
                .disable(MapperFeature.AUTO_DETECT_GETTERS, MapperFeature.AUTO_DETECT_IS_GETTERS,
                        MapperFeature.AUTO_DETECT_FIELDS, MapperFeature.AUTO_DETECT_SETTERS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_INVALID_SUBTYPE, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.USE_DEFAULTS))
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .build();
        for (DatabagType type : DatabagType.values()) {
            mapper.registerSubtypes(new NamedType(type.payloadClass(), type.jsonType()));
        }
        this.mapper = mapper;
        this.typedMapper = mapper.rebuild()
                .addMixIn(Payload.class, NoTypeId.class)
                .addHandler(new TypeField())
                .build();
    }

    /** The payload as one line of compact JSON, in CloudStack's field order. */
    public String toJson(Payload payload) {
        requireNonNull(payload, "payload is null");
        try {
            return mapper.writeValueAsString(payload);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a " + payload.type() + " payload", e);
        }
    }

    /**
     * The payload as a JSON tree, the same tree a parse of {@link #toJson} gives (numbers as the narrowest
     * node that holds them may differ in node type, never in text), without writing and reading the text.
     */
    public ObjectNode toTree(Payload payload) {
        requireNonNull(payload, "payload is null");
        JsonNode tree = mapper.valueToTree(payload);
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalStateException("a " + payload.type() + " payload is not written as a JSON object");
        }
        return object;
    }

    /**
     * Reads a payload of any type, dispatching on its {@code type} field.
     *
     * @throws InvalidParameterException for any input that is not a valid payload (see the class comment)
     */
    public Payload parse(String json) {
        return parse(json, Payload.class);
    }

    /**
     * Reads a payload that must be of the given record type.
     *
     * @throws InvalidParameterException for any input that is not a valid payload of that type, including
     *     a valid payload of another type (field {@code type})
     */
    public <T extends Payload> T parse(String json, Class<T> type) {
        requireNonNull(json, "json is null");
        requireNonNull(type, "type is null");
        requireObject(json);
        if (type.isInterface()) {
            return readPolymorphic(json, type);
        }
        // CloudStack writes "type" last: a type-id lookup would buffer the whole document before binding it
        TypeField.Seen seen = new TypeField.Seen();
        try {
            T payload = typedMapper.readerFor(type).withAttribute(TypeField.Seen.class, seen).readValue(json);
            if (seen.value) {
                return payload;
            }
        }
        catch (JsonProcessingException | InvalidParameterException e) {
            // fall through: the polymorphic read names the error as it always has (another type comes first)
        }
        return readPolymorphic(json, type);
    }

    private <T extends Payload> T readPolymorphic(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        }
        catch (JsonProcessingException e) {
            throw PayloadErrors.translate(e);
        }
    }

    /** A payload is a JSON object; anything else would otherwise be reported as a missing {@code type}. */
    private static void requireObject(String json) {
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '{') {
                return;
            }
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                throw new InvalidParameterException("json", "must be a JSON object", json.substring(i, Math.min(json.length(), i + 20)));
            }
        }
        throw new InvalidParameterException("json", "is empty");
    }
}
