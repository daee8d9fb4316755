package org.vrouter.router.converge;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.vrouter.commands.wire.payload.FirewallRule;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.firewall.Conntrack;
import org.vrouter.router.firewall.ConntrackCleanup;
import org.vrouter.router.firewall.Firewall;
import org.vrouter.router.firewall.FirewallApplier;
import org.vrouter.router.firewall.IsolatedFirewallInput;
import org.vrouter.router.firewall.IsolatedFirewallInputs;
import org.vrouter.router.firewall.IsolatedFirewallRenderer;
import org.vrouter.router.host.FileDrift;
import org.vrouter.router.host.Host;
import org.vrouter.router.memo.IdentityMemo;

/**
 * The {@code firewall} service: the IPv4 iptables ruleset and ipsets of an isolated ({@code router}) or
 * shared-network ({@code dhcpsrvr}) router, mapped by {@link IsolatedFirewallInputs}, rendered by
 * {@link IsolatedFirewallRenderer} and applied by {@link FirewallApplier} (one {@code iptables-restore}
 * of the changed chains, validated with {@code --test} first; persisted to {@code /etc/iptables/rules.v4}).
 * Repair starts from the kernel ({@code iptables-save}, {@code ipset save}), never from
 * {@code rules.v4}, which a wiped kernel no longer matches.
 *
 * <p>After a change is applied, the connection-tracking entries of NAT mappings it removed are deleted
 * ({@link ConntrackCleanup}: a removed port forward or static NAT, a source-NAT address that is no longer
 * one), so that established connections stop using them; every other entry stays. A failed delete is
 * reported in the outcome and does not fail the service: the rules are in force by then.
 *
 * <p>A VPC router's firewall (network ACLs) is {@link org.vrouter.router.vpc.VpcFirewallService}'s, which
 * {@link RouterConvergers} wraps around this service; called directly for a VPC router, this one skips.
 */
final class FirewallService extends InputService<IsolatedFirewallInput> {
    static final String NAME = "firewall";
    private static final Set<BagKey> INPUTS = Set.of(BagKey.CMD_LINE, BagKey.IPS, BagKey.GUEST_NETWORK, BagKey.FIREWALL_RULES,
            BagKey.FORWARDING_RULES, BagKey.LOAD_BALANCER, BagKey.REMOTE_ACCESS_VPN);

    private final Host host;
    private final FirewallApplier applier;
    private final Conntrack conntrack;
    private final IsolatedFirewallRenderer renderer = new IsolatedFirewallRenderer();
    /** Each {@code firewallrules} entry as mapped, kept across converges: one more rule maps one rule. */
    private final IdentityMemo<FirewallRule, IsolatedFirewallInputs.MappedRule> rules = new IdentityMemo<>();

    FirewallService(Host host, FirewallApplier applier, Set<String> dependsOn) {
        super(NAME, INPUTS, dependsOn);
        this.host = requireNonNull(host, "host is null");
        this.applier = requireNonNull(applier, "applier is null");
        this.conntrack = new Conntrack(host);
    }

    @Override
    DesiredInput<IsolatedFirewallInput> desired(Databags databags) {
        Optional<String> type = databags.cmdLine().routerType();
        if (type.isEmpty()) {
            return DesiredInput.skip("no boot arguments yet (cmd_line.json has not been processed)");
        }
        if (type.get().equals(CmdLineBag.VPC_ROUTER)) {
            return DesiredInput.skip("type=vpcrouter: the VPC firewall service renders it");
        }
        if (!type.get().equals(CmdLineBag.ROUTER) && !type.get().equals(CmdLineBag.DHCP_SERVER)) {
            return DesiredInput.skip("type=" + type.get() + " has no firewall service");
        }
        List<String> ignored = new ArrayList<>();
        IsolatedFirewallInput input = IsolatedFirewallInputs.from(databags, ignored::add, rules);
        return DesiredInput.of(input, ignored);
    }

    @Override
    Optional<String> applyInput(IsolatedFirewallInput input) throws IOException {
        return describe(applier.apply(renderer.render(input)), Conntrack.Report.NONE);
    }

    @Override
    Optional<String> applyChange(IsolatedFirewallInput input, Supplier<Optional<IsolatedFirewallInput>> previous) throws IOException {
        FirewallApplier.Report report = applier.apply(renderer.render(input));
        // only once the new rules are in force: an entry deleted earlier could be recreated by an old rule
        Conntrack.Report cleanup = conntrack.delete(previous.get().map(before -> ConntrackCleanup.between(before, input)).orElse(List.of()));
        return describe(report, cleanup);
    }

    @Override
    Optional<String> repairInput(IsolatedFirewallInput input) throws IOException {
        return describe(applier.repair(renderer.render(input)), Conntrack.Report.NONE);
    }

    @Override
    Map<String, String> files(IsolatedFirewallInput input) {
        return FirewallApplier.files(renderer.render(input));
    }

    @Override
    List<String> differences(IsolatedFirewallInput input) throws IOException {
        Firewall firewall = renderer.render(input);
        List<String> differences = new ArrayList<>(applier.verify(firewall).lines());
        for (Map.Entry<String, String> file : files(input).entrySet()) {
            FileDrift.of(host, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8)).ifPresent(differences::add);
        }
        return differences;
    }

    private static Optional<String> describe(FirewallApplier.Report report, Conntrack.Report cleanup) {
        List<String> parts = new ArrayList<>();
        report.summary().ifPresent(parts::add);
        if (!cleanup.describe().isEmpty()) {
            parts.add(cleanup.describe());
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
    }
}
