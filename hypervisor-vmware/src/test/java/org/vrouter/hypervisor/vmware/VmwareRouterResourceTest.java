package org.vrouter.hypervisor.vmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.hypervisor.vmware.RouterFixtures.CONTROL_PORT_GROUP;
import static org.vrouter.hypervisor.vmware.RouterFixtures.GUEST_PORT_GROUP;
import static org.vrouter.hypervisor.vmware.RouterFixtures.PUBLIC_PORT_GROUP;
import static org.vrouter.hypervisor.vmware.RouterFixtures.mac;
import static org.vrouter.hypervisor.vmware.RouterFixtures.name;
import static org.vrouter.hypervisor.vmware.RouterFixtures.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.vrouter.api.command.Answer;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.vm.PowerState;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineAnswer;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.IpAssocCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.to.DiskTO;
import org.vrouter.commands.to.IpAddressTO;
import org.vrouter.commands.to.NicTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.hypervisor.vmware.vsphere.VmInfo;
import org.vrouter.hypervisor.vmware.vsphere.VmNic;

/** {@link VmwareRouterResource} against VMware's vCenter simulator: the router VM's life on vCenter. */
class VmwareRouterResourceTest {
    private static final AtomicInteger ROUTER_IDS = new AtomicInteger(100);
    private static VcSimulator simulator;
    private static FakeRouterSshd sshd;
    private static VmwareRouterResource resource;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = VcSimulator.start();
        sshd = FakeRouterSshd.start();
        try (SimulatorInventory inventory = SimulatorInventory.connect(simulator.sdkUrl())) {
            inventory.addPortGroups(VcSimulator.STANDALONE_HOST, RouterFixtures.PORT_GROUPS);
            inventory.addPortGroups(VcSimulator.STANDALONE_HOST, List.of("pg-guest", "pg-control", "pg-public"));
            inventory.createDisk("[" + VcSimulator.DATASTORE + "] root-7.vmdk");
        }
        resource = VmwareRouterResource.builder(RouterFixtures.settings(simulator.sdkUrl()).build(), sshd.settings()).build();
    }

    @AfterAll
    static void stopSimulator() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private static int nextRouter() {
        return ROUTER_IDS.incrementAndGet();
    }

    @Test
    void startsAPoweredOnRouterVmWithItsNicsOnCloudStackPortGroupsAndItsBootArgsInMachineId() throws Exception {
        int id = nextRouter();
        VirtualMachineTO vm = router(id).build();

        Answer answer = resource.execute(StartCommand.of(vm));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(answer.details()).contains("created");
        VmInfo info = resource.findVm(name(id)).orElseThrow();
        assertThat(info.powerState()).isEqualTo(PowerState.ON);
        assertThat(info.nics()).containsExactly(new VmNic(mac(id, 0), GUEST_PORT_GROUP), new VmNic(mac(id, 1), CONTROL_PORT_GROUP),
                new VmNic(mac(id, 2), PUBLIC_PORT_GROUP));
        assertThat(info.machineId()).contains(vm.bootArgsLine().strip());
        assertThat(info.machineId().orElseThrow()).startsWith("template=domP name=" + name(id) + " eth0ip=10.1.1.1");
        assertThat(info.cpus()).isEqualTo(1);
        assertThat(info.memoryMb()).isEqualTo(256);
        assertThat(check(id).state()).isEqualTo(PowerState.ON);
    }

    @Test
    void stopsGracefullyThroughTheGuestAndReportsThePowerStateOff() {
        int id = nextRouter();
        start(router(id).build());

        Answer answer = resource.execute(StopCommand.graceful(name(id), Duration.ofSeconds(5)));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(answer.details()).contains("shut down by the guest");
        assertThat(check(id).state()).isEqualTo(PowerState.OFF);
    }

    @Test
    void forcedStopPowersOffAndAStoppedOrMissingVmCountsAsStopped() {
        int id = nextRouter();
        start(router(id).build());

        Answer forced = resource.execute(StopCommand.forced(name(id)));
        Answer again = resource.execute(StopCommand.forced(name(id)));
        Answer missing = resource.execute(StopCommand.graceful(name(nextRouter())));

        assertThat(forced.details()).contains("powered off");
        assertThat(check(id).state()).isEqualTo(PowerState.OFF);
        assertThat(again.success()).isTrue();
        assertThat(again.details()).contains("already powered off");
        assertThat(missing.success()).isTrue();
        assertThat(missing.details()).contains("not found");
    }

    @Test
    void destroysARunningVmSoItIsReportedMissing() throws Exception {
        int id = nextRouter();
        start(router(id).build());

        Answer answer = resource.destroy(name(id));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(resource.findVm(name(id))).isEmpty();
        assertThat(check(id).state()).isEqualTo(PowerState.MISSING);
        assertThat(resource.destroy(name(id)).success()).isTrue();
    }

    @Test
    void reusesAStoppedLeftoverWithTheSameConfiguration() throws Exception {
        int id = nextRouter();
        start(router(id).build());
        resource.execute(StopCommand.forced(name(id)));

        Answer answer = resource.execute(StartCommand.of(router(id).build()));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(answer.details()).contains("reused");
        assertThat(check(id).state()).isEqualTo(PowerState.ON);
    }

    @Test
    void replacesALeftoverWhoseBootArgsDiffer() throws Exception {
        int id = nextRouter();
        start(router(id).build());
        resource.execute(StopCommand.forced(name(id)));
        VirtualMachineTO changed = router(id).bootArg("dns1", "8.8.8.8").build();

        Answer answer = resource.execute(StartCommand.of(changed));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(answer.details()).contains("re-created");
        assertThat(resource.findVm(name(id)).orElseThrow().machineId().orElseThrow()).endsWith("dns1=8.8.8.8");
    }

    @Test
    void replacesARunningLeftover() throws Exception {
        int id = nextRouter();
        start(router(id).build());

        Answer answer = resource.execute(StartCommand.of(router(id).build()));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(answer.details()).contains("re-created");
        assertThat(resource.findVm(name(id)).orElseThrow().powerState()).isEqualTo(PowerState.ON);
    }

    @Test
    void startsAgainOnTheSameVolumeAfterADestroy() {
        int id = nextRouter();
        VirtualMachineTO vm = router(id).disk(DiskTO.root(7, "root-7", 1024 * 1024)).build();
        start(vm);

        assertThat(resource.destroy(name(id)).success()).isTrue();
        Answer again = resource.execute(StartCommand.of(vm));

        assertThat(again.success()).as("the volume survived the destroy: " + again.details()).isTrue();
    }

    @Test
    void failsWithTheFaultOfAFailedTask() throws Exception {
        int id = nextRouter();
        VirtualMachineTO vm = router(id).disk(DiskTO.root(8, "no-such-volume", 1024 * 1024)).build();

        Answer answer = resource.execute(StartCommand.of(vm));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("cannot start " + name(id) + ": CreateVM_Task of " + name(id) + " failed: FileNotFound: file ", "no-such-volume");
        assertThat(resource.findVm(name(id))).isEmpty();
    }

    @Test
    void failsOnBadCredentialsWithVcentersFault() {
        int id = nextRouter();
        VmwareRouterResource intruder = VmwareRouterResource.builder(
                VmwareSettings.builder(RouterFixtures.endpoint(simulator.sdkUrl(), "wrong-password"), RouterFixtures.settings(simulator.sdkUrl())
                        .build().placement()).build(), sshd.settings()).build();

        Answer start = intruder.execute(StartCommand.of(router(id).build()));
        Answer checked = intruder.execute(new CheckVirtualMachineCommand(name(id)));

        assertThat(start.success()).isFalse();
        assertThat(start.details()).contains("login to " + simulator.sdkUrl() + " as vrouter failed: InvalidLogin: Login failure");
        assertThat(checked.success()).isFalse();
        assertThat(((CheckVirtualMachineAnswer) checked).state()).isEqualTo(PowerState.UNKNOWN);
    }

    @Test
    void failsNamingAMissingPortGroupBeforeCreatingAnything() throws Exception {
        int id = nextRouter();
        VirtualMachineTO vm = VirtualMachineTO.builder(name(id), VirtualMachine.Type.DOMAIN_ROUTER, "uuid-" + id)
                .bootArg("template", "domP")
                .nic(NicTO.builder(0, mac(id, 0), TrafficType.GUEST)
                        .broadcastUri(BroadcastUri.vlan(999)).build())
                .nic(RouterFixtures.controlNic(id))
                .build();

        Answer answer = resource.execute(StartCommand.of(vm));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("port group missing", "eth0 (Guest): cloud.guest.999.0.1-vSwitch0").doesNotContain(CONTROL_PORT_GROUP);
        assertThat(resource.findVm(name(id))).isEmpty();
    }

    @Test
    void namesPortGroupsAsConfigured() throws Exception {
        int id = nextRouter();
        VmwareRouterResource custom = VmwareRouterResource.builder(RouterFixtures.settings(simulator.sdkUrl())
                .portGroups(nic -> "pg-" + nic.trafficType().wireName().toLowerCase(java.util.Locale.ROOT)).build(), sshd.settings()).build();

        Answer answer = custom.execute(StartCommand.of(router(id).build()));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(custom.findVm(name(id)).orElseThrow().nics()).extracting(VmNic::portGroup).containsExactly("pg-guest", "pg-control", "pg-public");
    }

    @Test
    void checksSshByConnectingToTheControlAddress() {
        Answer reachable = resource.execute(CheckSshCommand.of("r-1-VM", RouterFixtures.ip("127.0.0.1")));
        Answer unreachable = resource.execute(CheckSshCommand.of("r-1-VM", RouterFixtures.ip("127.0.0.2")));

        assertThat(reachable.success()).as(reachable.details()).isTrue();
        assertThat(unreachable.success()).isFalse();
        assertThat(unreachable.details()).contains("127.0.0.2:" + sshd.port());
    }

    @Test
    void runsAnIpAssociationOverSshOnTheControlAddressWithTheDeviceOfTheAddressMac() {
        int id = nextRouter();
        start(router(id).build());
        IpAddressTO address = IpAddressTO.builder(RouterFixtures.ip("203.0.113.20"), TrafficType.PUBLIC)
                .vlan(BroadcastUri.vlan(100), RouterFixtures.ip("203.0.113.1"), Netmask.parse("netmask", "255.255.255.0"))
                .vifMacAddress(mac(id, 2))
                .build();

        Answer answer = resource.execute(new IpAssocCommand(details(id), List.of(address)));

        assertThat(answer.success()).as(answer.details()).isTrue();
        String file = sshd.files().entrySet().stream().filter(entry -> entry.getValue().contains("203.0.113.20")).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
        assertThat(file).startsWith("/var/cache/cloud/ip_associations.json.");
        assertThat(sshd.files().get(file)).contains("\"nic_dev_id\":2");
        assertThat(sshd.commandLines()).contains("/opt/cloud/bin/update_config.py " + file.substring("/var/cache/cloud/".length()));
    }

    @Test
    void refusesAnAddressOnAVlanTheRouterHasNoNicOn() {
        int id = nextRouter();
        start(router(id).build());
        IpAddressTO address = IpAddressTO.builder(RouterFixtures.ip("198.51.100.20"), TrafficType.PUBLIC)
                .vlan(BroadcastUri.vlan(300), RouterFixtures.ip("198.51.100.1"), Netmask.parse("netmask", "255.255.255.0"))
                .vifMacAddress(mac(id, 9))
                .build();

        Answer answer = resource.execute(new IpAssocCommand(details(id), List.of(address)));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("ip_address[0].nic_dev_id");
    }

    @Test
    void findsTheNicsOfARouterStartedBeforeItWasMadeInVcenter() {
        int id = nextRouter();
        start(router(id).build());
        VmwareRouterResource restarted = VmwareRouterResource.builder(RouterFixtures.settings(simulator.sdkUrl()).build(), sshd.settings()).build();
        IpAddressTO address = IpAddressTO.builder(RouterFixtures.ip("203.0.113.21"), TrafficType.PUBLIC)
                .vlan(BroadcastUri.vlan(100), RouterFixtures.ip("203.0.113.1"), Netmask.parse("netmask", "255.255.255.0"))
                .vifMacAddress(mac(id, 2))
                .build();

        Answer answer = restarted.execute(new IpAssocCommand(details(id), List.of(address)));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(sshd.files().values()).anyMatch(json -> json.contains("203.0.113.21") && json.contains("\"nic_dev_id\":2"));
    }

    @Test
    void failsAnIpAssociationForARouterVcenterDoesNotKnow() {
        IpAddressTO address = IpAddressTO.builder(RouterFixtures.ip("203.0.113.20"), TrafficType.PUBLIC).vifMacAddress(mac(1, 2)).build();
        int id = nextRouter();

        Answer answer = resource.execute(new IpAssocCommand(details(id), List.of(address)));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("cannot find the NICs of router " + name(id) + ": no VM " + name(id));
    }

    private static AccessDetails details(int id) {
        return AccessDetails.builder().routerName(name(id)).routerIp(RouterFixtures.ip("127.0.0.1")).build();
    }

    private static void start(VirtualMachineTO vm) {
        Answer answer = resource.execute(StartCommand.of(vm));
        assertThat(answer.success()).as(answer.details()).isTrue();
    }

    private static CheckVirtualMachineAnswer check(int id) {
        return (CheckVirtualMachineAnswer) resource.execute(new CheckVirtualMachineCommand(name(id)));
    }
}
