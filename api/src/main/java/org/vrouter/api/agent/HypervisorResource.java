package org.vrouter.api.agent;

import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.dc.HypervisorType;

/**
 * What a hypervisor module implements for one host: it executes commands there (CloudStack's
 * {@code ServerResource}). It starts, stops and checks router VMs itself and hands every router
 * configuration command to {@code core}'s {@code VirtualRoutingResource}.
 *
 * <p>Contract of {@link #execute}: it never throws because a command failed — a VM that does not
 * start, a script that exits non-zero, an unreachable router are all a failed {@link Answer} with
 * details saying why, and so is a command type the resource does not handle. It throws only for
 * programming errors such as a null command. It never returns null.
 *
 * <p>Threading: an {@link AgentManager} may call {@link #execute} from several threads at once
 * for different routers; the resource serializes commands for one router itself (CloudStack
 * locks on the router name).
 */
public interface HypervisorResource {
    /** The hypervisor this resource drives. */
    HypervisorType type();

    /**
     * Executes one command and reports its outcome. Blocks until done or the command's timeout
     * (or the resource's default) has passed, in which case the answer is failed.
     */
    Answer execute(Command command);
}
