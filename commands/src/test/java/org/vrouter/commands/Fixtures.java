package org.vrouter.commands;

import org.vrouter.api.dc.NetworkType;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.to.NicTO;

/** Values shared by the command tests. */
final class Fixtures {
    static final IpAddress CONTROL_IP = IpAddress.parse("169.254.3.44");
    static final IpAddress PUBLIC_IP = IpAddress.parse("203.0.113.20");
    static final IpAddress VM_IP = IpAddress.parse("10.1.1.23");

    private Fixtures() {}

    /** What every router command carries: control IP, name, zone type. */
    static AccessDetails router() {
        return AccessDetails.builder()
                .routerIp(CONTROL_IP)
                .routerName("r-12-VM")
                .zoneNetworkType(NetworkType.ADVANCED)
                .build();
    }

    /** The router's NIC in tier 172.16.1.0/24 on VLAN 100, device eth3. */
    static NicTO tierNic() {
        return NicTO.builder(3, MacAddress.parse("02:00:56:36:00:02"), TrafficType.GUEST)
                .ipv4(IpAddress.parse("172.16.1.1"), Netmask.parse("255.255.255.0"), IpAddress.parse("172.16.1.1"))
                .broadcastUri(BroadcastUri.vlan(100))
                .mtu(1500)
                .build();
    }
}
