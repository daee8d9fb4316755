package org.vrouter.hypervisor.xen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;

import org.vrouter.api.bootargs.BootArgs;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.commands.to.DiskTO;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.core.channel.HostKeyPolicy;
import org.vrouter.core.channel.JumpHost;
import org.vrouter.core.channel.SshIdentity;
import org.vrouter.core.channel.SshSettings;
import org.vrouter.hypervisor.xen.xapi.XapiTestServer;

/**
 * A {@link XapiTestServer} with resources pointed at it (fast task polling, short bounds) whose
 * router channels are {@link RecordingRouterChannels}, and the routers tests start. Closes
 * everything it made.
 */
final class XenTestbed implements AutoCloseable {
    static final IpAddress CONTROL_IP = IpAddress.parse("169.254.3.7");
    private static final byte[] PRIVATE_KEY = privateKey();

    final XapiTestServer server;
    final RecordingRouterChannels channels = new RecordingRouterChannels();
    private final List<XenRouterResource> resources = new ArrayList<>();

    private XenTestbed(XapiTestServer server) {
        this.server = server;
    }

    static XenTestbed start() throws IOException {
        return new XenTestbed(XapiTestServer.start());
    }

    /** Settings for the server with bounds short enough for tests. */
    XenSettings.Builder settings() {
        return XenSettings.builder(server.url(), XapiTestServer.USER, Secret.of(XapiTestServer.PASSWORD), XapiTestServer.TEMPLATE, routerSsh())
                .taskPollInterval(Duration.ofMillis(10))
                .startTimeout(Duration.ofSeconds(1))
                .cleanShutdownTimeout(Duration.ofMillis(300))
                .replyTimeout(Duration.ofSeconds(10))
                .connectTimeout(Duration.ofSeconds(2));
    }

    XenRouterResource resource() {
        return resource(settings().build());
    }

    XenRouterResource resource(XenSettings settings) {
        XenRouterResource resource = XenRouterResource.builder(settings).channels(channels).build();
        resources.add(resource);
        return resource;
    }

    /** SSH to routers through the (fake) host's sshd: never used, the channels are recording ones. */
    static SshSettings routerSsh() {
        SshIdentity key = SshIdentity.of(PRIVATE_KEY);
        return SshSettings.builder(key, HostKeyPolicy.insecureAcceptAnyHostKey())
                .jumpHost(new JumpHost("127.0.0.1", 22, "root", key, HostKeyPolicy.insecureAcceptAnyHostKey()))
                .build();
    }

    private static byte[] privateKey() {
        try {
            KeyPair pair = KeyPair.genKeyPair(new JSch(), KeyPair.ECDSA, 256);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pair.writePrivateKey(out);
            pair.dispose();
            return out.toByteArray();
        }
        catch (JSchException e) {
            throw new IllegalStateException("cannot make a test key", e);
        }
    }

    /**
     * Router {@code name}: guest eth0 on {@code vlan://100}, control eth1 at {@link #CONTROL_IP},
     * public eth2 untagged with a 200 Mbit/s limit, the server's root volume, 2 vCPUs, 512 MiB.
     */
    VirtualMachineTO router(String name) {
        return router(name, BroadcastUri.vlan(100));
    }

    /** As {@link #router(String)} with the guest NIC on {@code guest}. */
    VirtualMachineTO router(String name, BroadcastUri guest) {
        return VirtualMachineTO.builder(name, VirtualMachine.Type.DOMAIN_ROUTER, "5d1c2a3e-0000-4000-8000-00000000000" + name.length())
                .cpu(2, 1000)
                .ramBytes(512L << 20, 512L << 20)
                .bootArgs(BootArgs.parse(" template=domP name=" + name + " eth0ip=10.1.1.1 eth0mask=255.255.255.0 eth1ip=" + CONTROL_IP.value()
                        + " eth1mask=255.255.0.0 type=router"))
                .nic(NicTO.builder(0, MacAddress.parse("02:00:4c:00:00:01"), TrafficType.GUEST).ipv4(IpAddress.parse("10.1.1.1"),
                        Netmask.parse("netmask", "255.255.255.0")).broadcastUri(guest).build())
                .nic(NicTO.builder(1, MacAddress.parse("0e:00:a9:fe:03:07"), TrafficType.CONTROL).ipv4(CONTROL_IP,
                        Netmask.parse("netmask", "255.255.0.0")).build())
                .nic(NicTO.builder(2, MacAddress.parse("06:00:cb:00:71:0a"), TrafficType.PUBLIC).ipv4(IpAddress.parse("203.0.113.10"),
                        Netmask.parse("netmask", "255.255.255.0"), IpAddress.parse("203.0.113.1"))
                        .broadcastUri(new BroadcastUri("vlan", "untagged")).networkRateMbps(200).defaultNic(true).build())
                .disk(DiskTO.root(42, server.rootVolumeUuid(), 2L << 30))
                .build();
    }

    @Override
    public void close() {
        resources.forEach(XenRouterResource::close);
        server.close();
    }
}
