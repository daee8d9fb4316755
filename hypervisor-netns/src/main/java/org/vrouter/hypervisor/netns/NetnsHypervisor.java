package org.vrouter.hypervisor.netns;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeMap;

import org.vrouter.api.agent.HypervisorResource;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.PlugNicCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.UnPlugNicCommand;
import org.vrouter.core.channel.RouterChannelFactory;
import org.vrouter.core.routing.RouterCommandDispatcher;
import org.vrouter.core.routing.RoutingBuilder;
import org.vrouter.core.routing.VirtualRoutingResource;
import org.vrouter.hypervisor.netns.network.HypervisorNetwork;
import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.hypervisor.netns.network.NetnsNames;
import org.vrouter.router.pipeline.PipelineOptions;

/**
 * A {@link HypervisorResource} of type {@link HypervisorType#NETNS} whose routers are Linux network
 * namespaces on this machine, configured by the real router-side pipeline. Needs root and
 * iproute2, dnsmasq, haproxy, iptables, ipset and start-stop-daemon (the router side's tools).
 *
 * <p>Plumbing: the host side of every NIC is the <em>hypervisor namespace</em> of this instance
 * ({@link #network()}), never the machine's own interfaces: one bridge per guest broadcast URI (a
 * bridge stands in for a VLAN), one per public broadcast URI, and the control bridge with
 * {@code 169.254.0.1/16}. Names follow {@link NetnsNames}: unique per instance, short enough for Linux.
 *
 * <ul>
 *   <li>{@link StartCommand} creates namespace {@code <prefix>-<vm name>} with one veth per NIC of the
 *       VM, {@code eth<device id>} inside with the NIC's MAC, the host end on its bridge; writes the
 *       boot arguments as {@code /var/cache/cloud/cmd_line.json} under the router's root
 *       ({@code <workDirectory>/<vm name>/}) and runs {@code update_config.py cmd_line.json} through
 *       the pipeline, whose programs run inside the namespace and whose daemons start there with pid
 *       files under the root. A failed boot fails the start and removes what it made. Starting a
 *       running router fails.
 *   <li>{@link StopCommand} stops the router's daemons by pid, deletes its namespace and NICs, and
 *       every bridge no NIC uses any more. The root stays. An unknown router counts as stopped.
 *   <li>{@link CheckVirtualMachineCommand} reports the truth: ON while the namespace exists (details:
 *       each daemon running or not, and the last script run), OFF after a stop, MISSING for a router
 *       never started or whose namespace vanished behind the hypervisor's back.
 *   <li>{@link PlugNicCommand} adds a veth {@code eth<device id>} to a running router's namespace, its
 *       host end on the bridge of the NIC's traffic type and VLAN (a VPC router's public and tier
 *       NICs); {@link UnPlugNicCommand} deletes it again (a NIC already gone counts as unplugged).
 *   <li>{@link CheckSshCommand} succeeds for a running router at its control address, port 3922.
 *   <li>Every {@link NetworkElementCommand} goes through core's {@link RouterCommandDispatcher} and
 *       {@link VirtualRoutingResource} with {@link NamespaceRouterChannel}s into the router's
 *       pipeline, as SSH would carry it to a VM; IP associations get their {@code nic_dev_id} from
 *       the router's NICs, hot-plugged ones included.
 *   <li>Anything else answers failure naming the command.
 * </ul>
 *
 * <p>{@link #close()} stops every router and deletes the hypervisor namespace: nothing the instance
 * made stays on the machine but the routers' root directories. Thread-safe; commands for one router
 * are serialized.
 */
public final class NetnsHypervisor implements HypervisorResource, AutoCloseable {
    /** The boot-argument file, in the router's cache directory, that the router merges at boot. */
    public static final String CMD_LINE_FILE = "cmd_line.json";

    private final Path workDirectory;
    private final HypervisorNetwork network;
    private final RouterLifecycle lifecycle;
    private final NamespaceRouterScripts scripts;
    private final RouterCommandDispatcher dispatcher;

    private NetnsHypervisor(Builder builder, HypervisorNetwork network) {
        this.workDirectory = builder.workDirectory;
        this.network = network;
        this.scripts = new NamespaceRouterScripts(PipelineOptions.defaults().withUuids(builder.routing().ids()),
                builder.templateVersion + "&" + builder.scriptsVersion);
        this.lifecycle = new RouterLifecycle(workDirectory, network, scripts, builder.routing().clock());
        this.dispatcher = new RouterCommandDispatcher("the netns hypervisor", lifecycle, channels(), builder.routing());
    }

    public static Builder builder(Path workDirectory) {
        return new Builder(workDirectory);
    }

    @Override
    public HypervisorType type() {
        return HypervisorType.NETNS;
    }

    @Override
    public Answer execute(Command command) {
        return dispatcher.execute(command);
    }

    /** The hypervisor namespace and its bridges: where guest VMs ({@code GuestVm}) plug in. */
    public HypervisorNetwork network() {
        return network;
    }

    /** Where the routers' root directories are. */
    public Path workDirectory() {
        return workDirectory;
    }

    /** The router named {@code name}, once this hypervisor has been asked to start it. */
    public Optional<NetnsRouter> findRouter(String name) {
        return lifecycle.find(name);
    }

    /**
     * The router named {@code name}.
     *
     * @throws IllegalArgumentException naming the routers the hypervisor knows when it has none of that name
     */
    public NetnsRouter router(String name) {
        return findRouter(name).orElseThrow(() -> new IllegalArgumentException(
                "the netns hypervisor has no router " + name + "; it knows " + new TreeMap<>(lifecycle.routers()).keySet()));
    }

    /** Every router this hypervisor was asked to start, in no particular order. */
    public Collection<NetnsRouter> routers() {
        return lifecycle.routers().values();
    }

    /** Opens channels into this hypervisor's routers: to drive a routing resource of one's own. */
    public RouterChannelFactory channels() {
        return endpoint -> new NamespaceRouterChannel(endpoint, lifecycle::reachable, scripts);
    }

    /**
     * Stops every router and deletes the hypervisor namespace. Every step is attempted; the first
     * failure is thrown afterwards. Idempotent.
     */
    @Override
    public void close() throws IOException {
        RouterPlumbing.Steps steps = new RouterPlumbing.Steps();
        steps.attempt(lifecycle::stopAll);
        steps.attempt(network::close);
        steps.rethrow();
    }

    @Override
    public String toString() {
        return "NetnsHypervisor[" + network.namespace() + ", " + workDirectory + "]";
    }

    /** Collects a hypervisor's settings. Defaults: prefix {@value NetnsNames#DEFAULT_PREFIX}, random ids, system clock, default timeouts. */
    public static final class Builder extends RoutingBuilder<Builder> {
        private final Path workDirectory;
        private NetnsNames names = NetnsNames.defaults();
        private IpTool ip = IpTool.system();
        private String templateVersion = "Cloudstack Release 4.19.0 vrouter-netns";
        private String scriptsVersion = "vrouter-netns";

        private Builder(Path workDirectory) {
            this.workDirectory = requireNonNull(workDirectory, "workDirectory is null").toAbsolutePath().normalize();
        }

        /** The naming scheme; tests give each hypervisor {@link NetnsNames#unique} names. */
        public Builder names(NetnsNames names) {
            this.names = requireNonNull(names, "names is null");
            return this;
        }

        /** How {@code ip} is run (tests may count or fail calls). */
        public Builder ip(IpTool ip) {
            this.ip = requireNonNull(ip, "ip is null");
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** What {@code get_template_version.sh} reports: {@code <templateVersion>&<scriptsVersion>}. */
        public Builder versions(String templateVersion, String scriptsVersion) {
            this.templateVersion = requireNonNull(templateVersion, "templateVersion is null");
            this.scriptsVersion = requireNonNull(scriptsVersion, "scriptsVersion is null");
            return this;
        }

        /**
         * Creates the work directory if needed and the hypervisor namespace, and returns the hypervisor.
         *
         * @throws IllegalArgumentException when the work directory or one of its parents is not
         *     searchable by other users (dnsmasq, which drops root, could not re-read its files)
         * @throws IOException when the hypervisor namespace exists already or cannot be created
         */
        public NetnsHypervisor build() throws IOException {
            Files.createDirectories(workDirectory);
            requireSearchable(workDirectory);
            return new NetnsHypervisor(this, HypervisorNetwork.create(names, ip));
        }

        private static void requireSearchable(Path directory) throws IOException {
            for (Path path = directory; path != null; path = path.getParent()) {
                if (!Files.getPosixFilePermissions(path).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new IllegalArgumentException("work directory " + directory + ": " + path
                            + " is not searchable by other users (chmod o+x), so dnsmasq, which drops root, could not read the routers' files");
                }
            }
        }
    }
}
