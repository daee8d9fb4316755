package org.vrouter.router.databag;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;

/**
 * The on-disk form of the {@code cmdline} bag: {@code {"id": "cmdline", "config": {name: value...}}}.
 * Values are strings; a scalar that CloudStack's redundancy code wrote as a JSON boolean or number is
 * read as its text.
 */
final class CmdLineFormat {
    private CmdLineFormat() {}

    static CmdLineBag read(ObjectNode root) {
        JsonNode config = root.get("config");
        if (config == null) {
            return CmdLineBag.empty();
        }
        if (!config.isObject()) {
            throw new InvalidParameterException("config", "must be a JSON object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : config.properties()) {
            JsonNode value = member.getValue();
            String field = "config." + member.getKey();
            if (!value.isValueNode() || value.isNull()) {
                throw new InvalidParameterException(field, "must be a string");
            }
            values.put(member.getKey(), FieldChecks.requireSafeSecret(field, value.asText()));
        }
        return new CmdLineBag(values);
    }

    static void write(CmdLineBag bag, ObjectNode root) {
        if (!bag.isEmpty()) {
            ObjectNode config = root.putObject("config");
            bag.config().forEach(config::put);
        }
    }
}
