package org.vrouter.api.rule;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.validation.WireNames;

/**
 * How a load balancer keeps a client on one backend: an inserted cookie, the application's own
 * cookie, or the source address. Parameters are haproxy's, as CloudStack advertises them in the
 * {@code SupportedStickinessMethods} capability.
 *
 * <p>Validated at construction: only the method's parameters are accepted; values hold no
 * whitespace, quotes or control characters; {@code expire} is a number with a unit
 * ({@code d h m s}), {@code tablesize} a number with a unit ({@code k m g}), {@code length} a
 * number, {@code holdtime} a number with an optional unit ({@code d h m s}).
 *
 * @param params parameter name to value (empty for flags such as {@code nocache}); sorted by name
 */
public record StickinessPolicy(Method method, Map<String, String> params) {
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");
    private static final Pattern TIME_WITH_UNIT = Pattern.compile("\\d{1,9}[dhms]");
    private static final Pattern TIME = Pattern.compile("\\d{1,9}[dhms]?");
    private static final Pattern SIZE_WITH_UNIT = Pattern.compile("\\d{1,9}[kmg]");

    /** The stickiness methods of the virtual router. */
    public enum Method {
        LB_COOKIE("LbCookie", Set.of("cookie-name", "mode", "nocache", "indirect", "postonly", "domain")),
        APP_COOKIE("AppCookie", Set.of("cookie-name", "length", "holdtime", "request-learn", "prefix", "mode")),
        SOURCE("Source", Set.of("tablesize", "expire"));

        private static final String SOURCE_BASED = "SourceBased";

        private final String wireName;
        private final Set<String> parameters;

        Method(String wireName, Set<String> parameters) {
            this.wireName = wireName;
            this.parameters = parameters;
        }

        public String wireName() {
            return wireName;
        }

        /** The parameter names this method accepts. */
        public Set<String> parameters() {
            return parameters;
        }

        /** Looks up a wire name, ignoring case. */
        /** Looks up a method name; CloudStack's capability list calls the source method {@code SourceBased}. */
        public static Method fromWireName(String field, String name) {
            if (SOURCE_BASED.equalsIgnoreCase(name)) {
                return SOURCE;
            }
            return WireNames.fromWireName(field, name, values(), Method::wireName);
        }
    }

    public StickinessPolicy {
        requireNonNull(method, "method is null");
        requireNonNull(params, "params is null");
        Map<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> param : params.entrySet()) {
            String name = param.getKey();
            if (name == null || !method.parameters().contains(name)) {
                throw new InvalidParameterException("stickiness.params", "not a parameter of " + method.wireName()
                        + " (expected one of " + method.parameters().stream().sorted().toList() + ")", name);
            }
            sorted.put(name, requireValue(name, param.getValue()));
        }
        params = Collections.unmodifiableMap(sorted);
    }

    /** A policy without parameters. */
    public static StickinessPolicy of(Method method) {
        return new StickinessPolicy(method, Map.of());
    }

    private static String requireValue(String name, String value) {
        String field = "stickiness.params." + name;
        FieldChecks.requireSafeText(field, value);
        if (value.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidParameterException(field, "must not contain whitespace", value);
        }
        Pattern format = switch (name) {
            case "expire" -> TIME_WITH_UNIT;
            case "tablesize" -> SIZE_WITH_UNIT;
            case "length" -> NUMBER;
            case "holdtime" -> TIME;
            default -> null;
        };
        if (format != null && !format.matcher(value).matches()) {
            throw new InvalidParameterException(field, "not in the form " + describe(name), value);
        }
        return value;
    }

    private static String describe(String name) {
        return switch (name) {
            case "expire" -> "<number><d|h|m|s>";
            case "tablesize" -> "<number><k|m|g>";
            case "length" -> "<number>";
            default -> "<number>[d|h|m|s]";
        };
    }
}
