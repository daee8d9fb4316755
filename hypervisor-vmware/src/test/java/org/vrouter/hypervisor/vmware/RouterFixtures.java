package org.vrouter.hypervisor.vmware;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.hypervisor.vmware.vsphere.VmPlacement;
import org.vrouter.hypervisor.vmware.vsphere.VsphereEndpoint;

/** A router on the simulator: guest (VLAN 1001), control (pod address) and public (VLAN 100) NICs, and its port groups. */
final class RouterFixtures {
    static final String GUEST_PORT_GROUP = "cloud.guest.1001.0.1-vSwitch0";
    static final String CONTROL_PORT_GROUP = "cloud.private.untagged.0.1-vSwitch0";
    static final String PUBLIC_PORT_GROUP = "cloud.public.100.0.1-vSwitch0";
    static final List<String> PORT_GROUPS = List.of(GUEST_PORT_GROUP, CONTROL_PORT_GROUP, PUBLIC_PORT_GROUP);

    private RouterFixtures() {}

    static VsphereEndpoint endpoint(URI sdkUrl, String password) {
        return new VsphereEndpoint(sdkUrl, VcSimulator.USER, Secret.of(password), true, Duration.ofSeconds(20));
    }

    static VmwareSettings.Builder settings(URI sdkUrl) {
        return VmwareSettings.builder(endpoint(sdkUrl, VcSimulator.PASSWORD),
                        VmPlacement.of(VcSimulator.DATACENTER, VcSimulator.STANDALONE_HOST, VcSimulator.DATASTORE).withHost(VcSimulator.STANDALONE_HOST))
                .taskTimeout(Duration.ofSeconds(30))
                .shutdownTimeout(Duration.ofSeconds(5))
                .sshProbeTimeout(Duration.ofSeconds(2));
    }

    static NicTO guestNic(int id) {
        return NicTO.builder(0, mac(id, 0), TrafficType.GUEST)
                .ipv4(ip("10.1.1.1"), Netmask.parse("netmask", "255.255.255.0"))
                .broadcastUri(BroadcastUri.vlan(1001))
                .build();
    }

    static NicTO controlNic(int id) {
        return NicTO.builder(1, mac(id, 1), TrafficType.CONTROL)
                .ipv4(ip("127.0.0.1"), Netmask.parse("netmask", "255.255.255.0"))
                .build();
    }

    static NicTO publicNic(int id) {
        return NicTO.builder(2, mac(id, 2), TrafficType.PUBLIC)
                .ipv4(ip("203.0.113.10"), Netmask.parse("netmask", "255.255.255.0"), ip("203.0.113.1"))
                .broadcastUri(BroadcastUri.vlan(100))
                .defaultNic(true)
                .build();
    }

    /** Router {@code r-<id>-VM} with the three NICs and CloudStack-shaped boot arguments. */
    static VirtualMachineTO.Builder router(int id) {
        return VirtualMachineTO.builder(name(id), VirtualMachine.Type.DOMAIN_ROUTER, UUID.nameUUIDFromBytes(name(id).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString())
                .cpu(1, 500)
                .ramBytes(256L * 1024 * 1024, 256L * 1024 * 1024)
                .bootArg("template", "domP")
                .bootArg("name", name(id))
                .bootArg("eth0ip", "10.1.1.1")
                .bootArg("eth0mask", "255.255.255.0")
                .bootArg("eth1ip", "127.0.0.1")
                .bootArg("eth1mask", "255.255.255.0")
                .bootArg("eth2ip", "203.0.113.10")
                .bootArg("eth2mask", "255.255.255.0")
                .bootArg("gateway", "203.0.113.1")
                .bootArg("type", "router")
                .nic(guestNic(id))
                .nic(controlNic(id))
                .nic(publicNic(id));
    }

    static String name(int id) {
        return "r-" + id + "-VM";
    }

    static MacAddress mac(int id, int device) {
        return MacAddress.parse("mac", String.format("02:00:00:%02x:%02x:%02x", id / 256, id % 256, device));
    }

    static IpAddress ip(String text) {
        return IpAddress.parse("ip", text);
    }
}
