package org.vrouter.router.databag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The text form of a bag file, as CloudStack's router writes it ({@code json.dumps(bag, indent=2,
 * sort_keys=True)}): every object's keys sorted, two-space indent, {@code ": "} between key and value,
 * no trailing newline. Reading is strict about syntax (duplicate keys, trailing content) and knows
 * nothing of the bags' contents.
 */
final class DatabagJson {
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** The JSON document in {@code text}; it must be an object. */
    ObjectNode parseObject(String text) throws JsonProcessingException {
        JsonNode node = mapper.readTree(text);
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Compact text of a node, as a payload parser takes it. */
    String compact(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** The bytes of a bag file. */
    byte[] render(JsonNode root) {
        StringBuilder out = new StringBuilder(1024);
        write(root, 0, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes a value whose first line is already indented by {@code indent}. */
    static void write(JsonNode node, int indent, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.properties().forEach(entry -> names.add(entry.getKey()));
            names.sort(null);
            if (names.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            for (int i = 0; i < names.size(); i++) {
                pad(indent + 2, out);
                quote(names.get(i), out);
                out.append(": ");
                write(node.get(names.get(i)), indent + 2, out);
                out.append(i + 1 < names.size() ? ",\n" : "\n");
            }
            pad(indent, out);
            out.append('}');
        }
        else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append("[\n");
            for (Iterator<JsonNode> items = node.iterator(); items.hasNext();) {
                pad(indent + 2, out);
                write(items.next(), indent + 2, out);
                out.append(items.hasNext() ? ",\n" : "\n");
            }
            pad(indent, out);
            out.append(']');
        }
        else if (node.isTextual()) {
            quote(node.textValue(), out);
        }
        else {
            out.append(node);
        }
    }

    static void pad(int indent, StringBuilder out) {
        out.append(" ".repeat(indent));
    }

    static void quote(String text, StringBuilder out) {
        out.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
    }

    /** The members of an object other than {@code id}, in file order. */
    static List<Map.Entry<String, JsonNode>> members(ObjectNode root) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (!entry.getKey().equals("id")) {
                members.add(entry);
            }
        }
        return members;
    }

    /** Reads a JSON tree from bytes (UTF-8). */
    ObjectNode parseObject(byte[] bytes) throws IOException {
        return parseObject(new String(bytes, StandardCharsets.UTF_8));
    }
}
