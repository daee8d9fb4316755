package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.WireNames;

/**
 * Stickiness by a cookie the application sets (CloudStack method {@code AppCookie}). CloudStack
 * renders haproxy's {@code appsession}, which haproxy removed in 1.6; the renderer expresses the
 * same behaviour with a string stick-table keyed by the cookie (see the haproxy renderer).
 *
 * @param cookieName the application's cookie; when empty the renderer derives CloudStack's
 *     {@code appcookie_<hash of source ip>_<source port>}
 * @param length how many characters of the cookie value are remembered (CloudStack's default 52)
 * @param holdTime how long an unused entry is kept: a number of milliseconds, or a number followed
 *     by {@code d h m s} (CloudStack's default {@code 3h})
 * @param requestLearn also learn the cookie from requests, not only from responses
 * @param prefix CloudStack's "match on the cookie name prefix"; haproxy 2.6 has no equivalent, so
 *     the renderer matches the exact name (documented deviation)
 * @param mode where else the session id may appear in the URL (path parameters by default)
 */
public record AppCookieStickinessTO(Optional<String> cookieName, int length, String holdTime, boolean requestLearn, boolean prefix,
        Optional<Mode> mode) implements LbStickinessPolicyTO {
    public static final String METHOD_NAME = "AppCookie";
    public static final int DEFAULT_LENGTH = 52;
    public static final String DEFAULT_HOLD_TIME = "3h";
    private static final int MAX_LENGTH = 4096;

    /** CloudStack's {@code mode} values: where in the URL the session id may also appear. */
    public enum Mode {
        PATH_PARAMETERS("path-parameters"),
        QUERY_STRING("query-string");

        private final String wireName;

        Mode(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** Looks up a wire name, ignoring case. */
        public static Mode fromWireName(String field, String name) {
            return WireNames.fromWireName(field, name, values(), Mode::wireName, "mode");
        }
    }

    public AppCookieStickinessTO {
        requireNonNull(cookieName, "cookieName is null");
        requireNonNull(holdTime, "holdTime is null");
        requireNonNull(mode, "mode is null");
        cookieName.ifPresent(name -> LbStickinessParams.requireCookieName("cookie-name", name));
        if (length < 1 || length > MAX_LENGTH) {
            throw new InvalidParameterException("length", "must be between 1 and " + MAX_LENGTH, length);
        }
        LbStickinessParams.requireTime("holdtime", holdTime, true);
    }

    /** CloudStack's defaults: derived cookie name, length 52, hold time 3h, no flags. */
    public static AppCookieStickinessTO defaults() {
        return new AppCookieStickinessTO(Optional.empty(), DEFAULT_LENGTH, DEFAULT_HOLD_TIME, false, false, Optional.empty());
    }

    /** The same policy with this cookie name. */
    public AppCookieStickinessTO withCookieName(String name) {
        return new AppCookieStickinessTO(Optional.of(name), length, holdTime, requestLearn, prefix, mode);
    }

    /** The same policy with this length and hold time. */
    public AppCookieStickinessTO withLimits(int newLength, String newHoldTime) {
        return new AppCookieStickinessTO(cookieName, newLength, newHoldTime, requestLearn, prefix, mode);
    }

    /** The same policy with these flags and URL mode. */
    public AppCookieStickinessTO withFlags(boolean newRequestLearn, boolean newPrefix, Optional<Mode> newMode) {
        return new AppCookieStickinessTO(cookieName, length, holdTime, newRequestLearn, newPrefix, newMode);
    }

    @Override
    public String methodName() {
        return METHOD_NAME;
    }

    @Override
    public List<Map.Entry<String, String>> params() {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        cookieName.ifPresent(name -> params.add(Map.entry("cookie-name", name)));
        params.add(Map.entry("length", Integer.toString(length)));
        params.add(Map.entry("holdtime", holdTime));
        if (requestLearn) {
            params.add(Map.entry("request-learn", "true"));
        }
        if (prefix) {
            params.add(Map.entry("prefix", "true"));
        }
        mode.ifPresent(value -> params.add(Map.entry("mode", value.wireName())));
        return List.copyOf(params);
    }

    static AppCookieStickinessTO fromParams(List<Map.Entry<String, String>> params) {
        Optional<String> name = Optional.empty();
        int length = DEFAULT_LENGTH;
        String holdTime = DEFAULT_HOLD_TIME;
        boolean requestLearn = false;
        boolean prefix = false;
        Optional<Mode> mode = Optional.empty();
        for (Map.Entry<String, String> param : params) {
            String value = requireNonNull(param.getValue(), param.getKey() + " is null");
            switch (param.getKey().toLowerCase(Locale.ROOT)) {
                case "cookie-name" -> name = Optional.of(value);
                case "length" -> length = LbStickinessParams.requirePositiveInt("length", value, MAX_LENGTH);
                case "holdtime" -> holdTime = value;
                case "request-learn" -> requestLearn = true;
                case "prefix" -> prefix = true;
                case "mode" -> mode = Optional.of(Mode.fromWireName("mode", value));
                default -> throw new InvalidParameterException(param.getKey(), "not a parameter of stickiness method " + METHOD_NAME);
            }
        }
        return new AppCookieStickinessTO(name, length, holdTime, requestLearn, prefix, mode);
    }
}
