package org.vrouter.commands.wire.haproxy;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the management side sends the router for its load balancer: the lines of
 * {@code /etc/haproxy/haproxy.cfg} and the firewall openings, i.e. the {@code configuration},
 * {@code add_rules}, {@code remove_rules} and {@code stat_rules} members of a
 * {@code load_balancer.json} rule entry. Produced by {@link HaproxyConfigRenderer}.
 *
 * @param configuration the configuration, one line per element, no element containing a newline
 * @param addRules {@code "<ip>:<port>:"} for every active rule: open the port on the router
 * @param removeRules {@code "<ip>:<port>:"} for every revoked rule whose address and port no active
 *     rule uses: close the port
 * @param statRules {@code "<ip>:<port>:<source cidrs>:,"} for the statistics listener; empty when
 *     there is no dedicated listener
 */
public record HaproxyConfiguration(List<String> configuration, List<String> addRules, List<String> removeRules, List<String> statRules) {
    public HaproxyConfiguration {
        configuration = List.copyOf(requireNonNull(configuration, "configuration is null"));
        addRules = List.copyOf(requireNonNull(addRules, "addRules is null"));
        removeRules = List.copyOf(requireNonNull(removeRules, "removeRules is null"));
        statRules = List.copyOf(requireNonNull(statRules, "statRules is null"));
        for (String line : configuration) {
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("configuration line contains a line break: " + line);
            }
        }
    }

    /** The configuration file's text: the lines joined with {@code \n}, ending with a newline. */
    public String text() {
        return String.join("\n", configuration) + "\n";
    }
}
