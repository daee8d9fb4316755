package org.vrouter.router.converge;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.firewall.Firewall;
import org.vrouter.router.firewall.FirewallApplier;
import org.vrouter.router.firewall.IpsetApplier;
import org.vrouter.router.firewall.IptablesApplier;
import org.vrouter.router.firewall.IsolatedFirewallInput;
import org.vrouter.router.firewall.IsolatedFirewallInputs;
import org.vrouter.router.firewall.IsolatedFirewallRenderer;
import org.vrouter.router.host.FileDrift;
import org.vrouter.router.host.Host;

/**
 * The {@code firewall} service: the IPv4 iptables ruleset and ipsets of an isolated ({@code router}) or
 * shared-network ({@code dhcpsrvr}) router, mapped by {@link IsolatedFirewallInputs}, rendered by
 * {@link IsolatedFirewallRenderer} and applied by {@link FirewallApplier} (one {@code iptables-restore}
 * of the changed chains, validated with {@code --test} first; persisted to {@code /etc/iptables/rules.v4}).
 * Repair starts from the kernel ({@code iptables-save}, {@code ipset save}), never from
 * {@code rules.v4}, which a wiped kernel no longer matches.
 *
 * <p>A VPC router is skipped with a reason: its firewall (network ACLs) has no renderer yet.
 */
final class FirewallService extends InputService<IsolatedFirewallInput> {
    static final String NAME = "firewall";
    private static final Set<BagKey> INPUTS = Set.of(BagKey.CMD_LINE, BagKey.IPS, BagKey.GUEST_NETWORK, BagKey.FIREWALL_RULES,
            BagKey.FORWARDING_RULES, BagKey.LOAD_BALANCER, BagKey.REMOTE_ACCESS_VPN);

    private final Host host;
    private final FirewallApplier applier;
    private final IsolatedFirewallRenderer renderer = new IsolatedFirewallRenderer();

    FirewallService(Host host, FirewallApplier applier, Set<String> dependsOn) {
        super(NAME, INPUTS, dependsOn);
        this.host = requireNonNull(host, "host is null");
        this.applier = requireNonNull(applier, "applier is null");
    }

    @Override
    DesiredInput<IsolatedFirewallInput> desired(Databags databags) {
        Optional<String> type = databags.cmdLine().routerType();
        if (type.isEmpty()) {
            return DesiredInput.skip("no boot arguments yet (cmd_line.json has not been processed)");
        }
        if (type.get().equals(CmdLineBag.VPC_ROUTER)) {
            return DesiredInput.skip("type=vpcrouter: the VPC firewall (network ACLs) is not rendered yet; iptables left as they are");
        }
        if (!type.get().equals(CmdLineBag.ROUTER) && !type.get().equals(CmdLineBag.DHCP_SERVER)) {
            return DesiredInput.skip("type=" + type.get() + " has no firewall service");
        }
        List<String> ignored = new ArrayList<>();
        IsolatedFirewallInput input = IsolatedFirewallInputs.from(databags, ignored::add);
        return DesiredInput.of(input, ignored);
    }

    @Override
    Optional<String> applyInput(IsolatedFirewallInput input) throws IOException {
        return describe(applier.apply(renderer.render(input)));
    }

    @Override
    Optional<String> repairInput(IsolatedFirewallInput input) throws IOException {
        return describe(applier.repair(renderer.render(input)));
    }

    @Override
    Map<String, String> files(IsolatedFirewallInput input) {
        Firewall firewall = renderer.render(input);
        Map<String, String> files = new LinkedHashMap<>();
        files.put(IpsetApplier.SETS_PATH, firewall.renderSets());
        files.put(IptablesApplier.RULES_PATH, firewall.ruleset().render());
        return files;
    }

    @Override
    List<String> differences(IsolatedFirewallInput input) throws IOException {
        Firewall firewall = renderer.render(input);
        List<String> differences = new ArrayList<>();
        FirewallApplier.Drift drift = applier.verify(firewall);
        if (!drift.rules().isEmpty()) {
            differences.add("kernel iptables differ (+ missing, - unexpected, ~ different chain): " + drift.rules());
        }
        if (!drift.sets().isEmpty()) {
            differences.add("kernel " + drift.sets() + " (+ missing, - unexpected, ~ different content)");
        }
        for (Map.Entry<String, String> file : files(input).entrySet()) {
            FileDrift.of(host, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8)).ifPresent(differences::add);
        }
        return differences;
    }

    private static Optional<String> describe(FirewallApplier.Report report) {
        if (!report.changed()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (report.rules().changed()) {
            parts.add("iptables " + report.rules().diff() + " (" + report.rules().payloadLines() + "-line payload)");
        }
        if (!report.sets().isEmpty()) {
            parts.add(report.sets().toString());
        }
        return Optional.of(String.join("; ", parts));
    }
}
