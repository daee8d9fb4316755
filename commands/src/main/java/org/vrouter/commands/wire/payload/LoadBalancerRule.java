package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * The one rule of a {@link LoadBalancerPayload}: haproxy configuration lines plus the firewall openings
 * the router adds for them.
 *
 * @param configuration haproxy.cfg lines; an element may itself hold several lines separated by {@code \n}.
 *     Tabs and newlines are allowed, other control characters are not
 * @param tmpCfgFilePath where the router writes the candidate file ({@code /etc/haproxy/})
 * @param tmpCfgFileName the candidate file name ({@code haproxy.cfg.new.<epoch ms>})
 * @param isTransparent transparent (source-preserving) balancing; newer releases only
 * @param addRules listeners to open, {@code "<ip>:<port>:"}
 * @param removeRules listeners to close, {@code "<ip>:<port>:"}
 * @param statRules the stats listener, {@code "<ip>:<port>:<source cidrs>:,"}
 * @param routerIp the router NIC address (VPC) or control address
 * @param sslCerts certificates for SSL offload; newer releases only, not written when empty
 */
public record LoadBalancerRule(
        @JsonProperty("configuration") List<String> configuration,
        @JsonProperty("tmp_cfg_file_path") String tmpCfgFilePath,
        @JsonProperty("tmp_cfg_file_name") String tmpCfgFileName,
        @JsonProperty("is_transparent") Optional<Boolean> isTransparent,
        @JsonProperty("add_rules") List<String> addRules,
        @JsonProperty("remove_rules") List<String> removeRules,
        @JsonProperty("stat_rules") List<String> statRules,
        @JsonProperty("router_ip") IpAddress routerIp,
        @JsonProperty("ssl_certs") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SslCertificate> sslCerts) {

    /** {@code <ip>:<port>:}. */
    private static final Pattern LISTENER = Pattern.compile("([0-9.]+):([0-9]{1,5}):");
    /** {@code <ip>:<port>:<source cidrs>:,} with CloudStack's {@code 0/0} shorthand allowed among the sources. */
    private static final Pattern STATS = Pattern.compile("([0-9.]+):([0-9]{1,5}):([0-9./,]*):,?");

    public LoadBalancerRule {
        configuration = WireChecks.list("configuration", configuration);
        for (int i = 0; i < configuration.size(); i++) {
            configurationText("configuration[" + i + "]", configuration.get(i));
        }
        WireChecks.directory("tmp_cfg_file_path", tmpCfgFilePath);
        WireChecks.fileName("tmp_cfg_file_name", tmpCfgFileName);
        requireNonNull(isTransparent, "isTransparent is null");
        addRules = listeners("add_rules", addRules, LISTENER);
        removeRules = listeners("remove_rules", removeRules, LISTENER);
        statRules = listeners("stat_rules", statRules, STATS);
        WireChecks.required("router_ip", routerIp);
        sslCerts = WireChecks.list("ssl_certs", sslCerts);
    }

    private static void configurationText(String field, String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
                throw new InvalidParameterException(field, "must not contain control characters other than tab and newline", line);
            }
        }
    }

    private static List<String> listeners(String field, List<String> values, Pattern pattern) {
        List<String> copy = WireChecks.list(field, values);
        for (int i = 0; i < copy.size(); i++) {
            String element = field + "[" + i + "]";
            Matcher matcher = pattern.matcher(copy.get(i));
            if (!matcher.matches()) {
                String form = pattern == STATS ? "<ip>:<port>:<cidrs>:," : "<ip>:<port>:";
                throw new InvalidParameterException(element, "not a listener (" + form + ")", copy.get(i));
            }
            IpAddress.parse(element, matcher.group(1));
            FieldChecks.requirePort(element, Integer.parseInt(matcher.group(2)));
        }
        return copy;
    }

    /** The configuration as the text of one file: the elements joined by newlines. */
    public String configurationText() {
        return String.join("\n", configuration);
    }
}
