package org.vrouter.router.lb;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.error.InvalidParameterException;

/**
 * haproxy's configuration exactly as the {@code loadbalancer} databag received it: the
 * {@code configuration} lines of its rule, rendered on the management server. An element may
 * itself hold several lines separated by {@code \n}. The converger maps the bag into this; an
 * absent bag, or one with no rules, is {@link #none()}, which stops haproxy.
 *
 * <p>The lines are opaque here (haproxy itself validates them), except that none may hold a NUL or
 * a carriage return, which would make the file mean something else to haproxy than to a reader.
 */
public record LoadBalancerInput(List<String> configuration) {
    private static final LoadBalancerInput NONE = new LoadBalancerInput(List.of());

    public LoadBalancerInput {
        configuration = List.copyOf(requireNonNull(configuration, "configuration is null"));
        for (int i = 0; i < configuration.size(); i++) {
            String element = configuration.get(i);
            if (element.indexOf('\0') >= 0 || element.indexOf('\r') >= 0) {
                throw new InvalidParameterException("configuration[" + i + "]", "must not contain NUL or carriage return characters",
                        element);
            }
        }
    }

    /** No load balancing: haproxy is stopped. */
    public static LoadBalancerInput none() {
        return NONE;
    }

    public static LoadBalancerInput of(String... lines) {
        return new LoadBalancerInput(List.of(lines));
    }

    /** Whether there is no configuration at all (only blank lines count as none). */
    public boolean isEmpty() {
        return configuration.stream().allMatch(String::isBlank);
    }

    /** The configuration's lines, elements split at {@code \n}. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(configuration.size());
        for (String element : configuration) {
            lines.addAll(List.of(element.split("\n", -1)));
        }
        return List.copyOf(lines);
    }

    /** The file {@code haproxy.cfg}: the lines, each ended by a newline; empty for {@link #none()}. */
    public String text() {
        if (isEmpty()) {
            return "";
        }
        return String.join("\n", lines()) + "\n";
    }

    /** Never the configuration itself: it holds the statistics password. */
    @Override
    public String toString() {
        return "LoadBalancerInput[" + configuration.size() + " configuration element(s)]";
    }
}
