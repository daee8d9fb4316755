package org.vrouter.hypervisor.netns.network;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.router.host.ProgramResult;

/**
 * The host side of the routers' and guests' NICs: a network namespace of its own, the
 * <em>hypervisor namespace</em> ({@link NetnsNames#hypervisorNamespace()}), holding one Linux
 * bridge per broadcast domain and the host end of every veth pair. The control bridge holds
 * {@link #CONTROL_GATEWAY}, the address a KVM host has on its link-local bridge.
 *
 * <p>Why a namespace and not the machine itself: the backend then never creates, renames or
 * addresses an interface of the real host, and deleting this one namespace removes every bridge
 * and veth end an instance made, also after a crash of a test. The routers' traffic stays between
 * namespaces the instance created.
 *
 * <p>Bridges are made on demand, the first time a NIC needs one, and deleted by
 * {@link #deleteUnusedBridges()} once no port is left on them. Thread-safe: changes are serialized.
 */
public final class HypervisorNetwork implements AutoCloseable {
    /** The control bridge's address: CloudStack's {@code control.gateway} in the link-local network. */
    public static final Cidr CONTROL_GATEWAY = Cidr.parse("169.254.0.1/16");
    private static final Logger log = LoggerFactory.getLogger(HypervisorNetwork.class);

    private final NetnsNames names;
    private final IpTool ip;
    private final String namespace;
    private final Map<String, Integer> routerSlots = new HashMap<>();
    private int guestSlots;
    private boolean closed;

    private HypervisorNetwork(NetnsNames names, IpTool ip) {
        this.names = names;
        this.ip = ip;
        this.namespace = names.hypervisorNamespace();
    }

    /**
     * Creates the hypervisor namespace of {@code names}, its loopback up.
     *
     * @throws IOException when it exists already (another instance with the same prefix runs, or one
     *     did not clean up: the message says how to delete it) or cannot be made
     */
    public static HypervisorNetwork create(NetnsNames names, IpTool ip) throws IOException {
        requireNonNull(names, "names is null");
        requireNonNull(ip, "ip is null");
        String namespace = names.hypervisorNamespace();
        if (ip.namespaceExists(namespace)) {
            throw new IOException("namespace " + namespace + " exists already: another netns hypervisor uses the prefix '" + names.prefix()
                    + "', or one did not clean up (ip netns delete " + namespace + ")");
        }
        ip.addNamespace(namespace);
        HypervisorNetwork network = new HypervisorNetwork(names, ip);
        try {
            ip.in(namespace, "link", "set", "lo", "up");
        }
        catch (IOException | RuntimeException e) {
            network.close();
            throw e;
        }
        log.info("hypervisor namespace {} created", namespace);
        return network;
    }

    public NetnsNames names() {
        return names;
    }

    public IpTool ip() {
        return ip;
    }

    /** The hypervisor namespace's name. */
    public String namespace() {
        return namespace;
    }

    /**
     * The bridge of {@code trafficType} on {@code broadcastUri} ({@link NetnsNames#bridge}), created
     * and brought up if it does not exist yet; the control bridge gets {@link #CONTROL_GATEWAY}.
     */
    public synchronized String bridge(TrafficType trafficType, Optional<BroadcastUri> broadcastUri) throws IOException {
        String bridge = NetnsNames.bridge(trafficType, broadcastUri);
        requireOpen();
        if (ip.linkExists(namespace, bridge)) {
            return bridge;
        }
        ip.in(namespace, "link", "add", bridge, "type", "bridge");
        if (trafficType == TrafficType.CONTROL) {
            ip.in(namespace, "address", "add", CONTROL_GATEWAY.toString(), "dev", bridge);
        }
        ip.in(namespace, "link", "set", bridge, "up");
        log.debug("bridge {} created in {}", bridge, namespace);
        return bridge;
    }

    /**
     * Connects namespace {@code peerNamespace} to {@code bridge}: a veth pair whose end
     * {@code hostLink} joins the bridge (up) and whose other end is {@code peerName} inside
     * {@code peerNamespace}, with MAC {@code mac}, left down for its owner to configure.
     */
    public synchronized void plug(String bridge, String hostLink, String peerNamespace, String peerName, MacAddress mac) throws IOException {
        requireNonNull(mac, "mac is null");
        requireOpen();
        ip.in(namespace, "link", "add", hostLink, "type", "veth", "peer", "name", peerName, "address", mac.value(), "netns", peerNamespace);
        try {
            ip.in(namespace, "link", "set", hostLink, "master", bridge, "up");
        }
        catch (IOException | RuntimeException e) {
            unplug(hostLink);
            throw e;
        }
        log.debug("{} plugged into {} as {} of {} ({})", hostLink, bridge, peerName, peerNamespace, mac);
    }

    /** Deletes the host end {@code hostLink} (and so its peer) if it still exists; false if it was gone. */
    public synchronized boolean unplug(String hostLink) throws IOException {
        if (closed || !ip.linkExists(namespace, hostLink)) {
            return false;
        }
        ProgramResult result = ip.attemptIn(namespace, "link", "delete", hostLink);
        if (result.succeeded()) {
            return true;
        }
        // the kernel may take the pair away by itself meanwhile: its other namespace was just deleted
        if (!ip.linkExists(namespace, hostLink)) {
            return false;
        }
        throw new IOException("cannot delete " + hostLink + " in " + namespace + ": " + result.firstErrorLine());
    }

    /** Deletes every bridge without ports; returns their names. */
    public synchronized List<String> deleteUnusedBridges() throws IOException {
        if (closed) {
            return List.of();
        }
        List<String> deleted = new ArrayList<>();
        for (String bridge : IpTool.linkNames(ip.in(namespace, "-o", "link", "show", "type", "bridge").stdout())) {
            if (ip.ports(namespace, bridge).isEmpty()) {
                ip.in(namespace, "link", "delete", bridge);
                deleted.add(bridge);
            }
        }
        if (!deleted.isEmpty()) {
            log.debug("unused bridges deleted from {}: {}", namespace, deleted);
        }
        return List.copyOf(deleted);
    }

    /** The slot of router {@code vmName}: the same for every start of that router in this instance. */
    public synchronized int routerSlot(String vmName) {
        requireNonNull(vmName, "vmName is null");
        Integer slot = routerSlots.get(vmName);
        if (slot == null) {
            slot = checkedSlot(routerSlots.size() + 1);
            routerSlots.put(vmName, slot);
        }
        return slot;
    }

    /** A slot no guest of this instance had before. */
    public synchronized int nextGuestSlot() {
        guestSlots = checkedSlot(guestSlots + 1);
        return guestSlots;
    }

    /** The names of the links in the hypervisor namespace (bridges, veth ends, {@code lo}). */
    public List<String> links() throws IOException {
        return ip.links(namespace);
    }

    /** Whether the hypervisor namespace still exists. */
    public boolean exists() {
        return ip.namespaceExists(namespace);
    }

    /** Deletes the hypervisor namespace, every bridge and veth end in it with it. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (ip.deleteNamespace(namespace)) {
            log.info("hypervisor namespace {} deleted", namespace);
        }
    }

    private static int checkedSlot(int slot) {
        if (slot > NetnsNames.MAX_SLOT) {
            throw new IllegalStateException("out of slots: one netns hypervisor names at most " + NetnsNames.MAX_SLOT + " routers and guests");
        }
        return slot;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the hypervisor network " + namespace + " is closed");
        }
    }

    @Override
    public String toString() {
        return "HypervisorNetwork[" + namespace + "]";
    }
}
