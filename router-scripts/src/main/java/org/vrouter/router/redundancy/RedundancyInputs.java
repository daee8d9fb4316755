package org.vrouter.router.redundancy;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.wire.payload.GuestNetworkPayload;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.IpEntry;
import org.vrouter.router.databag.IpsBag;

/**
 * Maps the databags into the {@link RedundancyInput} of a redundant router: a pure function.
 *
 * <ul>
 *   <li>{@code cmdline}: {@code redundant_router} (else the service is skipped), {@code name},
 *       {@code advert_int} (seconds, default 1; a decimal such as {@code 0.2} is allowed, VRRPv3 counts in
 *       centiseconds), {@code guestgw} and {@code guestcidrsize} (an isolated network's gateway),
 *       {@code router_id} (a VPC's id), and vrouter's own optional {@code vrrp_unicast_peers} (comma list).</li>
 *   <li>Guest interfaces: every {@code ips} device with a guest address, by device number. Its gateway is
 *       the {@code guestnetwork} entry's {@code router_guest_gateway} (a VPC tier) or else {@code guestgw}
 *       when it lies on the device's network and is not the router's own address. No guest interface with a
 *       gateway: skipped (a VPC router is not redundant until it has a tier).</li>
 *   <li>VRRP id: {@code router_id} (the VPC id) folded into 1..255; without it (an isolated network), a
 *       CRC-32 of the advertised gateway's network folded the same way. Both members compute the same id,
 *       and networks sharing a segment get different ones unless they collide by chance (1 in 255), unlike
 *       CloudStack's 51 for every network.</li>
 * </ul>
 */
public final class RedundancyInputs {
    /** vrouter's boot argument for unicast VRRP: the peer's guest addresses, comma separated. */
    public static final String UNICAST_PEERS = "vrrp_unicast_peers";
    private static final IpAddress LOOPBACK = IpAddress.parse("127.0.0.1");

    private RedundancyInputs() {}

    /**
     * The input, or why the router has no VRRP instance.
     *
     * @param input empty when the service does not apply
     * @param skipReason why; empty when there is an input
     */
    public record Desired(Optional<RedundancyInput> input, String skipReason) {
        public Desired {
            requireNonNull(input, "input is null");
            requireNonNull(skipReason, "skipReason is null");
        }

        static Desired skip(String reason) {
            return new Desired(Optional.empty(), reason);
        }
    }

    /**
     * The redundancy input the databags describe.
     *
     * @throws InvalidParameterException naming the bag and field when a value is invalid
     */
    public static Desired from(Databags bags) {
        CmdLineBag cmdLine = requireNonNull(bags, "bags is null").cmdLine();
        if (!cmdLine.isRedundant()) {
            return Desired.skip("not a redundant router (no redundant_router boot argument)");
        }
        List<Guest> guests = guests(bags);
        Optional<Guest> first = guests.stream().filter(guest -> guest.gateway().isPresent()).findFirst();
        if (first.isEmpty()) {
            return Desired.skip("no guest interface with a gateway yet (a VPC router is redundant once it has a tier)");
        }
        List<VirtualAddress> addresses = new ArrayList<>();
        List<String> tracked = new ArrayList<>();
        Set<IpAddress> ignored = new LinkedHashSet<>(List.of(LOOPBACK));
        bags.ips().devicesOf(TrafficType.CONTROL).forEach(device -> bags.ips().entries(device).forEach(entry -> ignored.add(entry.publicIp())));
        addresses.add(first.get().gateway().get());
        for (Guest guest : guests) {
            ignored.add(guest.own().address());
            if (guest != first.get()) {
                tracked.add(guest.device());
                guest.gateway().ifPresent(addresses::add);
            }
        }
        try {
            String name = cmdLine.get("name").orElseThrow(() -> new InvalidParameterException("name", "is required on a redundant router"));
            return new Desired(Optional.of(new RedundancyInput(name, virtualRouterId(cmdLine, first.get()), advertCentiseconds(cmdLine),
                    first.get().device(), first.get().own().address(), addresses, tracked, unicastPeers(cmdLine), List.copyOf(ignored),
                    publicDevices(bags))), "");
        }
        catch (InvalidParameterException e) {
            throw e.within("cmdline.");
        }
    }

    /** A guest interface: its device, the router's own address on it, and the gateway the PRIMARY holds there. */
    private record Guest(String device, Cidr own, Optional<VirtualAddress> gateway) {}

    private static List<Guest> guests(Databags bags) {
        IpsBag ips = bags.ips();
        Optional<IpAddress> guestGateway = cmdLineAddress(bags.cmdLine(), "guestgw");
        List<Guest> guests = new ArrayList<>();
        List<String> devices = new ArrayList<>(ips.devicesOf(TrafficType.GUEST));
        devices.sort(Comparator.comparingInt(RedundancyInputs::deviceNumber));
        for (String device : devices) {
            Optional<GuestNetworkPayload> tier = bags.guestNetwork().get(device).filter(GuestNetworkPayload::add);
            List<IpEntry> entries = ips.entries(device);
            Set<IpAddress> gateways = new LinkedHashSet<>();
            tier.ifPresent(payload -> gateways.add(payload.routerGuestGateway()));
            guestGateway.ifPresent(gateways::add);
            Optional<IpEntry> own = entries.stream().filter(entry -> !gateways.contains(entry.publicIp())).findFirst();
            if (own.isEmpty()) {
                continue;
            }
            Cidr network = own.get().network();
            Optional<VirtualAddress> gateway = gateways.stream().filter(network::contains).filter(address -> !address.equals(own.get().publicIp()))
                    .findFirst().map(address -> new VirtualAddress(device, new Cidr(address, network.prefixLength())));
            guests.add(new Guest(device, own.get().cidr(), gateway));
        }
        return guests;
    }

    private static List<String> publicDevices(Databags bags) {
        List<String> devices = new ArrayList<>(bags.ips().devicesOf(TrafficType.PUBLIC));
        devices.sort(Comparator.comparingInt(RedundancyInputs::deviceNumber));
        return devices;
    }

    private static int virtualRouterId(CmdLineBag cmdLine, Guest first) {
        Optional<String> routerId = cmdLine.get("router_id");
        if (routerId.isPresent()) {
            try {
                return fold(Long.parseLong(routerId.get().strip()));
            }
            catch (NumberFormatException e) {
                throw new InvalidParameterException("router_id", "must be a number", routerId.get());
            }
        }
        CRC32 crc = new CRC32();
        crc.update(first.gateway().orElseThrow().address().network().toString().getBytes(StandardCharsets.US_ASCII));
        return fold(crc.getValue());
    }

    /** 1..255 from any non-negative number: 1 is 1, 255 is 255, 256 is 1 again. */
    static int fold(long value) {
        return (int) (Math.floorMod(value - 1, 255L) + 1);
    }

    private static int advertCentiseconds(CmdLineBag cmdLine) {
        String text = cmdLine.get("advert_int").orElse("1").strip();
        try {
            BigDecimal centiseconds = new BigDecimal(text).movePointRight(2);
            if (centiseconds.stripTrailingZeros().scale() > 0) {
                throw new InvalidParameterException("advert_int", "must be a multiple of 0.01 seconds", text);
            }
            return centiseconds.intValueExact();
        }
        catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidParameterException("advert_int", "must be a number of seconds (1, 0.2)", text);
        }
    }

    private static List<IpAddress> unicastPeers(CmdLineBag cmdLine) {
        List<IpAddress> peers = new ArrayList<>();
        for (String part : cmdLine.get(UNICAST_PEERS).orElse("").split(",")) {
            if (!part.isBlank()) {
                peers.add(IpAddress.parse(UNICAST_PEERS, part.strip()));
            }
        }
        return peers;
    }

    private static Optional<IpAddress> cmdLineAddress(CmdLineBag cmdLine, String key) {
        try {
            return cmdLine.get(key).filter(value -> !value.isBlank()).map(value -> IpAddress.parse(key, value.strip()));
        }
        catch (InvalidParameterException e) {
            throw e.within("cmdline.");
        }
    }

    private static int deviceNumber(String device) {
        try {
            return Integer.parseInt(device.substring(device.startsWith("eth") ? 3 : 0));
        }
        catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
