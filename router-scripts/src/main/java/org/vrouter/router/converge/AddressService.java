package org.vrouter.router.converge;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vrouter.router.address.AddressApplier;
import org.vrouter.router.address.AddressPlan;
import org.vrouter.router.address.AddressPlanner;
import org.vrouter.router.address.AddressReport;
import org.vrouter.router.address.AddressStep;
import org.vrouter.router.address.Addressing;
import org.vrouter.router.address.AddressingInputs;
import org.vrouter.router.address.KernelState;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.FileDrift;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;

/**
 * The {@code addresses} service: the addresses, MTUs, links, routes (VPC static routes included) and
 * policy rules of the router's devices, mapped by {@link AddressingInputs} and applied by
 * {@link AddressApplier} (one read of the kernel, one {@code ip -batch} of the difference). It runs first:
 * rules and daemons refer to addresses.
 *
 * <p>The applier reads the kernel on every apply, a process. So that an unchanged router runs none, the
 * addressing last applied is recorded in {@value #APPLIED_PATH} (the {@code ip -batch} that builds it
 * from nothing, a canonical text) and an equal one is not applied again; the record is removed before
 * the kernel is touched and written after success, so a failure or crash leaves none. Repair (boot,
 * {@code verify --repair}) always starts from the kernel.
 */
final class AddressService extends InputService<Addressing> {
    static final String NAME = "addresses";
    /** The canonical text of the addressing last applied successfully. */
    static final String APPLIED_PATH = "/var/lib/vrouter/applied/addresses.batch";
    private static final Set<BagKey> INPUTS = Set.of(BagKey.CMD_LINE, BagKey.IPS, BagKey.GUEST_NETWORK, BagKey.STATIC_ROUTES);

    private final Host host;
    private final AddressApplier applier;

    AddressService(Host host, AddressApplier applier) {
        super(NAME, INPUTS, Set.of());
        this.host = requireNonNull(host, "host is null");
        this.applier = requireNonNull(applier, "applier is null");
    }

    @Override
    DesiredInput<Addressing> desired(Databags databags) {
        if (databags.cmdLine().isEmpty()) {
            return DesiredInput.skip("no boot arguments yet (cmd_line.json has not been processed)");
        }
        AddressingInputs.Mapped mapped = AddressingInputs.map(databags);
        return DesiredInput.of(mapped.addressing(), mapped.warnings());
    }

    @Override
    Optional<String> applyInput(Addressing input) throws IOException {
        String text = canonical(input);
        if (host.readText(APPLIED_PATH).filter(text::equals).isPresent()) {
            return Optional.empty();
        }
        return apply(input, text);
    }

    @Override
    Optional<String> repairInput(Addressing input) throws IOException {
        return apply(input, canonical(input));
    }

    @Override
    Map<String, String> files(Addressing input) {
        return Map.of(APPLIED_PATH, canonical(input));
    }

    @Override
    List<String> differences(Addressing input) throws IOException {
        List<String> differences = new ArrayList<>();
        AddressPlan plan = applier.plan(input);
        if (!plan.isEmpty()) {
            differences.add("kernel addresses, routes or rules differ; the repair would run: "
                    + String.join("; ", plan.steps().stream().map(AddressStep::line).toList()));
        }
        FileDrift.of(host, APPLIED_PATH, canonical(input).getBytes(StandardCharsets.UTF_8)).ifPresent(differences::add);
        return differences;
    }

    private Optional<String> apply(Addressing input, String text) throws IOException {
        host.delete(APPLIED_PATH);
        AddressReport report = applier.apply(input);
        if (!report.complete()) {
            // a NIC still to be plugged (a VPC router's at boot): the next apply must do the rest
            return Optional.of(report.toString());
        }
        host.writeText(APPLIED_PATH, text, FileMode.PUBLIC);
        return report.changed() ? Optional.of(report.toString()) : Optional.empty();
    }

    /** The {@code ip -batch} that builds the addressing from an empty kernel: one text per addressing. */
    static String canonical(Addressing input) {
        return AddressPlanner.plan(input, KernelState.empty()).batchText();
    }
}
