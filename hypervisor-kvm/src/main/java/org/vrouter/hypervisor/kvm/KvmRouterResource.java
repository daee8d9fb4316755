package org.vrouter.hypervisor.kvm;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;

import org.vrouter.api.agent.HypervisorResource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.core.channel.JumpHost;
import org.vrouter.core.channel.RouterChannelFactory;
import org.vrouter.core.channel.SshRouterChannel;
import org.vrouter.core.channel.SshSettings;
import org.vrouter.core.routing.RouterCommandDispatcher;
import org.vrouter.core.routing.RoutingBuilder;
import org.vrouter.core.routing.VirtualRoutingResource;
import org.vrouter.hypervisor.kvm.bootargs.BootArgsDelivery;
import org.vrouter.hypervisor.kvm.bootargs.GuestAgentBootArgs;
import org.vrouter.hypervisor.kvm.domain.DomainSettings;
import org.vrouter.hypervisor.kvm.domain.RouterDomainPlanner;
import org.vrouter.hypervisor.kvm.libvirt.LibvirtConnection;

/**
 * The {@link HypervisorResource} of one KVM host, over a {@link LibvirtConnection}
 * ({@code qemu:///system} on the host, {@code qemu+ssh://host/system} from elsewhere,
 * {@code test:///default} in tests):
 * <ul>
 *   <li>{@link StartCommand}: a domain of the same name is removed first (destroyed if running,
 *       undefined if defined); the domain XML is built from the VM ({@code RouterDomainPlanner},
 *       {@code LibvirtDomainXml}); the domain is created transient ({@code domainCreateXML}, as
 *       CloudStack) or, when configured, defined and started; then the boot arguments are delivered
 *       ({@link BootArgsDelivery}: the guest agent by default, or a config drive). A failure
 *       destroys what was made and answers failure naming the operation and the domain.
 *   <li>{@link StopCommand}: forced = destroy; graceful = ACPI shutdown, polled until the domain is
 *       off, destroyed after the timeout. A missing domain counts as stopped. Persistent domains
 *       stay defined (reported OFF), transient ones vanish (reported MISSING).
 *   <li>{@link CheckVirtualMachineCommand}: running, paused or shutting down = ON; shut off or
 *       crashed = OFF; no such domain = MISSING.
 *   <li>{@link CheckSshCommand}: probes the router through the routing channels until it answers
 *       (by default 60 probes, 5 s apart).
 *   <li>Every {@link NetworkElementCommand} goes through core's {@link VirtualRoutingResource}; the
 *       channels are {@link SshRouterChannel}s to the router's link-local address on port 3922, with
 *       the KVM host as jump host when the management server does not run on it. IP associations
 *       first get NICs hot-plugged and {@code nic_dev_id} filled ({@code RouterNics}).
 *   <li>Anything else answers failure naming the command.
 * </ul>
 * The switch is core's {@link RouterCommandDispatcher} over this module's VM side.
 *
 * <p>Thread-safe: commands for one router are serialized, different routers run in parallel.
 * {@link #close()} closes the libvirt connection (domains keep running).
 */
public final class KvmRouterResource implements HypervisorResource, AutoCloseable {
    private final LibvirtConnection libvirt;
    private final RouterCommandDispatcher dispatcher;

    private KvmRouterResource(Builder builder) {
        this.libvirt = builder.libvirt;
        RouterDomainPlanner planner = new RouterDomainPlanner(builder.domains);
        RouterNics nics = new RouterNics(libvirt, planner);
        RouterChannelFactory channels = builder.channels;
        RouterReachability reachability = builder.reachability.orElse(RouterReachability.overChannels(channels, Duration.ofSeconds(30)));
        BootArgsDelivery bootArgs = builder.bootArgs.orElse(GuestAgentBootArgs.withDefaults(libvirt::agentCommand));
        DomainLifecycle lifecycle = new DomainLifecycle(libvirt, planner, bootArgs, reachability, nics, builder.lifecycle);
        this.dispatcher = new RouterCommandDispatcher("the KVM resource", new KvmVmDriver(lifecycle, nics), channels, builder.routing());
    }

    /**
     * Starts a builder for a resource on {@code libvirt} whose routers are reached through {@code channels}
     * (usually {@link SshRouterChannel#factory} over {@link #sshSettings}).
     */
    public static Builder builder(LibvirtConnection libvirt, RouterChannelFactory channels) {
        return new Builder(libvirt, channels);
    }

    /**
     * SSH settings for KVM routers: the router login ({@code SshSettings.builder(key, hostKeys)}: port
     * 3922, user root unless changed) and, when the management server does not run on the KVM host,
     * the host as jump host ({@code new JumpHost(hostIp, 22, user, key, hostKeys)}): the router's
     * link-local control address answers only from there.
     */
    public static SshSettings sshSettings(SshSettings.Builder routerLogin, Optional<JumpHost> kvmHost) {
        requireNonNull(routerLogin, "routerLogin is null");
        requireNonNull(kvmHost, "kvmHost is null").ifPresent(routerLogin::jumpHost);
        return routerLogin.build();
    }

    @Override
    public HypervisorType type() {
        return HypervisorType.KVM;
    }

    @Override
    public Answer execute(Command command) {
        return dispatcher.execute(command);
    }

    /** The libvirt connection this resource drives. */
    public LibvirtConnection libvirt() {
        return libvirt;
    }

    @Override
    public void close() {
        libvirt.close();
    }

    @Override
    public String toString() {
        return "KvmRouterResource[" + libvirt.uri() + "]";
    }

    /**
     * Collects a resource's settings. Defaults: transient domains; {@link DomainSettings#defaults()};
     * boot arguments through the guest agent; graceful stop 120 s polled every 2 s; 60 SSH probes 5 s
     * apart through the channels; default routing timeouts, random file ids, the system clock.
     */
    public static final class Builder extends RoutingBuilder<Builder> {
        private final LibvirtConnection libvirt;
        private final RouterChannelFactory channels;
        private DomainSettings domains = DomainSettings.defaults();
        private Optional<BootArgsDelivery> bootArgs = Optional.empty();
        private Optional<RouterReachability> reachability = Optional.empty();
        private LifecycleSettings lifecycle = LifecycleSettings.defaults();

        private Builder(LibvirtConnection libvirt, RouterChannelFactory channels) {
            this.libvirt = requireNonNull(libvirt, "libvirt is null");
            this.channels = requireNonNull(channels, "channels is null");
        }

        /** Bridges, socket and storage directories, emulator. */
        public Builder domains(DomainSettings settings) {
            this.domains = requireNonNull(settings, "settings is null");
            return this;
        }

        /** How boot arguments reach the router (default: {@link GuestAgentBootArgs} over this connection). */
        public Builder bootArgs(BootArgsDelivery delivery) {
            this.bootArgs = Optional.of(requireNonNull(delivery, "delivery is null"));
            return this;
        }

        /** How a {@code CheckSshCommand} probes the router (default: a command through the channels). */
        public Builder reachability(RouterReachability probe) {
            this.reachability = Optional.of(requireNonNull(probe, "probe is null"));
            return this;
        }

        /** Persistent (defined) domains instead of transient ones. */
        public Builder persistentDomains(boolean persistent) {
            this.lifecycle = new LifecycleSettings(persistent, lifecycle.stopTimeout(), lifecycle.stopPoll(), lifecycle.sshAttempts(),
                    lifecycle.sshPause());
            return this;
        }

        /** Default graceful-stop bound and how often the domain is polled meanwhile. */
        public Builder stopTimeout(Duration timeout, Duration poll) {
            this.lifecycle = new LifecycleSettings(lifecycle.persistent(), timeout, poll, lifecycle.sshAttempts(), lifecycle.sshPause());
            return this;
        }

        /** How often, and how far apart, a {@code CheckSshCommand} probes. */
        public Builder sshProbes(int attempts, Duration pause) {
            this.lifecycle = new LifecycleSettings(lifecycle.persistent(), lifecycle.stopTimeout(), lifecycle.stopPoll(), attempts, pause);
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        public KvmRouterResource build() {
            return new KvmRouterResource(this);
        }
    }
}
