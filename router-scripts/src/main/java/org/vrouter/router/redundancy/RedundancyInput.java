package org.vrouter.router.redundancy;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * What one member of a redundant pair needs for keepalived and conntrackd, mapped from the databags by
 * {@link RedundancyInputs}. Both members of a pair map the same values except {@code routerName},
 * {@code source} and {@code syncIgnored}, so their VRRP instances agree (the cause of CloudStack's dual
 * PRIMARY reports is configurations that differ).
 *
 * @param routerName keepalived's {@code router_id} (the boot argument {@code name})
 * @param virtualRouterId the VRRP id, 1 to 255, derived from the network (never one constant for all)
 * @param advertCentiseconds the advertisement interval in hundredths of a second (5 to 4095: VRRPv3)
 * @param device the interface the VRRP instance and conntrackd's sync run on (the first guest interface
 *     with a gateway)
 * @param source this router's own address on {@code device}
 * @param addresses the gateways the PRIMARY holds; the first is on {@code device} and is the one the
 *     advertisements carry, the others are held but not advertised, so that adding a tier changes no
 *     advertisement and starts no election
 * @param trackedDevices the other guest interfaces: one going down makes the instance FAULT
 * @param unicastPeers the peer's addresses when VRRP runs unicast ({@code vrrp_unicast_peers}); empty:
 *     multicast to 224.0.0.18
 * @param syncIgnored addresses whose connections conntrackd does not replicate (loopback, the router's
 *     own control and guest addresses)
 * @param publicDevices the public interfaces, which only the PRIMARY keeps up
 */
public record RedundancyInput(String routerName, int virtualRouterId, int advertCentiseconds, String device, IpAddress source,
        List<VirtualAddress> addresses, List<String> trackedDevices, List<IpAddress> unicastPeers, List<IpAddress> syncIgnored,
        List<String> publicDevices) {
    private static final Pattern DEVICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,14}");
    /** VRRPv3 carries the interval in centiseconds in 12 bits; below 50 ms a busy host misses adverts. */
    static final int MIN_ADVERT_CENTISECONDS = 5;
    static final int MAX_ADVERT_CENTISECONDS = 4095;

    public RedundancyInput {
        FieldChecks.requireHostName("name", routerName);
        FieldChecks.requireRange("virtual_router_id", virtualRouterId, 1, 255);
        FieldChecks.requireRange("advert_int", advertCentiseconds, MIN_ADVERT_CENTISECONDS, MAX_ADVERT_CENTISECONDS);
        requireDevice("device", device);
        requireIpv4("source", requireNonNull(source, "source is null"));
        addresses = List.copyOf(requireNonNull(addresses, "addresses is null"));
        trackedDevices = List.copyOf(requireNonNull(trackedDevices, "trackedDevices is null"));
        unicastPeers = List.copyOf(requireNonNull(unicastPeers, "unicastPeers is null"));
        syncIgnored = List.copyOf(requireNonNull(syncIgnored, "syncIgnored is null"));
        publicDevices = List.copyOf(requireNonNull(publicDevices, "publicDevices is null"));
        publicDevices.forEach(publicDevice -> requireDevice("public_device", publicDevice));
        if (addresses.isEmpty() || !addresses.get(0).device().equals(device)) {
            throw new InvalidParameterException("guestgw", "the first virtual address must be on " + device, addresses);
        }
        trackedDevices.forEach(tracked -> requireDevice("track_interface", tracked));
        if (trackedDevices.contains(device)) {
            throw new InvalidParameterException("track_interface", "must not repeat the VRRP interface", device);
        }
        unicastPeers.forEach(peer -> requireIpv4("vrrp_unicast_peers", peer));
        syncIgnored.forEach(address -> requireIpv4("sync_ignored", address));
    }

    /** The gateway the advertisements carry: the first address, on {@link #device}. */
    public VirtualAddress advertised() {
        return addresses.get(0);
    }

    /** The gateways held but not advertised: the other tiers'. */
    public List<VirtualAddress> unadvertised() {
        return addresses.subList(1, addresses.size());
    }

    /** The interval as keepalived writes it: {@code 1}, {@code 0.2}, {@code 1.5}. */
    public String advertInterval() {
        int whole = advertCentiseconds / 100;
        int hundredths = advertCentiseconds % 100;
        if (hundredths == 0) {
            return Integer.toString(whole);
        }
        String fraction = String.format(Locale.ROOT, "%02d", hundredths);
        return whole + "." + (fraction.endsWith("0") ? fraction.substring(0, 1) : fraction);
    }

    static String requireDevice(String field, String device) {
        requireNonNull(device, field + " is null");
        if (!DEVICE.matcher(device).matches()) {
            throw new InvalidParameterException(field, "not an interface name (at most 15 letters, digits, '_', '.', '-')", device);
        }
        return device;
    }

    private static void requireIpv4(String field, IpAddress address) {
        if (!address.isIpv4()) {
            throw new InvalidParameterException(field, "must be an IPv4 address", address);
        }
    }
}
