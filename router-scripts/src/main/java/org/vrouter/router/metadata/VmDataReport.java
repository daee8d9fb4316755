package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.net.IpAddress;

/**
 * What a {@link VmDataApplier} run did.
 *
 * @param rendered the VMs whose files were brought up to date (their data changed)
 * @param removed the VMs whose directories were removed (they left the bag)
 * @param filesWritten files replaced or created
 * @param filesDeleted files and directories deleted
 */
public record VmDataReport(List<IpAddress> rendered, List<IpAddress> removed, int filesWritten, int filesDeleted) {
    public VmDataReport {
        rendered = List.copyOf(requireNonNull(rendered, "rendered is null"));
        removed = List.copyOf(requireNonNull(removed, "removed is null"));
    }

    public static VmDataReport unchanged() {
        return new VmDataReport(List.of(), List.of(), 0, 0);
    }

    /** Whether any file changed on the machine. */
    public boolean changed() {
        return filesWritten > 0 || filesDeleted > 0;
    }

    @Override
    public String toString() {
        return "VM data of " + rendered.size() + " VM(s) rendered " + rendered + ", of " + removed.size() + " removed " + removed
                + ": " + filesWritten + " file(s) written, " + filesDeleted + " deleted";
    }
}
