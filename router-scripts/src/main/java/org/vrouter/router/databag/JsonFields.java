package org.vrouter.router.databag;

import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.vrouter.api.error.InvalidParameterException;

/** Typed reads of an entry's members, for the bag shapes that are not a wire payload; errors name the member. */
final class JsonFields {
    private JsonFields() {}

    /** Rejects members outside {@code known}: an unknown one means the file is not what this code thinks it is. */
    static void requireKnown(JsonNode entry, Set<String> known) {
        if (!entry.isObject()) {
            throw new InvalidParameterException("entry", "must be a JSON object");
        }
        entry.properties().forEach(member -> {
            if (!known.contains(member.getKey())) {
                throw new InvalidParameterException(member.getKey(), "unknown member");
            }
        });
    }

    static String text(JsonNode entry, String field) {
        return optionalText(entry, field).orElseThrow(() -> new InvalidParameterException(field, "is missing"));
    }

    static Optional<String> optionalText(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new InvalidParameterException(field, "must be a string", value);
        }
        return Optional.of(value.textValue());
    }

    static boolean bool(JsonNode entry, String field, boolean absent) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw new InvalidParameterException(field, "must be true or false", value);
        }
        return value.booleanValue();
    }

    static Optional<Boolean> optionalBool(JsonNode entry, String field) {
        return entry.hasNonNull(field) ? Optional.of(bool(entry, field, false)) : Optional.empty();
    }

    /** An integer, also as a decimal string (CloudStack's boot-argument addresses store {@code nic_dev_id} as text). */
    static Optional<Integer> optionalInt(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return Optional.of(value.intValue());
        }
        if (value.isTextual() && value.textValue().matches("0|[1-9][0-9]{0,8}")) {
            return Optional.of(Integer.parseInt(value.textValue()));
        }
        throw new InvalidParameterException(field, "must be an integer", value);
    }
}
