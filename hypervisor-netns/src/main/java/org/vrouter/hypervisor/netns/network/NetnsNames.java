package org.vrouter.hypervisor.netns.network;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.network.TrafficType;
import org.vrouter.router.host.NamespaceHost;

/**
 * The naming scheme of one netns hypervisor instance: every name it gives the kernel derives from a
 * per-instance {@code prefix}, so two instances (two test runs, a test beside the demo) never meet.
 *
 * <p>Namespaces are global ({@code /run/netns}), so they carry the prefix:
 * <ul>
 *   <li>the hypervisor namespace, the "host side" of every NIC: {@code <prefix>-hv};
 *   <li>a router: {@code <prefix>-<vm name>} ({@code vt3k1-r-5-VM});
 *   <li>a guest VM: {@code <prefix>-g-<name>} ({@code vt3k1-g-vm1}).
 * </ul>
 * Links live inside namespaces of this instance, so their names need only be unique there, and
 * stay within Linux's 15 characters without the prefix:
 * <ul>
 *   <li>inside a router: {@code eth<device id>}, as the guru laid the NICs out; inside a guest: {@code eth0};
 *   <li>bridges, in the hypervisor namespace: {@code br-ctl} for control traffic; otherwise
 *       {@code br-<t><id>}, {@code <t>} the traffic type's letter ({@code g}uest, {@code p}ublic,
 *       {@code s}torage, {@code m}anagement, {@code v}pn) and {@code <id>} the VLAN id of the broadcast
 *       URI ({@code br-g100}), {@code u} for an untagged or absent one ({@code br-pu}), or the first
 *       8 hex digits of the URI's SHA-256 for any other URI ({@code br-g3fa09b1c}): one bridge per
 *       broadcast domain, standing in for the VLAN the kernel of a test machine cannot tag;
 *   <li>host ends of veth pairs, in the hypervisor namespace: {@code vr<slot>-eth<device>} for a
 *       router's NIC and {@code vg<slot>-eth0} for a guest's, {@code <slot>} a number the instance
 *       hands out (1 to 99999).
 * </ul>
 *
 * @param prefix 1 to 12 lower-case letters and digits, starting with a letter
 */
public record NetnsNames(String prefix) {
    /** The prefix of the demo and of an embedding that names none. */
    public static final String DEFAULT_PREFIX = "vrouter";
    /** The bridge of the link-local control network. */
    public static final String CONTROL_BRIDGE = "br-ctl";
    /** The highest slot: keeps {@code vr<slot>-eth<255>} within 15 characters. */
    public static final int MAX_SLOT = 99_999;

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9]{0,11}");
    private static final int MAX_LINK_NAME = 15;
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    public NetnsNames {
        requireNonNull(prefix, "prefix is null");
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("prefix must be 1-12 lower-case letters and digits, starting with a letter: '" + prefix + "'");
        }
    }

    public static NetnsNames of(String prefix) {
        return new NetnsNames(prefix);
    }

    /** {@value #DEFAULT_PREFIX}. */
    public static NetnsNames defaults() {
        return new NetnsNames(DEFAULT_PREFIX);
    }

    /**
     * A prefix no other instance on this machine uses at the same time: {@code base}, this JVM's pid
     * and a per-JVM counter (both base 36). For tests, whose names must stay unique per run.
     *
     * @param base 1 to 3 lower-case letters
     */
    public static NetnsNames unique(String base) {
        if (!base.matches("[a-z]{1,3}")) {
            throw new IllegalArgumentException("base must be 1-3 lower-case letters: '" + base + "'");
        }
        return new NetnsNames(base + Long.toString(ProcessHandle.current().pid(), 36) + Integer.toString(UNIQUE.incrementAndGet(), 36));
    }

    /** {@code <prefix>-hv}. */
    public String hypervisorNamespace() {
        return prefix + "-hv";
    }

    /**
     * {@code <prefix>-<vmName>}.
     *
     * @throws IllegalArgumentException when the name makes no valid namespace name (too long)
     */
    public String routerNamespace(String vmName) {
        return NamespaceHost.requireValidName(prefix + "-" + requireNonNull(vmName, "vmName is null"));
    }

    /** {@code <prefix>-g-<name>}; see {@link #routerNamespace}. */
    public String guestNamespace(String name) {
        return NamespaceHost.requireValidName(prefix + "-g-" + requireNonNull(name, "name is null"));
    }

    /** Whether {@code namespace} is one of this instance's (the hypervisor's, a router's or a guest's). */
    public boolean owns(String namespace) {
        return namespace.startsWith(prefix + "-");
    }

    /** The bridge that carries {@code trafficType} on the broadcast domain {@code broadcastUri}. */
    public static String bridge(TrafficType trafficType, Optional<BroadcastUri> broadcastUri) {
        requireNonNull(trafficType, "trafficType is null");
        requireNonNull(broadcastUri, "broadcastUri is null");
        if (trafficType == TrafficType.CONTROL) {
            return CONTROL_BRIDGE;
        }
        return "br-" + letter(trafficType) + domain(broadcastUri);
    }

    /** {@code vr<slot>-eth<device>}. */
    public static String routerLink(int slot, int deviceId) {
        return link("vr" + requireSlot(slot) + "-eth" + deviceId);
    }

    /** {@code vg<slot>-eth0}. */
    public static String guestLink(int slot) {
        return link("vg" + requireSlot(slot) + "-eth0");
    }

    private static char letter(TrafficType trafficType) {
        return switch (trafficType) {
            case GUEST -> 'g';
            case PUBLIC -> 'p';
            case STORAGE -> 's';
            case MANAGEMENT -> 'm';
            case VPN -> 'v';
            case CONTROL -> 'c';
        };
    }

    private static String domain(Optional<BroadcastUri> broadcastUri) {
        if (broadcastUri.isEmpty() || broadcastUri.get().value().equals("untagged")) {
            return "u";
        }
        OptionalInt vlan = broadcastUri.get().vlanId();
        if (vlan.isPresent()) {
            return Integer.toString(vlan.getAsInt());
        }
        return hash(broadcastUri.get().toString());
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static int requireSlot(int slot) {
        if (slot < 1 || slot > MAX_SLOT) {
            throw new IllegalArgumentException("slot must be 1 to " + MAX_SLOT + ": " + slot);
        }
        return slot;
    }

    private static String link(String name) {
        if (name.length() > MAX_LINK_NAME) {
            throw new IllegalArgumentException("link name longer than " + MAX_LINK_NAME + " characters: " + name);
        }
        return name;
    }
}
