package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.api.validation.WireNames;

/**
 * Stickiness by a cookie that haproxy manages (CloudStack method {@code LbCookie}): rendered as
 * haproxy's {@code cookie <name> <mode> [indirect] [nocache] [postonly] [domain <d>]...} with a
 * {@code cookie} value on every {@code server} line.
 *
 * @param cookieName the cookie; when empty the renderer derives CloudStack's
 *     {@code lbcooki_<hash of source ip>_<source port>}
 * @param mode how the cookie is handled (CloudStack's default {@code insert})
 * @param indirect only set the cookie when the server was chosen by the balancing algorithm;
 *     incompatible with {@code rewrite} (haproxy refuses the combination)
 * @param nocache mark responses that set the cookie non-cacheable
 * @param postonly set the cookie only on responses to POST requests
 * @param domains cookie domains (a leading dot allowed), each a valid host name
 */
public record LbCookieStickinessTO(Optional<String> cookieName, Mode mode, boolean indirect, boolean nocache, boolean postonly,
        List<String> domains) implements LbStickinessPolicyTO {
    public static final String METHOD_NAME = "LbCookie";

    /** haproxy's cookie modes, as CloudStack's {@code mode} parameter names them. */
    public enum Mode {
        INSERT,
        REWRITE,
        PREFIX;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Looks up a wire name, ignoring case. */
        public static Mode fromWireName(String field, String name) {
            return WireNames.fromWireName(field, name, values(), Mode::wireName, "cookie mode");
        }
    }

    public LbCookieStickinessTO {
        requireNonNull(cookieName, "cookieName is null");
        requireNonNull(mode, "mode is null");
        cookieName.ifPresent(name -> LbStickinessParams.requireCookieName("cookie-name", name));
        domains = List.copyOf(requireNonNull(domains, "domains is null"));
        for (String domain : domains) {
            FieldChecks.requireHostName("domain", domain.startsWith(".") ? domain.substring(1) : domain);
        }
        if (mode == Mode.REWRITE && indirect) {
            throw new InvalidParameterException("indirect", "haproxy does not allow indirect with cookie mode rewrite", "rewrite");
        }
    }

    /** CloudStack's defaults: derived cookie name, insert mode, no flags, no domain. */
    public static LbCookieStickinessTO defaults() {
        return new LbCookieStickinessTO(Optional.empty(), Mode.INSERT, false, false, false, List.of());
    }

    /** The same policy with this cookie name. */
    public LbCookieStickinessTO withCookieName(String name) {
        return new LbCookieStickinessTO(Optional.of(name), mode, indirect, nocache, postonly, domains);
    }

    /** The same policy with these flags. */
    public LbCookieStickinessTO withFlags(Mode newMode, boolean newIndirect, boolean newNocache, boolean newPostonly) {
        return new LbCookieStickinessTO(cookieName, newMode, newIndirect, newNocache, newPostonly, domains);
    }

    /** The same policy with these cookie domains. */
    public LbCookieStickinessTO withDomains(String... newDomains) {
        return new LbCookieStickinessTO(cookieName, mode, indirect, nocache, postonly, Arrays.asList(newDomains));
    }

    @Override
    public String methodName() {
        return METHOD_NAME;
    }

    @Override
    public List<Map.Entry<String, String>> params() {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        cookieName.ifPresent(name -> params.add(Map.entry("cookie-name", name)));
        params.add(Map.entry("mode", mode.wireName()));
        if (indirect) {
            params.add(Map.entry("indirect", "true"));
        }
        if (nocache) {
            params.add(Map.entry("nocache", "true"));
        }
        if (postonly) {
            params.add(Map.entry("postonly", "true"));
        }
        domains.forEach(domain -> params.add(Map.entry("domain", domain)));
        return List.copyOf(params);
    }

    static LbCookieStickinessTO fromParams(List<Map.Entry<String, String>> params) {
        Optional<String> name = Optional.empty();
        Mode mode = Mode.INSERT;
        boolean indirect = false;
        boolean nocache = false;
        boolean postonly = false;
        List<String> domains = new ArrayList<>();
        for (Map.Entry<String, String> param : params) {
            String value = requireNonNull(param.getValue(), param.getKey() + " is null");
            switch (param.getKey().toLowerCase(Locale.ROOT)) {
                case "cookie-name" -> name = Optional.of(value);
                case "mode" -> mode = Mode.fromWireName("mode", value);
                case "indirect" -> indirect = true;
                case "nocache" -> nocache = true;
                case "postonly" -> postonly = true;
                case "domain" -> domains.add(value);
                default -> throw new InvalidParameterException(param.getKey(), "not a parameter of stickiness method " + METHOD_NAME);
            }
        }
        return new LbCookieStickinessTO(name, mode, indirect, nocache, postonly, domains);
    }
}
