package org.vrouter.hypervisor.netns;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.daemon.Vrouterd;
import org.vrouter.router.host.NamespaceHost;
import org.vrouter.router.service.DirectServiceManager;

/**
 * One router of a {@link NetnsHypervisor}: a network namespace ({@link #namespace()}) with the NICs
 * of its last start as {@code ethN}, and a root directory ({@link #root()}) under which the router
 * side keeps exactly the files a real router would ({@code /etc/cloudstack/*.json}, the rendered
 * configurations, pid files under {@code /run/vrouter}). Its programs run inside the namespace
 * ({@link #host()}), its daemons are started there by a {@link DirectServiceManager}.
 *
 * <p>The namespace lives from a start to the next stop; the root stays, like a VM's disk, so a
 * test can read what the router held and a restart boots from it. Each boot gets a fresh converger,
 * as a rebooted router's memory would be.
 *
 * <p>Thread-safe. Tests and the demo read it; the hypervisor changes it.
 */
public final class NetnsRouter {
    /** Where a router is in its life, as the hypervisor last left it. */
    enum State {
        /** Created, never started. */
        NEW,
        /** Started: the namespace should exist. */
        RUNNING,
        /** Stopped by the hypervisor: the namespace is gone, the root stays. */
        STOPPED
    }

    private final String name;
    private final int slot;
    private final NamespaceHost host;
    private final DirectServiceManager services;
    /** Held by the hypervisor across a whole start, stop or check, so they never interleave for one router. */
    final ReentrantLock lifecycle = new ReentrantLock();
    private State state = State.NEW;
    private VirtualMachineTO vm;
    private Converger converger = Converger.none();
    private final List<String> hostLinks = new ArrayList<>();
    private final List<NicTO> plugged = new ArrayList<>();
    private String lastRun = "";
    /** Serves the router's {@code vrouterd} socket from this process while the router runs; null otherwise. */
    private Vrouterd daemon;

    NetnsRouter(String name, int slot, String namespace, Path root) {
        this.name = requireNonNull(name, "name is null");
        this.slot = slot;
        this.host = new NamespaceHost(requireNonNull(root, "root is null"), namespace);
        this.services = new DirectServiceManager(host);
    }

    /** The instance name ({@code r-5-VM}). */
    public String name() {
        return name;
    }

    /** The router's network namespace ({@code <prefix>-r-5-VM}). */
    public String namespace() {
        return host.namespace();
    }

    /** The directory router paths are resolved under: {@code /etc/x} is {@code root()/etc/x}. */
    public Path root() {
        return host.rootDirectory();
    }

    /** The router as the router side sees it: files under the root, programs inside the namespace. */
    public NamespaceHost host() {
        return host;
    }

    /** The router's daemons, started inside its namespace with pid files under its root. */
    public DirectServiceManager services() {
        return services;
    }

    /** Whether the hypervisor started the router and has not stopped it since (the namespace may have vanished behind its back). */
    public synchronized boolean isStarted() {
        return state == State.RUNNING;
    }

    /** The VM of the last start; empty before the first. */
    public synchronized Optional<VirtualMachineTO> vm() {
        return Optional.ofNullable(vm);
    }

    /** The NICs of the last start, then those hot-plugged since ({@code PlugNicCommand}); empty before the first start. */
    public synchronized List<NicTO> nics() {
        List<NicTO> nics = new ArrayList<>(vm == null ? List.of() : vm.nics());
        nics.addAll(plugged);
        return List.copyOf(nics);
    }

    /**
     * The router's {@code /run/vrouter/vrouterd.sock} (resolved) while this process serves it: from a start
     * until the stop, unless it could not be bound. keepalived's notify hook and {@code update_config.py}
     * run inside the router reach it there.
     */
    public synchronized Optional<Path> daemonSocket() {
        return Optional.ofNullable(daemon).map(Vrouterd::socket);
    }

    /** The address of the control NIC of the last start, where management reaches the router. */
    public Optional<IpAddress> controlIp() {
        return vm().flatMap(started -> started.nics().stream().filter(nic -> nic.trafficType() == TrafficType.CONTROL).findFirst())
                .flatMap(NicTO::ip);
    }

    /** How the last script the router ran ended ({@code update_config.py cmd_line.json exited 0}); empty before any. */
    public synchronized String lastRun() {
        return lastRun;
    }

    int slot() {
        return slot;
    }

    synchronized State state() {
        return state;
    }

    synchronized Converger converger() {
        return converger;
    }

    /** Records a start in progress: the VM, its fresh converger, the host ends made so far are added with {@link #addHostLink}. */
    synchronized void starting(VirtualMachineTO started, Converger fresh) {
        this.vm = requireNonNull(started, "started is null");
        this.converger = requireNonNull(fresh, "fresh is null");
        this.plugged.clear();
        this.state = State.RUNNING;
    }

    /** Records the daemon that serves the router's socket (a start in progress). */
    synchronized void serving(Vrouterd started) {
        if (daemon != null) {
            throw new IllegalStateException("router " + name + " is served already on " + daemon.socket());
        }
        daemon = requireNonNull(started, "started is null");
    }

    /** Stops serving the router's socket, letting requests under way finish (bounded); nothing when it is not served. */
    void stopServing() {
        Vrouterd current;
        synchronized (this) {
            current = daemon;
            daemon = null;
        }
        // outside the monitor: a request under way may read the router while the close waits for it
        if (current != null) {
            current.close();
        }
    }

    synchronized void addHostLink(String link) {
        hostLinks.add(requireNonNull(link, "link is null"));
    }

    /** Records a hot-plugged NIC and its host end. */
    synchronized void plugged(NicTO nic, String hostLink) {
        plugged.add(requireNonNull(nic, "nic is null"));
        addHostLink(hostLink);
    }

    /** Forgets the hot-plugged NIC with {@code mac}; returns it with the host end it had, if there was one. */
    synchronized Optional<NicTO> unplugged(MacAddress mac, String hostLink) {
        Optional<NicTO> nic = plugged.stream().filter(candidate -> candidate.macAddress().equals(mac)).findFirst();
        nic.ifPresent(found -> {
            plugged.remove(found);
            hostLinks.remove(hostLink);
        });
        return nic;
    }

    synchronized List<String> hostLinks() {
        return List.copyOf(hostLinks);
    }

    /** Records a completed stop: the plumbing is gone. */
    synchronized void stopped() {
        hostLinks.clear();
        plugged.clear();
        converger = Converger.none();
        state = State.STOPPED;
    }

    synchronized void recordRun(String summary) {
        lastRun = requireNonNull(summary, "summary is null");
    }

    @Override
    public synchronized String toString() {
        return "NetnsRouter[" + name + ", " + state + ", netns " + namespace() + ", root " + root() + "]";
    }
}
