package org.vrouter.router.redundancy;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.vrouter.api.router.RedundantState;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * What the kernel says about this router's VRRP instance, which a {@link RedundancyTransition} takes as the
 * truth rather than the state keepalived asked for: whether the advertised gateway is on the VRRP interface,
 * and whether a VRRP speaker runs, i.e. a raw socket of protocol 112 is open in this network namespace
 * (keepalived's VRRP process holds one for as long as it lives; its notify scripts do not inherit it).
 *
 * <p>A gateway held with no speaker is <em>stale</em>: keepalived removes its addresses when it stops or
 * enters BACKUP or FAULT, but a keepalived that is killed (SIGKILL, the OOM killer, a crash, a router VM
 * dying between its FAULT hook and keepalived's cleanup) leaves them on the interface, and nothing will ever
 * advertise or remove them. Taking such a gateway for PRIMARY was the split brain of the crash benchmark: a
 * crashed router's FAULT hook, running after keepalived had been killed, saw the gateway, entered PRIMARY and
 * raised the links the crash had taken down, so the gateway was held twice while the peer was PRIMARY. So a
 * router is PRIMARY only while it holds the gateway <em>and</em> a speaker runs, and a stale gateway is
 * removed ({@link #releaseStale}).
 *
 * @param gatewayHeld the advertised gateway is on the VRRP interface
 * @param speaking a VRRP socket is open in the namespace (looked at only when the gateway is held; false otherwise)
 */
public record VrrpObservation(boolean gatewayHeld, boolean speaking) {
    /** VRRP's IP protocol number: what {@code ss} shows as the port of a raw VRRP socket. */
    static final int VRRP_PROTOCOL = 112;
    private static final Duration PROGRAM_TIMEOUT = Duration.ofSeconds(5);
    /** A speaker not seen is looked for again this often, a few times (a reload must not pass for a death). */
    private static final Duration RECHECK = Duration.ofMillis(50);
    private static final int CHECKS = 3;

    /** Reads the kernel: the addresses of the VRRP interface and, when the gateway is among them, the raw sockets. */
    public static VrrpObservation of(Host host, RedundancyInput input) throws IOException {
        requireNonNull(host, "host is null");
        requireNonNull(input, "input is null");
        boolean held = gatewayHeld(host, input.advertised());
        return new VrrpObservation(held, held && speaking(host));
    }

    /**
     * The state to enter: PRIMARY when the gateway is held by a running speaker and keepalived is not
     * stopping; otherwise FAULT when FAULT was asked, else BACKUP.
     */
    public RedundantState state(RedundantState requested, boolean stopping) {
        requireNonNull(requested, "requested is null");
        if (!stopping && gatewayHeld && speaking) {
            return RedundantState.PRIMARY;
        }
        return requested == RedundantState.FAULT ? RedundantState.FAULT : RedundantState.BACKUP;
    }

    /** The gateway is held and no speaker runs: nothing will ever advertise it or take it away. */
    public boolean stale() {
        return gatewayHeld && !speaking;
    }

    /**
     * When {@link #stale}, removes every virtual address of {@code input} (the advertised gateway and the other
     * tiers' gateways) still on its interface, and returns what it removed; otherwise removes nothing. A
     * keepalived starting later removes them anyway before it enters BACKUP; this is for the time until then.
     */
    public List<VirtualAddress> releaseStale(Host host, RedundancyInput input) throws IOException {
        if (!stale()) {
            return List.of();
        }
        List<VirtualAddress> removed = new ArrayList<>();
        List<VirtualAddress> addresses = new ArrayList<>(List.of(input.advertised()));
        addresses.addAll(input.unadvertised());
        for (VirtualAddress address : addresses) {
            if (gatewayHeld(host, address)) {
                ProgramResult result = host.run(ProgramCall.of("ip", "-4", "address", "del", address.address().toString(), "dev",
                        address.device()).withTimeout(PROGRAM_TIMEOUT));
                if (!result.succeeded()) {
                    throw new IOException("cannot remove the stale VRRP address " + address + ": " + result.firstErrorLine());
                }
                removed.add(address);
            }
        }
        return removed;
    }

    /** Whether {@code address} is on its interface. */
    static boolean gatewayHeld(Host host, VirtualAddress address) throws IOException {
        ProgramResult result = host.run(ProgramCall.of("ip", "-4", "-o", "address", "show", "dev", address.device())
                .withTimeout(PROGRAM_TIMEOUT));
        if (!result.succeeded()) {
            return false;
        }
        String wanted = " " + address.address().address() + "/";
        return result.stdout().lines().anyMatch(line -> line.contains(wanted));
    }

    /** Whether a VRRP socket is open in the namespace, looked at up to {@link #CHECKS} times before saying no. */
    static boolean speaking(Host host) throws IOException {
        for (int check = 1; ; check++) {
            ProgramResult result = host.run(ProgramCall.of("ss", "-H", "-n", "-w", "-a").withTimeout(PROGRAM_TIMEOUT));
            if (!result.succeeded()) {
                // cannot tell: keep the address-only observation rather than remove a gateway keepalived may hold
                return true;
            }
            if (listsVrrpSocket(result.stdout())) {
                return true;
            }
            if (check == CHECKS) {
                return false;
            }
            try {
                Thread.sleep(RECHECK.toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while looking for keepalived's VRRP socket");
            }
        }
    }

    /**
     * Whether {@code ss -H -n -w -a} output (raw sockets: {@code UNCONN 0 0 224.0.0.18:112 0.0.0.0:*}, the
     * local port being the protocol) lists a VRRP socket.
     */
    static boolean listsVrrpSocket(String ssOutput) {
        String port = ":" + VRRP_PROTOCOL;
        return ssOutput.lines().map(String::strip).filter(line -> !line.isEmpty()).map(line -> line.split("\\s+"))
                .anyMatch(fields -> fields.length >= 4 && fields[3].endsWith(port));
    }
}
