package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.vrouter.router.converge.ServiceConverger;
import org.vrouter.router.converge.ServiceDrift;
import org.vrouter.router.converge.ServiceRendering;
import org.vrouter.router.converge.ServiceResult;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.FileDrift;
import org.vrouter.router.host.FileMode;

/**
 * The {@code vmdata} service: every VM's user data and metadata files under {@code /var/www/html/}
 * ({@link VmDataInputs}, {@link VmDataRenderer}), written by {@link VmDataApplier} for the VMs whose data
 * changed. Files only: the {@link MetadataServer} reads them on each request, so nothing is reloaded.
 * It needs no boot arguments and depends on no other service.
 */
public final class VmDataService implements ServiceConverger {
    public static final String NAME = "vmdata";

    private final VmDataApplier applier;

    public VmDataService(VmDataApplier applier) {
        this.applier = requireNonNull(applier, "applier is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<BagKey> inputs() {
        return Set.of(BagKey.VM_DATA);
    }

    @Override
    public ServiceResult apply(Databags databags) throws IOException {
        VmDataTree tree = VmDataInputs.from(databags);
        return result(applier.apply(tree), tree);
    }

    @Override
    public ServiceResult repair(Databags databags) throws IOException {
        VmDataTree tree = VmDataInputs.from(databags);
        return result(applier.repair(tree), tree);
    }

    /** The files; user data is shown as its size and digest, never its content. */
    @Override
    public ServiceRendering render(Databags databags) {
        VmDataTree tree = VmDataInputs.from(databags);
        Map<String, String> files = new LinkedHashMap<>();
        for (VmFiles vm : tree.vms().values()) {
            for (RenderedFile file : vm.files()) {
                files.put(file.path(), file.mode().equals(FileMode.SECRET)
                        ? "<user data: " + file.content().length + " bytes, sha256 " + FileDrift.sha256(file.content()) + ", not shown>\n"
                        : new String(file.content(), StandardCharsets.UTF_8));
            }
        }
        return ServiceRendering.rendered(NAME, String.join("; ", tree.warnings()), files);
    }

    @Override
    public ServiceDrift verify(Databags databags) throws IOException {
        return ServiceDrift.of(NAME, applier.verify(VmDataInputs.from(databags)));
    }

    private static ServiceResult result(VmDataReport report, VmDataTree tree) {
        return report.changed() ? ServiceResult.applied(report.toString(), tree.warnings()) : ServiceResult.unchanged(tree.warnings());
    }
}
