package org.vrouter.testkit.netns;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.Optional;

import org.vrouter.api.agent.HypervisorResource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.IpAssociationCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.hypervisor.netns.NetnsHypervisor;
import org.vrouter.hypervisor.netns.NetnsRouter;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.testkit.simulator.NicDevices;

/**
 * The {@link NetnsHypervisor} as registered with the agent manager, with two things a real cloud
 * does that the netns hypervisor does not do itself yet: an IP association first learns each
 * address's {@code nic_dev_id} from the router's NICs as started ({@link NicDevices}), as a
 * hypervisor resource prepares it; and a started router forwards IPv4
 * ({@code net.ipv4.ip_forward=1} in its namespace), as the system VM image's sysctl settings make
 * a router VM do (a new namespace does not forward). Everything else goes straight through.
 * Thread-safe as the hypervisor is.
 */
final class HypervisorShim implements HypervisorResource {
    private final NetnsHypervisor hypervisor;

    HypervisorShim(NetnsHypervisor hypervisor) {
        this.hypervisor = requireNonNull(hypervisor, "hypervisor is null");
    }

    @Override
    public HypervisorType type() {
        return hypervisor.type();
    }

    @Override
    public Answer execute(Command command) {
        if (command instanceof IpAssociationCommand association) {
            Optional<VirtualMachineTO> vm = association.accessDetails().routerName().flatMap(hypervisor::findRouter).flatMap(NetnsRouter::vm);
            if (vm.isPresent()) {
                try {
                    return hypervisor.execute(NicDevices.fill(association, vm.get().nics()));
                }
                catch (InvalidParameterException e) {
                    return Answer.failure(e.getMessage());
                }
            }
        }
        Answer answer = hypervisor.execute(command);
        if (command instanceof StartCommand start && answer.success()) {
            return forward(start.vm().name(), answer);
        }
        return answer;
    }

    private Answer forward(String vmName, Answer started) {
        try {
            ProgramResult result = hypervisor.router(vmName).host().run(ProgramCall.of("sysctl", "-q", "-w", "net.ipv4.ip_forward=1"));
            if (!result.succeeded()) {
                return Answer.failure("router " + vmName + " started, but IPv4 forwarding could not be enabled: " + result.firstErrorLine());
            }
            return started;
        }
        catch (IOException e) {
            return Answer.failure("router " + vmName + " started, but IPv4 forwarding could not be enabled: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return hypervisor.toString();
    }
}
