package org.vrouter.commands.wire.payload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Plain Jackson trees for structural comparison of JSON texts in tests, independent of the codec. */
final class JsonTrees {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private JsonTrees() {}

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        }
        catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /** Pretty-printed with sorted keys, so a failed comparison shows a readable line diff. */
    static String pretty(String json) {
        try {
            Object sorted = MAPPER.treeToValue(tree(json), Object.class);
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(sorted);
        }
        catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
