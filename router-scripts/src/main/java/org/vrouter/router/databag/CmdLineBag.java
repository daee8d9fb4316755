package org.vrouter.router.databag;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code cmdline} bag: the router's boot arguments under {@code config}, by name, with
 * {@code redundant_router} normalised to {@code "true"} or {@code "false"}. Written root-only: it may
 * hold {@code vmpassword} and {@code router_password}; {@link #toString()} masks them.
 */
public record CmdLineBag(Map<String, String> config) implements Databag {
    /** Router types whose boot arguments place addresses ({@code type=...}). */
    public static final String ROUTER = "router";
    public static final String VPC_ROUTER = "vpcrouter";
    public static final String DHCP_SERVER = "dhcpsrvr";
    public static final String INTERNAL_LB_VM = "ilbvm";

    private static final Set<String> SECRET_KEYS = Set.of("vmpassword", "router_password",
            "baremetalnotificationsecuritykey", "baremetalnotificationapikey");

    public CmdLineBag {
        config = BagMaps.sorted(config, "config");
    }

    public static CmdLineBag empty() {
        return new CmdLineBag(Map.of());
    }

    @Override
    public BagKey key() {
        return BagKey.CMD_LINE;
    }

    @Override
    public boolean isEmpty() {
        return config.isEmpty();
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(config.get(name));
    }

    /** {@code type}: {@code router}, {@code vpcrouter}, {@code dhcpsrvr}... */
    public Optional<String> routerType() {
        return get("type");
    }

    /** Whether this router is one of a redundant (VRRP) pair. */
    public boolean isRedundant() {
        return "true".equals(config.get("redundant_router"));
    }

    @Override
    public String toString() {
        return "CmdLineBag{" + config.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + (SECRET_KEYS.contains(entry.getKey()) ? "****" : entry.getValue()))
                .collect(Collectors.joining(", ")) + "}";
    }
}
