package org.vrouter.hypervisor.kvm;

import java.util.Optional;

import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.commands.to.DiskTO;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;

/** Router VMs as a StartCommand carries them: guest eth0 on VLAN 100, control eth1, public eth2 untagged, a root disk. */
public final class RouterVms {
    public static final String GUEST_MAC = "02:00:4c:5f:00:01";
    public static final String CONTROL_MAC = "0e:00:a9:fe:01:05";
    public static final String PUBLIC_MAC = "06:8e:a2:00:00:21";

    private RouterVms() {}

    public static VirtualMachineTO router(String name) {
        return builder(name, "5b7e3c2a-1f0d-4c8e-9a61-0d2f4e6a8b10").build();
    }

    public static VirtualMachineTO.Builder builder(String name, String uuid) {
        return VirtualMachineTO.builder(name, VirtualMachine.Type.DOMAIN_ROUTER, uuid)
                .cpu(1, 500)
                .ramBytes(256L * 1024 * 1024, 256L * 1024 * 1024)
                .bootArg("template", "domP")
                .bootArg("type", "router")
                .bootArg("name", name)
                .bootArg("eth1ip", "169.254.1.5")
                .bootArg("eth1mask", "255.255.0.0")
                .nic(NicTO.builder(0, MacAddress.parse("mac", GUEST_MAC), TrafficType.GUEST)
                        .ipv4(IpAddress.parse("10.1.1.1"), Netmask.parse("netmask", "255.255.255.0"))
                        .broadcastUri(BroadcastUri.vlan(100)).build())
                .nic(NicTO.builder(1, MacAddress.parse("mac", CONTROL_MAC), TrafficType.CONTROL)
                        .ipv4(IpAddress.parse("169.254.1.5"), Netmask.parse("netmask", "255.255.0.0")).build())
                .nic(NicTO.builder(2, MacAddress.parse("mac", PUBLIC_MAC), TrafficType.PUBLIC)
                        .ipv4(IpAddress.parse("203.0.113.10"), Netmask.parse("netmask", "255.255.255.0"), IpAddress.parse("203.0.113.1"))
                        .broadcastUri(new BroadcastUri("vlan", "untagged")).networkRateMbps(200).defaultNic(true).build())
                .disk(new DiskTO(7, Optional.of("0c6d1f0e-7a53-4b0f-a5d4-2f9a0e4c1b77"), Optional.of("0c6d1f0e-7a53-4b0f-a5d4-2f9a0e4c1b77"),
                        DiskTO.Type.ROOT, 2L << 30, 0));
    }
}
