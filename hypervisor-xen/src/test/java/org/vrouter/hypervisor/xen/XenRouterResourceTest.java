package org.vrouter.hypervisor.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.vrouter.api.bootargs.BootArgs;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vm.PowerState;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineAnswer;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.StartAnswer;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.IpAssocCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.to.IpAddressTO;
import org.vrouter.core.channel.HostKeyPolicy;
import org.vrouter.core.channel.SshSettings;
import org.vrouter.hypervisor.xen.vm.BootArgsDelivery;
import org.vrouter.hypervisor.xen.xapi.XapiTestServer;

/**
 * {@link XenRouterResource} against the in-process XenAPI server: what a start, stop and check do
 * to the host, and how XenAPI failures, a lost session and bounded waits show in the answers.
 */
class XenRouterResourceTest {
    private static final String ROUTER = "r-7-VM";

    private XenTestbed testbed;
    private XapiTestServer server;
    private XenRouterResource resource;

    @BeforeEach
    void start() throws Exception {
        testbed = XenTestbed.start();
        server = testbed.server;
        resource = testbed.resource();
    }

    @AfterEach
    void close() {
        testbed.close();
    }

    @Test
    void startsTheRouterFromTheTemplateRecordWithItsSizing() {
        assertThat(resource.execute(StartCommand.of(testbed.router(ROUTER))).success()).isTrue();

        Map<String, Object> vm = server.vm(ROUTER).orElseThrow();
        assertThat(vm).containsEntry("power_state", "Running")
                .containsEntry("is_a_template", false)
                .containsEntry("memory_static_max", Long.toString(512L << 20))
                .containsEntry("memory_dynamic_min", Long.toString(512L << 20))
                .containsEntry("VCPUs_max", "2")
                .containsEntry("VCPUs_at_startup", "2")
                .containsEntry("actions_after_shutdown", "destroy")
                .containsEntry("actions_after_crash", "destroy")
                .containsEntry("PV_bootloader", "pygrub");
        assertThat(vm.get("affinity")).isEqualTo(vm.get("resident_on"));
        assertThat(otherConfig(vm)).containsEntry("vm_uuid", testbed.router(ROUTER).uuid())
                .doesNotContainKeys("default_template", "disks", "mac_seed");
        assertThat(server.calls()).contains("VM.create", "Async.VM.start_on").doesNotContain("VM.clone");
    }

    @Test
    void deliversTheBootArgumentsInPvArgsAndXenstore() {
        resource.execute(StartCommand.of(testbed.router(ROUTER)));

        Map<String, Object> vm = server.vm(ROUTER).orElseThrow();
        String line = testbed.router(ROUTER).bootArgsLine();
        assertThat(vm.get("PV_args")).isEqualTo(line.replace(' ', '%')).asString().doesNotContain(" ").startsWith("%template=domP%name=" + ROUTER);
        assertThat(BootArgs.parsePvArgs((String) vm.get("PV_args"))).isEqualTo(BootArgs.parse(line));
        assertThat(vm.get("xenstore_data")).isEqualTo(Map.of(BootArgsDelivery.XENSTORE_KEY, line));
    }

    @Test
    void plugsOneVifPerNicInDeviceOrderOnTheRightNetworks() {
        resource.execute(StartCommand.of(testbed.router(ROUTER)));

        List<Map<String, Object>> vifs = server.vifs(ROUTER);
        assertThat(vifs).extracting(vif -> vif.get("device")).containsExactly("0", "1", "2");
        assertThat(vifs).extracting(vif -> vif.get("MAC")).containsExactly("02:00:4c:00:00:01", "0e:00:a9:fe:03:07", "06:00:cb:00:71:0a");
        String physicalUuid = (String) server.records("network").stream()
                .filter(network -> network.get("name_label").equals(XapiTestServer.PHYSICAL_NETWORK)).findFirst().orElseThrow().get("uuid");
        assertThat(vifs).extracting(vif -> vif.get("network_name"))
                .containsExactly("VLAN-" + physicalUuid + "-100", XapiTestServer.LINK_LOCAL_NETWORK, XapiTestServer.PHYSICAL_NETWORK);
        assertThat(vifs.get(2)).containsEntry("qos_algorithm_type", "ratelimit").containsEntry("qos_algorithm_params", Map.of("kbps", "25600"));
        assertThat(vifs.get(0)).containsEntry("qos_algorithm_type", "").containsEntry("currently_attached", true);
        assertThat(server.records("VLAN")).singleElement().satisfies(vlan -> assertThat(vlan).containsEntry("tag", "100"));
    }

    @Test
    void reusesTheVlanNetworkAnotherRouterCreated() {
        resource.execute(StartCommand.of(testbed.router(ROUTER)));
        resource.execute(StartCommand.of(testbed.router("r-8-VM")));

        assertThat(server.records("VLAN")).hasSize(1);
        assertThat(server.vifs("r-8-VM").get(0).get("network")).isEqualTo(server.vifs(ROUTER).get(0).get("network"));
    }

    @Test
    void attachesTheRootVolumeWithoutCopyingIt() {
        resource.execute(StartCommand.of(testbed.router(ROUTER)));

        assertThat(server.records("VBD")).singleElement().satisfies(vbd -> assertThat(vbd)
                .containsEntry("userdevice", "0").containsEntry("bootable", true).containsEntry("mode", "RW").containsEntry("type", "Disk"));
        assertThat(server.records("VDI")).hasSize(1);
    }

    @Test
    void checkReportsThePowerStateAndMissingForAnUnknownVm() {
        assertThat(check(ROUTER)).isEqualTo(PowerState.MISSING);
        resource.execute(StartCommand.of(testbed.router(ROUTER)));
        assertThat(check(ROUTER)).isEqualTo(PowerState.ON);
        server.addVm("r-9-VM", "Halted");
        assertThat(check("r-9-VM")).isEqualTo(PowerState.OFF);
    }

    @Test
    void stopShutsDownCleanlyAndDestroysTheVmWithItsDevicesButNotItsDisk() {
        resource.execute(StartCommand.of(testbed.router(ROUTER)));

        Answer answer = resource.execute(StopCommand.graceful(ROUTER));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(server.vmCount(ROUTER)).isZero();
        assertThat(server.records("VIF")).isEmpty();
        assertThat(server.records("VBD")).isEmpty();
        assertThat(server.records("VDI")).extracting(vdi -> vdi.get("uuid")).containsExactly(server.rootVolumeUuid());
        assertThat(server.records("VM")).singleElement().satisfies(template -> assertThat(template).containsEntry("is_a_template", true));
        assertThat(server.calls()).contains("Async.VM.clean_shutdown", "VBD.destroy", "VIF.destroy", "VM.destroy").doesNotContain("VM.hard_shutdown");
        assertThat(check(ROUTER)).isEqualTo(PowerState.MISSING);
    }

    @Test
    void stopShutsDownHardWhenTheGuestIgnoresTheCleanShutdown() {
        resource.execute(StartCommand.of(testbed.router(ROUTER)));
        server.ignoreCleanShutdown(ROUTER);

        long begin = System.nanoTime();
        Answer answer = resource.execute(StopCommand.graceful(ROUTER, Duration.ofMillis(200)));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.calls()).containsSubsequence("Async.VM.clean_shutdown", "task.cancel", "VM.hard_shutdown", "VM.destroy");
        assertThat(server.vmCount(ROUTER)).isZero();
    }

    @Test
    void forcedStopShutsDownHardAtOnce() {
        resource.execute(StartCommand.of(testbed.router(ROUTER)));

        assertThat(resource.execute(StopCommand.forced(ROUTER)).success()).isTrue();

        assertThat(server.calls()).contains("VM.hard_shutdown").doesNotContain("Async.VM.clean_shutdown");
        assertThat(server.vmCount(ROUTER)).isZero();
    }

    @Test
    void stoppingAVmTheHostDoesNotKnowCountsAsStopped() {
        Answer answer = resource.execute(StopCommand.forced(ROUTER));

        assertThat(answer.success()).isTrue();
        assertThat(answer.details()).contains("not found");
    }

    @Test
    void missingTemplateFailsTheStartNamingTheTemplateAndLeavesNothing() {
        XenRouterResource withoutTemplate = testbed.resource(testbed.settings().build().withTemplate("no such template"));

        Answer answer = withoutTemplate.execute(StartCommand.of(testbed.router(ROUTER)));

        assertThat(answer).isInstanceOf(StartAnswer.class);
        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("start of " + ROUTER, "no template 'no such template'");
        assertThat(server.vmCount(ROUTER)).isZero();
    }

    @Test
    void aStartRacingAnotherClientFailsWithTheBadPowerStateAndCleansUp() {
        server.startBehindTheClientsBack(ROUTER, "VM.set_xenstore_data");

        Answer answer = resource.execute(StartCommand.of(testbed.router(ROUTER)));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("Async.VM.start_on: VM_BAD_POWER_STATE [OpaqueRef:", ", halted, running]");
        assertThat(server.vmCount(ROUTER)).isZero();
        assertThat(server.records("VIF")).isEmpty();
    }

    @Test
    void startingARouterThatRunsAlreadyFailsNamingItsHost() {
        server.addVm(ROUTER, "Running");

        Answer answer = resource.execute(StartCommand.of(testbed.router(ROUTER)));

        assertThat(answer.success()).isFalse();
        assertThat(((StartAnswer) answer).hostGuid()).contains(hostUuid());
        assertThat(server.vmCount(ROUTER)).isOne();
    }

    @Test
    void aHaltedLeftoverIsDestroyedBeforeTheStart() {
        server.addVm(ROUTER, "Halted");

        assertThat(resource.execute(StartCommand.of(testbed.router(ROUTER))).success()).isTrue();

        assertThat(server.vmCount(ROUTER)).isOne();
        assertThat(server.vm(ROUTER).orElseThrow()).containsEntry("power_state", "Running");
    }

    @Test
    void theStartWaitIsBoundedAndAStuckVmIsDestroyed() {
        XenRouterResource quick = testbed.resource(testbed.settings().startTimeout(Duration.ofMillis(300)).build());
        server.hangStart(ROUTER);

        long begin = System.nanoTime();
        Answer answer = quick.execute(StartCommand.of(testbed.router(ROUTER)));

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("Async.VM.start_on: TIMEOUT");
        assertThat(server.calls()).contains("task.cancel", "task.destroy");
        assertThat(server.vmCount(ROUTER)).isZero();
    }

    @Test
    void aLostSessionIsRenewedOnceAndTheCallRepeated() {
        resource.execute(StartCommand.of(testbed.router(ROUTER)));
        server.invalidateSessions();

        assertThat(check(ROUTER)).isEqualTo(PowerState.ON);

        assertThat(server.calls().stream().filter(call -> call.equals("session.login_with_password"))).hasSize(2);
        assertThat(server.openSessions()).isOne();
    }

    @Test
    void aWrongPasswordFailsNamingTheLogin() {
        XenRouterResource intruder = testbed.resource(testbed.settings().build().withPassword(Secret.of("wrong")));

        Answer answer = intruder.execute(new CheckVirtualMachineCommand(ROUTER));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("session.login_with_password: SESSION_AUTHENTICATION_FAILED");
    }

    @Test
    void checkSshAsksTheHostWhetherTheRouterAnswersOnItsControlAddress() {
        resource.execute(StartCommand.of(testbed.router(ROUTER)));

        assertThat(resource.execute(CheckSshCommand.of(ROUTER, XenTestbed.CONTROL_IP)).success()).isTrue();
        Answer elsewhere = resource.execute(CheckSshCommand.of(ROUTER, IpAddress.parse("169.254.9.9")));
        assertThat(elsewhere.success()).isFalse();
        assertThat(elsewhere.details()).contains("169.254.9.9:3922", "127.0.0.1");
        assertThat(server.calls()).contains("host.call_plugin");
    }

    @Test
    void aNicOnABroadcastSchemeXenServerCannotCarryFailsTheStartAndLeavesNothing() {
        Answer answer = resource.execute(StartCommand.of(testbed.router(ROUTER, new BroadcastUri("vxlan", "5000"))));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("eth0", "vxlan://5000", "not supported");
        assertThat(server.vmCount(ROUTER)).isZero();
    }

    @Test
    void anIpAssociationGetsTheDeviceNumberOfTheRouterNicEvenFromAResourceThatDidNotStartIt() {
        resource.execute(StartCommand.of(testbed.router(ROUTER)));
        XenRouterResource restarted = testbed.resource();

        Answer answer = restarted.execute(new IpAssocCommand(accessDetails(), List.of(publicIp(MacAddress.parse("06:00:cb:00:71:0a")))));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(testbed.channels.files(ROUTER)).singleElement().asString().containsPattern("\"nic_dev_id\"\\s*:\\s*2\\b");
        assertThat(testbed.channels.commandLines(ROUTER)).singleElement().asString().startsWith("/opt/cloud/bin/update_config.py ip_associations.json");
    }

    @Test
    void anIpAssociationOnAVlanTheRouterHasNoNicOnFailsNamingTheField() {
        resource.execute(StartCommand.of(testbed.router(ROUTER)));
        IpAddressTO elsewhere = IpAddressTO.builder(IpAddress.parse("198.51.100.7"), TrafficType.PUBLIC)
                .add(true).vlan(BroadcastUri.vlan(300), IpAddress.parse("198.51.100.1"), Netmask.parse("255.255.255.0"))
                .vifMacAddress(MacAddress.parse("1e:00:00:00:03:00")).build();

        Answer answer = resource.execute(new IpAssocCommand(accessDetails(), List.of(elsewhere)));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("ip_address[0].nic_dev_id", "198.51.100.7", "vlan://300");
        assertThat(testbed.channels.sent()).isEmpty();
    }

    @Test
    void settingsNeverShowThePassword() {
        assertThat(testbed.settings().build().toString()).doesNotContain(XapiTestServer.PASSWORD).contains(server.url().toString());
    }

    @Test
    void aCommandItDoesNotHandleFailsNamingIt() {
        Command unknown = new Command() {};

        Answer answer = resource.execute(unknown);

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("does not handle");
    }

    @Test
    void routerSshMustGoThroughTheHost() {
        SshSettings direct = SshSettings.builder(XenTestbed.routerSsh().identity(), HostKeyPolicy.insecureAcceptAnyHostKey()).build();

        assertThatThrownBy(() -> XenSettings.builder(server.url(), "root", Secret.of("x"), "t", direct).build())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("router_ssh.jump_host");
    }

    private static AccessDetails accessDetails() {
        return AccessDetails.builder().routerName(ROUTER).routerIp(XenTestbed.CONTROL_IP).build();
    }

    private static IpAddressTO publicIp(MacAddress routerMac) {
        return IpAddressTO.builder(IpAddress.parse("203.0.113.40"), TrafficType.PUBLIC)
                .add(true).vlan(new BroadcastUri("vlan", "untagged"), IpAddress.parse("203.0.113.1"), Netmask.parse("255.255.255.0"))
                .vifMacAddress(routerMac).build();
    }

    private PowerState check(String name) {
        return ((CheckVirtualMachineAnswer) resource.execute(new CheckVirtualMachineCommand(name))).state();
    }

    private String hostUuid() {
        return (String) server.records("host").get(0).get("uuid");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> otherConfig(Map<String, Object> vm) {
        return (Map<String, Object>) vm.get("other_config");
    }
}
