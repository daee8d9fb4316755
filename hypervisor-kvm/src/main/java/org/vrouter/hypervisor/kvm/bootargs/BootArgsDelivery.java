package org.vrouter.hypervisor.kvm.bootargs;

import java.io.IOException;
import java.util.List;

import org.vrouter.commands.to.VirtualMachineTO;

/**
 * How the boot arguments of a {@code StartCommand} reach a KVM router, which turns them into
 * {@code /var/cache/cloud/cmd_line.json} at boot. Two carriers exist:
 * <ul>
 *   <li>{@link GuestAgentBootArgs}: after start, written to {@code /var/cache/cloud/cmdline} through
 *       the QEMU guest agent, as CloudStack's KVM agent does (needs the agent in the template);
 *   <li>{@link ConfigDriveBootArgs}: before start, an ISO with a {@code cmdline} file attached as a
 *       read-only cdrom (no agent needed).
 * </ul>
 *
 * <p>Call order per start: {@link #isoFiles} before the domain is created, {@link #deliver} once it
 * runs; {@link #release} after the domain is gone (stop, failed start). A failure of any step fails
 * the start, and the resource destroys the half-started domain. Implementations are thread-safe:
 * routers start in parallel.
 */
public interface BootArgsDelivery {
    /**
     * Host files to insert as read-only cdroms when the domain is created; none by default.
     *
     * @throws IOException when the files cannot be made
     */
    default List<String> isoFiles(VirtualMachineTO vm) throws IOException {
        return List.of();
    }

    /**
     * Delivers {@code vm}'s boot arguments to the running domain named {@code vm.name()}.
     *
     * @throws IOException when they could not be delivered (libvirt failures arrive as
     *     {@code LibvirtOperationException})
     */
    void deliver(VirtualMachineTO vm) throws IOException;

    /**
     * Removes whatever {@link #isoFiles} made for {@code vmName}; nothing by default. Idempotent.
     *
     * @throws IOException when a file cannot be removed
     */
    default void release(String vmName) throws IOException {
        // nothing made
    }
}
