package org.vrouter.router.databag;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.commands.wire.payload.BgpPeer;
import org.vrouter.commands.wire.payload.BgpPeersPayload;
import org.vrouter.commands.wire.payload.DhcpEntryPayload;
import org.vrouter.commands.wire.payload.MonitorServicePayload;
import org.vrouter.commands.wire.payload.RemoteAccessVpnPayload;
import org.vrouter.commands.wire.payload.Site2SiteVpnPayload;
import org.vrouter.commands.wire.payload.VmMetadataEntry;
import org.vrouter.commands.wire.payload.VmMetadataPayload;
import org.vrouter.commands.wire.payload.VmPasswordPayload;
import org.vrouter.commands.wire.payload.VpnUser;
import org.vrouter.commands.wire.payload.VpnUserListPayload;

/** Merges of the bags keyed by one entry per VM, user, peer or server, and of the settings bags. */
final class EntryMerges {
    /** Up to this many DHCP entries are merged by scanning, more through an index by MAC address. */
    private static final int FEW = 4;

    private EntryMerges() {}

    /**
     * A VM NIC's DHCP entry: any entry with the same MAC address goes (one NIC, one entry), then the entry is
     * stored under its address, or nothing more happens for a removal.
     */
    static DhcpEntryBag dhcpEntry(DhcpEntryBag bag, DhcpEntryPayload entry) {
        Map<IpAddress, DhcpEntryPayload> entries = BagMaps.mutableCopy(bag.entries());
        entries.values().removeIf(existing -> existing.macAddress().equals(entry.macAddress()));
        if (!entry.remove()) {
            entries.put(DhcpEntryBag.keyOf(entry), entry);
        }
        return new DhcpEntryBag(entries);
    }

    /**
     * Several DHCP entries merged in order, with the result of {@link #dhcpEntry} applied to each in turn,
     * in one copy of the bag: a batch of n entries merges in O(n) instead of O(n²).
     */
    static DhcpEntryBag dhcpEntries(DhcpEntryBag bag, List<DhcpEntryPayload> batch) {
        Map<IpAddress, DhcpEntryPayload> entries = BagMaps.mutableCopy(bag.entries());
        if (batch.size() <= FEW) {
            // a scan per entry is cheaper than an index of the whole bag
            for (DhcpEntryPayload entry : batch) {
                entries.values().removeIf(existing -> existing.macAddress().equals(entry.macAddress()));
                if (!entry.remove()) {
                    entries.put(DhcpEntryBag.keyOf(entry), entry);
                }
            }
            return new DhcpEntryBag(entries);
        }
        Map<MacAddress, Set<IpAddress>> byMac = new HashMap<>();
        entries.forEach((address, entry) -> byMac.computeIfAbsent(entry.macAddress(), mac -> new HashSet<>()).add(address));
        for (DhcpEntryPayload entry : batch) {
            Set<IpAddress> sameNic = byMac.remove(entry.macAddress());
            if (sameNic != null) {
                sameNic.forEach(entries::remove);
            }
            if (!entry.remove()) {
                IpAddress address = DhcpEntryBag.keyOf(entry);
                DhcpEntryPayload replaced = entries.put(address, entry);
                if (replaced != null) {
                    Set<IpAddress> others = byMac.get(replaced.macAddress());
                    if (others != null && others.remove(address) && others.isEmpty()) {
                        byMac.remove(replaced.macAddress());
                    }
                }
                byMac.computeIfAbsent(entry.macAddress(), mac -> new HashSet<>()).add(address);
            }
        }
        return new DhcpEntryBag(entries);
    }

    /** A VM's metadata replaces its previous list. */
    static VmDataBag vmData(VmDataBag bag, VmMetadataPayload payload) {
        Map<IpAddress, List<VmMetadataEntry>> vms = BagMaps.mutableCopy(bag.vms());
        vms.put(payload.vmIpAddress(), payload.vmMetadata());
        return new VmDataBag(vms);
    }

    /** Like CloudStack: the bag holds only the last password received. */
    static VmPasswordBag vmPassword(VmPasswordPayload payload) {
        return new VmPasswordBag(Map.of(payload.ipAddress(), payload.password()));
    }

    /** Users by name: an added user is stored (a new password replaces the old one), a removed one deleted. */
    static VpnUserListBag vpnUsers(VpnUserListBag bag, VpnUserListPayload payload) {
        Map<String, VpnUser> users = BagMaps.mutableCopy(bag.users());
        for (VpnUser user : payload.vpnUsers()) {
            if (user.add()) {
                users.put(user.user(), user);
            }
            else {
                users.remove(user.user());
            }
        }
        return new VpnUserListBag(users);
    }

    /** A peer by gateway address: stored when created, deleted otherwise. */
    static Site2SiteVpnBag site2SiteVpn(Site2SiteVpnBag bag, Site2SiteVpnPayload payload) {
        Map<IpAddress, Site2SiteVpnPayload> peers = BagMaps.mutableCopy(bag.peers());
        if (payload.create()) {
            peers.put(payload.peerGatewayIp(), payload);
        }
        else {
            peers.remove(payload.peerGatewayIp());
        }
        return new Site2SiteVpnBag(peers);
    }

    /** A server by public address: stored when created, deleted otherwise. */
    static RemoteAccessVpnBag remoteAccessVpn(RemoteAccessVpnBag bag, RemoteAccessVpnPayload payload) {
        Map<IpAddress, RemoteAccessVpnPayload> servers = BagMaps.mutableCopy(bag.servers());
        if (payload.create()) {
            servers.put(payload.vpnServerIp(), payload);
        }
        else {
            servers.remove(payload.vpnServerIp());
        }
        return new RemoteAccessVpnBag(servers);
    }

    /** Each setting present in the payload replaces the stored one; absent settings are kept. */
    static MonitorServiceBag monitorService(MonitorServiceBag bag, MonitorServicePayload payload) {
        MonitorServicePayload old = bag.settings();
        return MonitorServiceBag.of(new MonitorServicePayload(
                payload.config().or(old::config),
                payload.disableMonitoring().or(old::disableMonitoring),
                payload.healthChecksEnabled().or(old::healthChecksEnabled),
                payload.healthChecksBasicRunInterval().or(old::healthChecksBasicRunInterval),
                payload.healthChecksAdvanceRunInterval().or(old::healthChecksAdvanceRunInterval),
                payload.excludedHealthChecks().or(old::excludedHealthChecks),
                payload.healthChecksConfig().or(old::healthChecksConfig),
                false));
    }

    /** The peers replace the bag. */
    static BgpPeersBag bgpPeers(BgpPeersPayload payload) {
        Map<String, BgpPeer> peers = new LinkedHashMap<>();
        payload.peers().forEach(peer -> peers.put(BgpPeersBag.keyOf(peer), peer));
        return new BgpPeersBag(peers);
    }
}
