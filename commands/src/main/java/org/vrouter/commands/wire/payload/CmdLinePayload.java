package org.vrouter.commands.wire.payload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.bootargs.BootArgKeys;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;

/**
 * {@code cmd_line.json} ({@code cmdline}): the router's boot arguments, built on the router itself from the
 * {@code key=value} line the hypervisor delivers; never sent by the management server. All values are
 * strings, in the order of the boot line.
 *
 * <p>CloudStack's own file has no {@code delete_from_processed_cache}; it is optional on input (false when
 * absent) and written like on every payload. Values never contain whitespace (the boot line is split on
 * it) and are safe text, but are not checked per key as {@code BootArgs} checks them; keys have the shape
 * {@link BootArgKeys#isWellFormed} accepts. {@link #toString()} masks the values of
 * {@link BootArgKeys#SECRET_KEYS}.
 */
public record CmdLinePayload(
        @JsonProperty("cmd_line") Map<String, String> cmdLine,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public CmdLinePayload {
        WireChecks.required("cmd_line", cmdLine);
        Map<String, String> copy = new LinkedHashMap<>();
        cmdLine.forEach((key, value) -> {
            if (!BootArgKeys.isWellFormed(key)) {
                throw new InvalidParameterException("cmd_line", "not a boot argument name (a letter, then letters, digits or '_')", key);
            }
            String field = "cmd_line." + key;
            WireChecks.required(field, value);
            if (BootArgKeys.isSecret(key)) {
                FieldChecks.requireSafeSecret(field, value);
            }
            else {
                FieldChecks.requireSafeText(field, value);
            }
            if (value.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidParameterException(field, "must not contain whitespace", BootArgKeys.isSecret(key) ? null : value);
            }
            copy.put(key, value);
        });
        cmdLine = Collections.unmodifiableMap(copy);
    }

    /** The boot arguments, kept in the given order. */
    public static CmdLinePayload of(Map<String, String> cmdLine) {
        return new CmdLinePayload(cmdLine, false);
    }

    @JsonCreator
    static CmdLinePayload fromJson(
            @JsonProperty("cmd_line") Map<String, String> cmdLine,
            @JsonProperty("delete_from_processed_cache") Boolean deleteFromProcessedCache) {
        return new CmdLinePayload(cmdLine, deleteFromProcessedCache != null && deleteFromProcessedCache);
    }

    /** The value of one boot argument. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(cmdLine.get(key));
    }

    @Override
    public String toString() {
        return "CmdLinePayload[cmdLine={" + cmdLine.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + (BootArgKeys.isSecret(entry.getKey()) ? "****" : entry.getValue()))
                .collect(Collectors.joining(", ")) + "}, deleteFromProcessedCache=" + deleteFromProcessedCache + "]";
    }
}
