package org.vrouter.router.converge;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vrouter.commands.wire.payload.DhcpEntryPayload;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.dhcp.DhcpHost;
import org.vrouter.router.dhcp.DhcpInput;
import org.vrouter.router.dhcp.DhcpInputs;
import org.vrouter.router.dhcp.DnsmasqApplier;
import org.vrouter.router.dhcp.DnsmasqReport;
import org.vrouter.router.memo.IdentityMemo;
import org.vrouter.router.service.ServiceAction;

/**
 * The {@code dnsmasq} service: DHCP and DNS for the guest networks, mapped by {@link DhcpInputs} and
 * applied by {@link DnsmasqApplier} ({@code cloud.conf}, {@code dhcphosts.txt}, {@code dhcpopts.txt},
 * {@code /etc/hosts}; SIGHUP for host changes, a restart when a reservation sets a tag while a
 * lease is held (see {@link DnsmasqApplier}) and after {@code dnsmasq --test} for a new
 * {@code cloud.conf}, {@code dhcp_release} for stale leases). CloudStack's files are left to {@link #settle}
 * after an apply, written at once by a repair. Repair also starts dnsmasq when it is not running. Skipped
 * before the boot arguments are known, and on an internal LB VM.
 */
final class DnsmasqService extends InputService<DhcpInput> {
    static final String NAME = "dnsmasq";
    private static final Set<BagKey> INPUTS = Set.of(BagKey.CMD_LINE, BagKey.IPS, BagKey.GUEST_NETWORK, BagKey.DHCP_ENTRY,
            BagKey.DNS_CONFIG);

    private final DnsmasqApplier applier;
    /** The host of each {@code dhcpentry} payload, kept across converges: one more entry maps one host. */
    private final IdentityMemo<DhcpEntryPayload, DhcpHost> hosts = new IdentityMemo<>();

    DnsmasqService(DnsmasqApplier applier, Set<String> dependsOn) {
        super(NAME, INPUTS, dependsOn);
        this.applier = requireNonNull(applier, "applier is null");
    }

    @Override
    DesiredInput<DhcpInput> desired(Databags databags) {
        Optional<String> type = databags.cmdLine().routerType();
        if (type.isEmpty()) {
            return DesiredInput.skip("no boot arguments yet (cmd_line.json has not been processed)");
        }
        if (type.get().equals(CmdLineBag.INTERNAL_LB_VM)) {
            return DesiredInput.skip("type=ilbvm serves no DHCP or DNS");
        }
        List<String> ignored = new ArrayList<>();
        DhcpInput input = DhcpInputs.from(databags, ignored::add, hosts);
        return DesiredInput.of(input, ignored);
    }

    @Override
    Optional<String> applyInput(DhcpInput input) throws IOException {
        return describe(applier.applyLeavingRecords(input), ServiceAction.UNCHANGED);
    }

    /** CloudStack's files, which {@link #applyInput} leaves for later. */
    @Override
    public boolean settle() throws IOException {
        return !applier.settle().isEmpty();
    }

    @Override
    Optional<String> repairInput(DhcpInput input) throws IOException {
        DnsmasqReport report = applier.apply(input);
        return describe(report, applier.ensureRunning());
    }

    @Override
    Map<String, String> files(DhcpInput input) {
        return applier.render(input).byPath();
    }

    @Override
    List<String> differences(DhcpInput input) throws IOException {
        return applier.verify(input);
    }

    private static Optional<String> describe(DnsmasqReport report, ServiceAction started) {
        if (!report.changed() && started == ServiceAction.UNCHANGED) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (report.changed()) {
            parts.add(String.join(", ", report.changedFiles()) + " written, dnsmasq " + action(report.action()));
        }
        if (!report.releases().isEmpty()) {
            parts.add(report.releases().size() + " lease(s) released");
        }
        if (started != ServiceAction.UNCHANGED) {
            parts.add("dnsmasq was not running: started");
        }
        return Optional.of(String.join("; ", parts));
    }

    static String action(ServiceAction action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
