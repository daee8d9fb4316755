package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.vrouter.api.error.InvalidParameterException;

/**
 * Stickiness by client source address (CloudStack method {@code Source}): rendered as haproxy's
 * {@code stick-table type ip size <tableSize> expire <expire>} and {@code stick on src}.
 *
 * @param tableSize how many addresses the table holds: a number followed by {@code k}, {@code m} or
 *     {@code g} (binary multiples; CloudStack's default {@code 200k}); at most 2^32 - 1 entries
 * @param expire how long an unused entry is kept: a number followed by {@code d h m s}
 *     (CloudStack's default {@code 30m}); at most about 24 days, haproxy's timer limit
 */
public record SourceStickinessTO(String tableSize, String expire) implements LbStickinessPolicyTO {
    public static final String METHOD_NAME = "Source";
    public static final String DEFAULT_TABLE_SIZE = "200k";
    public static final String DEFAULT_EXPIRE = "30m";

    public SourceStickinessTO {
        LbStickinessParams.requireTableSize("tablesize", requireNonNull(tableSize, "tableSize is null"));
        LbStickinessParams.requireTime("expire", requireNonNull(expire, "expire is null"), false);
    }

    /** CloudStack's defaults: 200k entries, 30 minutes. */
    public static SourceStickinessTO defaults() {
        return new SourceStickinessTO(DEFAULT_TABLE_SIZE, DEFAULT_EXPIRE);
    }

    @Override
    public String methodName() {
        return METHOD_NAME;
    }

    @Override
    public List<Map.Entry<String, String>> params() {
        return List.of(Map.entry("tablesize", tableSize), Map.entry("expire", expire));
    }

    static SourceStickinessTO fromParams(List<Map.Entry<String, String>> params) {
        String tableSize = DEFAULT_TABLE_SIZE;
        String expire = DEFAULT_EXPIRE;
        for (Map.Entry<String, String> param : params) {
            String value = requireNonNull(param.getValue(), param.getKey() + " is null");
            switch (param.getKey().toLowerCase(Locale.ROOT)) {
                case "tablesize" -> tableSize = value;
                case "expire" -> expire = value;
                default -> throw new InvalidParameterException(param.getKey(), "not a parameter of stickiness method " + METHOD_NAME);
            }
        }
        return new SourceStickinessTO(tableSize, expire);
    }
}
