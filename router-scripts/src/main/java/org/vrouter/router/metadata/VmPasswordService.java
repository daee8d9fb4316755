package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.router.converge.ServiceConverger;
import org.vrouter.router.converge.ServiceDrift;
import org.vrouter.router.converge.ServiceRendering;
import org.vrouter.router.converge.ServiceResult;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.Databags;

/**
 * The {@code vmpassword} service: the bag's passwords put in the password server's root-only store by
 * {@link VmPasswordApplier}, each once. The running {@link MetadataServer} reads the store per request,
 * so nothing is reloaded. Passwords appear in no rendering, result or log: only the VMs they belong to.
 */
public final class VmPasswordService implements ServiceConverger {
    public static final String NAME = "vmpassword";

    private final VmPasswordApplier applier;

    public VmPasswordService(VmPasswordApplier applier) {
        this.applier = requireNonNull(applier, "applier is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<BagKey> inputs() {
        return Set.of(BagKey.VM_PASSWORD);
    }

    @Override
    public ServiceResult apply(Databags databags) throws IOException {
        List<IpAddress> stored = applier.apply(passwords(databags));
        return stored.isEmpty() ? ServiceResult.unchanged(List.of())
                : ServiceResult.applied("password stored for " + stored + " (not shown)", List.of());
    }

    @Override
    public ServiceResult repair(Databags databags) throws IOException {
        return apply(databags);
    }

    /** No file is shown: the store holds secrets. The notes name the VMs with a password in the bag. */
    @Override
    public ServiceRendering render(Databags databags) {
        Set<IpAddress> vms = passwords(databags).keySet();
        String notes = vms.isEmpty() ? "" : "password for " + vms.stream().map(IpAddress::toString).collect(Collectors.joining(", "))
                + " in " + MetadataPaths.PASSWORD_STORE + " (not shown)";
        return ServiceRendering.rendered(NAME, notes, Map.of());
    }

    @Override
    public ServiceDrift verify(Databags databags) throws IOException {
        return ServiceDrift.of(NAME, applier.missing(passwords(databags)).stream()
                .map(vm -> "password for " + vm + ": in the vmpassword bag, not in " + MetadataPaths.PASSWORD_STORE).toList());
    }

    private static Map<IpAddress, Secret> passwords(Databags databags) {
        return requireNonNull(databags, "databags is null").vmPassword().passwords();
    }
}
