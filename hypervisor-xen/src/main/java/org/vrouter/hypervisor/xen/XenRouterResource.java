package org.vrouter.hypervisor.xen;

import static java.util.Objects.requireNonNull;

import java.net.MalformedURLException;
import java.util.Optional;

import org.vrouter.api.agent.HypervisorResource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.core.channel.RouterChannelFactory;
import org.vrouter.core.channel.SshRouterChannel;
import org.vrouter.core.routing.NicDevices;
import org.vrouter.core.routing.RouterCommandDispatcher;
import org.vrouter.core.routing.RoutingBuilder;
import org.vrouter.core.routing.VirtualRoutingResource;
import org.vrouter.hypervisor.xen.network.XenNetworks;
import org.vrouter.hypervisor.xen.session.XenSession;
import org.vrouter.hypervisor.xen.session.XenTasks;
import org.vrouter.hypervisor.xen.vm.RouterVms;

/**
 * A {@link HypervisorResource} of type {@link HypervisorType#XENSERVER}: routers on one
 * XenServer / XCP-ng host, driven through the XenAPI (xen-api 8.1.0, XML-RPC) as CloudStack's
 * {@code CitrixResourceBase} drives them.
 * <ul>
 *   <li>{@link StartCommand} creates the VM from the system-VM template's record, with its memory,
 *       vCPUs, VBDs and VIFs (in device order; the control NIC on the link-local network, tagged
 *       NICs on VLAN networks created as needed), the boot arguments in PV-args ({@code %} for
 *       spaces) and xenstore {@code vm-data/cloudstack/init}, and starts it within the start
 *       timeout. A router already running answers failure with the host it runs on.</li>
 *   <li>{@link StopCommand} shuts the VM down (clean within the graceful timeout, then hard; hard
 *       at once when forced) and destroys it with its VBDs and VIFs, never the disks behind them.
 *       No VM of that name counts as stopped.</li>
 *   <li>{@link CheckVirtualMachineCommand} answers the VM's power state, MISSING when there is none.</li>
 *   <li>{@link CheckSshCommand} asks the host whether the router accepts TCP on its control address
 *       (plugin {@code vmops}, {@code pingdomr}, from dom0), once; the router manager retries.</li>
 *   <li>Every {@link NetworkElementCommand} goes through core's {@link VirtualRoutingResource}; by
 *       default its channels are {@link SshRouterChannel}s that log in to the XenServer host first
 *       and tunnel to the router's link-local address, port 3922. An IP association first gets each
 *       address's {@code nic_dev_id} ({@link NicDevices}) from the router's NICs.</li>
 *   <li>Anything else answers failure naming the command.</li>
 * </ul>
 * The switch is core's {@link RouterCommandDispatcher} over this module's VM side.
 * A XenAPI failure is a failed answer naming the call and the XenAPI error
 * ({@code VM.start_on: VM_BAD_POWER_STATE [...]}); a lost session is renewed once per call.
 *
 * <p>Thread-safe: lifecycle commands for one router are serialized, different routers run in
 * parallel on one XenAPI session. {@link #close()} logs out.
 */
public final class XenRouterResource implements HypervisorResource, AutoCloseable {
    private final XenSettings settings;
    private final XenSession session;
    private final RouterCommandDispatcher dispatcher;

    private XenRouterResource(Builder builder) {
        this.settings = builder.settings;
        try {
            this.session = new XenSession(settings.url().toURL(), settings.user(), settings.password(), settings.replyTimeout(),
                    settings.connectTimeout());
        }
        catch (MalformedURLException e) {
            throw new InvalidParameterException("url", "not a URL: " + e.getMessage(), settings.url());
        }
        XenTasks tasks = new XenTasks(session, settings.taskPollInterval());
        XenNetworks networks = new XenNetworks(session, settings.linkLocalNetwork(), settings.defaultNetwork());
        RouterVms vms = new RouterVms(session, tasks, networks, settings.template(), settings.startTimeout());
        RouterChannelFactory channels = builder.channels.orElseGet(() -> SshRouterChannel.factory(settings.routerSsh()));
        this.dispatcher = new RouterCommandDispatcher("the XenServer resource", new XenVmDriver(settings, session, vms), channels, builder.routing());
    }

    public static Builder builder(XenSettings settings) {
        return new Builder(settings);
    }

    @Override
    public HypervisorType type() {
        return HypervisorType.XENSERVER;
    }

    @Override
    public Answer execute(Command command) {
        return dispatcher.execute(command);
    }

    /** Logs out of the host. The routers keep running. */
    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "XenRouterResource[" + settings.user() + "@" + session.hostAddress() + "]";
    }

    /** Collects a resource's collaborators. Defaults: SSH channels through the host, random ids, system clock, default routing timeouts. */
    public static final class Builder extends RoutingBuilder<Builder> {
        private final XenSettings settings;
        private Optional<RouterChannelFactory> channels = Optional.empty();

        private Builder(XenSettings settings) {
            this.settings = requireNonNull(settings, "settings is null");
        }

        /** How router commands reach routers, instead of {@link SshRouterChannel}s with {@link XenSettings#routerSsh()}. */
        public Builder channels(RouterChannelFactory channels) {
            this.channels = Optional.of(requireNonNull(channels, "channels is null"));
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The resource; no connection is made until the first command. */
        public XenRouterResource build() {
            return new XenRouterResource(this);
        }
    }
}
