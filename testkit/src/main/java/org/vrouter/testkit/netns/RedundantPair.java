package org.vrouter.testkit.netns;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RedundantState;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.hypervisor.netns.NetnsRouter;
import org.vrouter.hypervisor.netns.network.IpTool;
import org.vrouter.router.converge.ConvergeRequest;
import org.vrouter.router.converge.ConvergeResult;
import org.vrouter.router.converge.RouterConvergers;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.redundancy.RedundancyDaemons;
import org.vrouter.router.redundancy.RedundancyPaths;
import org.vrouter.router.redundancy.RedundancyTransition;
import org.vrouter.router.service.DirectServiceManager;
import org.vrouter.testkit.fixture.TestNetwork;

/**
 * The two namespace routers of a redundant network of a {@link NetnsVrouter}, and what the redundancy
 * tests and the failover benchmark do to them: see which one holds the gateway (the VRRP address on
 * its guest interface, read from the kernel), stop its keepalived gracefully, crash it (SIGKILL to the
 * keepalived and conntrackd processes the router side started, by the pids in their files, and its links
 * down, as a dead VM's), bring it back, change the advertisement interval. Not thread-safe, except
 * {@link #holders}, which only reads.
 */
public final class RedundantPair {
    /** The guest interface of an isolated network's router. */
    public static final String GUEST_DEVICE = "eth0";
    /** Its public interface. */
    public static final String PUBLIC_DEVICE = "eth2";
    private static final Duration POLL = Duration.ofMillis(20);

    private final NetnsVrouter vrouter;
    private final TestNetwork network;
    private final IpTool ip = IpTool.system();

    public RedundantPair(NetnsVrouter vrouter, TestNetwork network) {
        this.vrouter = requireNonNull(vrouter, "vrouter is null");
        this.network = requireNonNull(network, "network is null");
    }

    /** The network's routers, by id. */
    public List<DomainRouter> routers() {
        return vrouter.manager().routers(network.id());
    }

    public NetnsRouter netns(DomainRouter router) {
        return vrouter.netns(router);
    }

    /**
     * Whether {@code router} holds the network's gateway on its guest interface now, that interface being up
     * (a crashed router's address on a dead link answers nothing).
     */
    public boolean holdsGateway(DomainRouter router) throws IOException {
        String wanted = " " + network.gateway() + "/";
        return ip.attemptIn(netns(router).namespace(), "-4", "-o", "address", "show", "dev", GUEST_DEVICE, "up").stdout().lines()
                .anyMatch(line -> line.contains(wanted));
    }

    /** The routers holding the gateway now (more than one is split brain). */
    public List<DomainRouter> holders() throws IOException {
        List<DomainRouter> holders = new ArrayList<>();
        for (DomainRouter router : routers()) {
            if (holdsGateway(router)) {
                holders.add(router);
            }
        }
        return holders;
    }

    /** The routers whose public link is up now (a BACKUP keeps it down: both share the public MAC and address). */
    public List<DomainRouter> publicHolders() throws IOException {
        List<DomainRouter> holders = new ArrayList<>();
        for (DomainRouter router : routers()) {
            if (ip.attemptIn(netns(router).namespace(), "-o", "link", "show", "dev", PUBLIC_DEVICE, "up").stdout().contains(PUBLIC_DEVICE)) {
                holders.add(router);
            }
        }
        return holders;
    }

    /** The state each router's last transition recorded (what {@code checkrouter.sh} answers). */
    public Map<String, RedundantState> recordedStates() throws IOException {
        Map<String, RedundantState> states = new LinkedHashMap<>();
        for (DomainRouter router : routers()) {
            states.put(router.instanceName(), RedundancyTransition.recorded(netns(router).host()));
        }
        return states;
    }

    /**
     * Waits until exactly one router holds the gateway and has recorded PRIMARY (its public link is up),
     * and returns it.
     *
     * @throws IOException when that does not happen within {@code limit}
     */
    public DomainRouter awaitPrimary(Duration limit) throws IOException {
        return awaitPrimary(limit, Optional.empty());
    }

    /** {@link #awaitPrimary(Duration)}, the primary being {@code expected} when given. */
    public DomainRouter awaitPrimary(Duration limit, Optional<DomainRouter> expected) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            List<DomainRouter> holders = holders();
            if (holders.size() == 1 && expected.map(router -> router.id() == holders.get(0).id()).orElse(true)
                    && RedundancyTransition.recorded(netns(holders.get(0)).host()) == RedundantState.PRIMARY) {
                return holders.get(0);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("no single PRIMARY after " + limit + ": holders " + holders.stream().map(DomainRouter::instanceName).toList()
                        + ", recorded " + recordedStates() + "\n" + diagnostics());
            }
            sleep(POLL);
        }
    }

    /** The last lines of each router's keepalived log and notify-hook log, for a failure message. */
    public String diagnostics() throws IOException {
        StringBuilder text = new StringBuilder();
        for (DomainRouter router : routers()) {
            for (String log : List.of("/var/log/vrouter/keepalived.log", "/var/log/vrouter/redundancy-state.log")) {
                List<String> lines = netns(router).host().readText(log).orElse("").lines()
                        .filter(line -> !line.startsWith("SLF4J")).toList();
                text.append("--- ").append(router.instanceName()).append(' ').append(log).append('\n');
                lines.subList(Math.max(0, lines.size() - 12), lines.size()).forEach(line -> text.append(line).append('\n'));
            }
        }
        return text.toString();
    }

    /** The router of the pair that is not {@code router}. */
    public DomainRouter peer(DomainRouter router) {
        return routers().stream().filter(other -> other.id() != router.id()).findFirst().orElseThrow();
    }

    /** Stops {@code router}'s keepalived as its service manager does (TERM, waits for the exit): it gives up the gateway. */
    public void stopKeepalived(DomainRouter router) throws IOException {
        NetnsRouter netns = netns(router);
        new DirectServiceManager(netns.host()).stop(RedundancyDaemons.keepalived(netns.host()));
    }

    /** Starts {@code router}'s keepalived again (after {@link #stopKeepalived}); it comes up BACKUP. */
    public void startKeepalived(DomainRouter router) throws IOException {
        NetnsRouter netns = netns(router);
        new DirectServiceManager(netns.host()).start(RedundancyDaemons.keepalived(netns.host()));
    }

    /**
     * Crashes {@code router} as a dead VM would: its guest and public links down first (nothing it sends
     * afterwards leaves), then SIGKILL to keepalived's VRRP process, its main processes and conntrackd, by
     * the pids in the files the router side keeps (the VRRP process first: killed after its parent, it would
     * shut down gracefully and hand the gateway over at once), then to every other process in its namespace
     * (a dead VM runs nothing: not the notify hooks keepalived started just before, nor the transitions they
     * detached, which would otherwise go on changing its links), and its links down once more (one of those
     * may have raised them before it died).
     */
    public void crash(DomainRouter router) throws IOException {
        NetnsRouter netns = netns(router);
        linksDown(netns);
        for (String file : List.of(RedundancyPaths.KEEPALIVED_VRRP_PID, RedundancyPaths.KEEPALIVED_MAIN_PID,
                DirectServiceManager.pidFile(RedundancyDaemons.keepalived(netns.host())), DirectServiceManager.pidFile(RedundancyDaemons.conntrackd(netns.host())))) {
            Optional<String> pid = netns.host().readText(file).map(String::strip).filter(text -> text.matches("\\d{1,10}"));
            if (pid.isPresent()) {
                ProcessHandle.of(Long.parseLong(pid.get())).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        long self = ProcessHandle.current().pid();
        // twice: a hook may fork while the first round kills
        for (int round = 0; round < 2; round++) {
            for (long pid : ip.pids(netns.namespace())) {
                if (pid != self) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                }
            }
        }
        linksDown(netns);
    }

    private void linksDown(NetnsRouter netns) throws IOException {
        for (String device : List.of(GUEST_DEVICE, PUBLIC_DEVICE)) {
            ip.attemptIn(netns.namespace(), "link", "set", device, "down");
        }
    }

    /**
     * Brings a crashed router back as the management side does for a dead VM: restarted (stopped forcibly,
     * started on a fresh namespace from its boot arguments and configuration). It comes back BACKUP.
     */
    public void recover(DomainRouter router) {
        vrouter.manager().restart(router.id());
    }

    /**
     * Sets the VRRP advertisement interval of both routers ({@code advert_int}, seconds, {@code 0.2} allowed)
     * in their boot arguments and converges them: keepalived reloads, no election.
     */
    public void advertInterval(String seconds) throws IOException {
        for (DomainRouter router : routers()) {
            NetnsRouter netns = netns(router);
            DatabagStore store = new DatabagStore(netns.host(), new PayloadCodec());
            Databags bags = store.load().databags();
            Map<String, String> config = new LinkedHashMap<>(bags.cmdLine().config());
            config.put("advert_int", seconds);
            CmdLineBag cmdLine = new CmdLineBag(config);
            store.write(cmdLine);
            ConvergeResult result = RouterConvergers.standard(netns.host(), new DirectServiceManager(netns.host()), Clock.systemUTC())
                    .converge(new ConvergeRequest(bags.with(cmdLine), Set.of(BagKey.CMD_LINE)));
            if (!result.success()) {
                throw new IOException(router.instanceName() + ": advert_int " + seconds + " did not converge: " + result);
            }
        }
    }

    /** The network's gateway, the address the pair moves. */
    public IpAddress gateway() {
        return network.gateway();
    }

    static void sleep(Duration duration) throws IOException {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }
}
