package org.vrouter.testkit.netns;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfigurationSource;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.hypervisor.netns.NetnsHypervisor;
import org.vrouter.hypervisor.netns.NetnsRouter;
import org.vrouter.hypervisor.netns.guest.GuestVm;
import org.vrouter.hypervisor.netns.network.NetnsNames;
import org.vrouter.testkit.embedding.EmbeddedVrouter;
import org.vrouter.testkit.embedding.ManagementSide;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;

/**
 * vrouter's whole management side ({@link ManagementSide}) over a {@link NetnsHypervisor}
 * registered for the cloud's host: element -> router manager -> agent manager -> netns resource ->
 * a real router (a namespace running dnsmasq, haproxy and iptables). Beside it, on the public
 * bridge, a <em>public client</em> namespace holding the public gateway address
 * ({@link TestCloud#PUBLIC_GATEWAY}{@code /24}): the "internet" the routers' public NICs face. Guest
 * VMs of a {@link TestNetwork} plug into their network's bridge with {@link #guest}.
 *
 * <pre>{@code
 * TestCloud cloud = TestCloud.advanced(HypervisorType.NETNS);
 * TestNetwork net = cloud.isolatedNetwork();
 * try (NetnsVrouter vrouter = NetnsVrouter.start(cloud, work, NetnsNames.unique("vt"))) {
 *     vrouter.element().implement(net.network(), net.network().offering(), cloud.destination());
 *     VirtualMachineProfile vm = net.addVm("vm-1");
 *     vrouter.element().prepare(net.network(), vm.nicIn(net.id()).orElseThrow(), vm, cloud.destination());
 *     DhcpLease lease = vrouter.guest(net, vm).requestLease(Duration.ofSeconds(15));
 * }
 * }</pre>
 *
 * <p>Needs root and the netns hypervisor's tools. {@link #close()} deletes everything it made,
 * guests, public client, routers and the hypervisor namespace, attempting every step; the routers'
 * root directories under the work directory stay. Not thread-safe, but {@link #close()} may come
 * from another thread (a shutdown hook) and runs once.
 */
public final class NetnsVrouter implements EmbeddedVrouter, AutoCloseable {
    /** The public client's MAC: locally administered, outside the cloud's {@code 02:00:0a:...} range. */
    public static final MacAddress PUBLIC_CLIENT_MAC = MacAddress.parse("02:00:cb:00:71:01");
    private static final Logger log = LoggerFactory.getLogger(NetnsVrouter.class);

    private final NetnsHypervisor hypervisor;
    private final ManagementSide side;
    private final GuestVm publicClient;
    private final List<GuestVm> guests = new ArrayList<>();
    private boolean closed;

    private NetnsVrouter(NetnsHypervisor hypervisor, ManagementSide side, GuestVm publicClient) {
        this.hypervisor = hypervisor;
        this.side = side;
        this.publicClient = publicClient;
    }

    /**
     * Creates the hypervisor namespace of {@code names}, the public client, and the management side.
     *
     * @param cloud a cloud whose host runs {@link HypervisorType#NETNS}
     * @param workDirectory where the routers' roots go; it and its parents must be searchable by others
     * @throws IOException when the namespaces cannot be made (nothing is left behind)
     */
    public static NetnsVrouter start(TestCloud cloud, Path workDirectory, NetnsNames names) throws IOException {
        return start(cloud, requireNonNull(cloud, "cloud is null").configurationSource(), workDirectory, names);
    }

    /**
     * As {@link #start(TestCloud, Path, NetnsNames)}, the management side reading networks and VPCs from
     * {@code configurations} (a {@code TestVpc}, for the VPC element).
     */
    public static NetnsVrouter start(TestCloud cloud, NetworkConfigurationSource configurations, Path workDirectory, NetnsNames names)
            throws IOException {
        requireNonNull(cloud, "cloud is null");
        requireNonNull(configurations, "configurations is null");
        if (cloud.host().hypervisorType() != HypervisorType.NETNS) {
            throw new IllegalArgumentException("the cloud's host runs " + cloud.host().hypervisorType().wireName()
                    + ": build it with TestCloud.advanced(HypervisorType.NETNS)");
        }
        NetnsHypervisor hypervisor = NetnsHypervisor.builder(workDirectory).names(names).build();
        GuestVm client = null;
        try {
            String bridge = hypervisor.network().bridge(TrafficType.PUBLIC, Optional.of(TestCloud.PUBLIC_VLAN));
            client = GuestVm.create(hypervisor.network(), "public", PUBLIC_CLIENT_MAC, bridge);
            client.configureStatic(new Cidr(TestCloud.PUBLIC_GATEWAY, TestCloud.PUBLIC_CIDR.prefixLength()), Optional.empty());
            return new NetnsVrouter(hypervisor, new ManagementSide(cloud, hypervisor, configurations), client);
        }
        catch (IOException | RuntimeException e) {
            closeQuietly(client, e);
            closeQuietly(hypervisor, e);
            throw e;
        }
    }

    @Override
    public ManagementSide managementSide() {
        return side;
    }

    /** The namespace router of {@code router}: its namespace, root, daemons. */
    public NetnsRouter netns(DomainRouter router) {
        return hypervisor.router(router.instanceName());
    }

    public NetnsHypervisor hypervisor() {
        return hypervisor;
    }

    /** The public client: {@link TestCloud#PUBLIC_GATEWAY}{@code /24} on the public bridge, no default route. */
    public GuestVm publicClient() {
        return publicClient;
    }

    /**
     * Plugs {@code vm} into the bridge of its NIC in {@code network} (with the NIC's MAC) as a guest
     * namespace named after its host name, without an address: ask for one with
     * {@link GuestVm#requestLease}. Closed with this bootstrap.
     *
     * @throws IOException when the guest cannot be made
     */
    public GuestVm guest(TestNetwork network, VirtualMachineProfile vm) throws IOException {
        return guest(network.network(), vm);
    }

    /** {@link #guest(TestNetwork, VirtualMachineProfile)} for any network, e.g. a VPC tier. */
    public synchronized GuestVm guest(Network network, VirtualMachineProfile vm) throws IOException {
        if (closed) {
            throw new IllegalStateException("the netns vrouter is closed");
        }
        Nic nic = vm.nicIn(network.id()).orElseThrow(() -> new IllegalArgumentException(vm.vm().hostName() + " has no NIC in network " + network.id()));
        String bridge = hypervisor.network().bridge(TrafficType.GUEST, nic.broadcastUri());
        GuestVm guest = GuestVm.create(hypervisor.network(), vm.vm().hostName(), nic.macAddress(), bridge);
        guests.add(guest);
        return guest;
    }

    /**
     * Deletes the guests, the public client, stops the management side's threads and closes the
     * hypervisor (every router, the hypervisor namespace). Every step is attempted; the first
     * failure is thrown afterwards. Idempotent.
     */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> parts = new ArrayList<>(guests);
        parts.add(publicClient);
        parts.add(side);
        parts.add(hypervisor);
        IOException failure = null;
        for (AutoCloseable part : parts) {
            try {
                part.close();
            }
            catch (Exception e) {
                log.warn("cleanup of {} failed", part, e);
                if (failure == null) {
                    failure = new IOException("cleanup of the netns vrouter failed at " + part, e);
                }
                else {
                    failure.addSuppressed(e);
                }
            }
        }
        guests.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private static void closeQuietly(AutoCloseable closeable, Exception cause) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        }
        catch (Exception e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "NetnsVrouter[" + hypervisor + ", " + guests.size() + " guests]";
    }
}
