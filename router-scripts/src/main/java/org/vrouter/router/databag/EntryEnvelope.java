package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.wire.payload.DatabagType;
import org.vrouter.commands.wire.payload.Payload;
import org.vrouter.commands.wire.payload.PayloadCodec;

/**
 * Reads and writes bag entries through the wire codec: CloudStack stores what the wire carried (a whole
 * payload, or one element of a payload's list), so an entry is wrapped back into a payload of its type
 * and parsed strictly. An entry is then exactly as valid as a wire value, checked by the same code.
 */
final class EntryEnvelope {
    private static final String TYPE = "type";
    private static final String DELETE_FLAG = "delete_from_processed_cache";

    private final PayloadCodec codec;
    private final DatabagJson json;

    EntryEnvelope(PayloadCodec codec, DatabagJson json) {
        this.codec = requireNonNull(codec, "codec is null");
        this.json = requireNonNull(json, "json is null");
    }

    /**
     * A whole payload stored as an entry. CloudStack keeps its {@code type} and flag; they are added when a
     * stored entry lacks them.
     */
    <P extends Payload> P payload(Class<P> payloadClass, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidParameterException("entry", "must be a JSON object");
        }
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        if (!copy.has(TYPE)) {
            copy.put(TYPE, DatabagType.of(payloadClass).jsonType());
        }
        if (!copy.has(DELETE_FLAG)) {
            copy.put(DELETE_FLAG, false);
        }
        return codec.parse(json.compact(copy), payloadClass);
    }

    /**
     * The elements of a payload's list member ({@code rules}, {@code peers}...), parsed in one document.
     * When that fails, each element is parsed alone so that only the bad ones are lost; each is reported
     * to {@code onError} with its index and a reason whose field is relative to the element.
     *
     * @return one result per node, in order; empty for an element that did not parse
     */
    <P extends Payload, E> List<Optional<E>> elements(Class<P> payloadClass, String listField, List<JsonNode> nodes,
            Function<P, List<E>> extract, BiConsumer<Integer, String> onError) {
        try {
            return extract.apply(wrap(payloadClass, listField, nodes)).stream().map(Optional::of).toList();
        }
        catch (InvalidParameterException whole) {
            List<Optional<E>> results = new ArrayList<>(nodes.size());
            for (int i = 0; i < nodes.size(); i++) {
                try {
                    results.add(Optional.of(extract.apply(wrap(payloadClass, listField, List.of(nodes.get(i)))).get(0)));
                }
                catch (InvalidParameterException e) {
                    onError.accept(i, relative(e, listField + "[0]"));
                    results.add(Optional.empty());
                }
            }
            return results;
        }
    }

    private <P extends Payload> P wrap(Class<P> payloadClass, String listField, List<JsonNode> nodes) {
        ObjectNode envelope = json.object();
        ArrayNode list = envelope.putArray(listField);
        nodes.forEach(list::add);
        envelope.put(TYPE, DatabagType.of(payloadClass).jsonType());
        envelope.put(DELETE_FLAG, false);
        return codec.parse(json.compact(envelope), payloadClass);
    }

    /** The payload as a JSON tree, in the wire's shape. */
    ObjectNode tree(Payload payload) {
        // no text round trip: a from-scratch bag of 10,000 rules renders 10,000 of these
        return codec.toTree(payload);
    }

    /** The elements of a payload's list member as JSON trees. */
    List<JsonNode> elements(Payload payload, String listField) {
        List<JsonNode> elements = new ArrayList<>();
        JsonNode list = tree(payload).get(listField);
        if (list != null) {
            list.forEach(elements::add);
        }
        return elements;
    }

    /** A payload tree without the envelope members, as a bag stores settings. */
    static ObjectNode withoutEnvelope(ObjectNode tree) {
        tree.remove(TYPE);
        tree.remove(DELETE_FLAG);
        return tree;
    }

    /** The reason of a failure, its field made relative to {@code prefix} ({@code rules[0].protocol} → {@code protocol}). */
    static String relative(InvalidParameterException e, String prefix) {
        String field = e.field();
        if (field.startsWith(prefix + ".")) {
            return e.withField(field.substring(prefix.length() + 1)).getMessage();
        }
        if (field.equals(prefix)) {
            return e.withField("entry").getMessage();
        }
        return e.getMessage();
    }
}
