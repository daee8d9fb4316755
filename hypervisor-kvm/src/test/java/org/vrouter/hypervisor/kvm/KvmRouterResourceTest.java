package org.vrouter.hypervisor.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.api.command.Answer;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.TrafficType;
import org.vrouter.api.vm.PowerState;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineAnswer;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.IpAssocCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.to.IpAddressTO;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.hypervisor.kvm.bootargs.ConfigDriveBootArgs;
import org.vrouter.hypervisor.kvm.bootargs.GuestAgentBootArgs;
import org.vrouter.hypervisor.kvm.libvirt.DomainState;
import org.vrouter.hypervisor.kvm.libvirt.LibvirtConnection;

/** {@link KvmRouterResource} against libvirt's real test driver ({@code test:///default}). */
class KvmRouterResourceTest {
    private LibvirtTestDriver driver;
    private LibvirtConnection libvirt;
    private final ObservingBootArgs bootArgs = new ObservingBootArgs();
    private final RecordingChannels channels = new RecordingChannels();
    private KvmRouterResource kvm;

    @BeforeEach
    void connect() {
        driver = LibvirtTestDriver.open();
        libvirt = driver.connection();
        kvm = resource(false);
    }

    private KvmRouterResource resource(boolean persistent) {
        return KvmRouterResource.builder(libvirt, channels).bootArgs(bootArgs).persistentDomains(persistent)
                .stopTimeout(Duration.ofSeconds(5), Duration.ofMillis(50)).sshProbes(2, Duration.ZERO).build();
    }

    @AfterEach
    void cleanUp() {
        driver.close();
    }

    private PowerState check(String name) {
        return ((CheckVirtualMachineAnswer) kvm.execute(new CheckVirtualMachineCommand(name))).state();
    }

    @Test
    void startsATransientDomainWithTheVmsNicsAndDeliversTheBootArgs() {
        String name = driver.name();
        VirtualMachineTO vm = RouterVms.router(name);

        Answer answer = kvm.execute(StartCommand.of(vm));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(libvirt.domainNames()).contains(name);
        assertThat(libvirt.state(name)).contains(DomainState.RUNNING);
        assertThat(libvirt.isPersistent(name)).isFalse();
        assertThat(check(name)).isEqualTo(PowerState.ON);
        String xml = libvirt.xml(name);
        assertThat(xml).containsSubsequence(RouterVms.GUEST_MAC, RouterVms.CONTROL_MAC, RouterVms.PUBLIC_MAC)
                .contains("<source bridge='cloud0'/>", "<source bridge='brcloudbr0-100'/>", "name='org.qemu.guest_agent.0'");
        assertThat(bootArgs.deliveredTo(name)).isEqualTo(vm.bootArgsLine()).contains("type=router", "name=" + name);
    }

    @Test
    void stopsGracefullyAndTheTransientDomainIsGone() {
        String name = driver.name();
        kvm.execute(StartCommand.of(RouterVms.router(name)));

        Answer stopped = kvm.execute(StopCommand.graceful(name));

        assertThat(stopped.success()).as(stopped.details()).isTrue();
        assertThat(libvirt.domainNames()).doesNotContain(name);
        assertThat(check(name)).isEqualTo(PowerState.MISSING);
        assertThat(bootArgs.released()).contains(name);
    }

    @Test
    void restartsAfterAStopAndDestroysOnAForcedStop() {
        String name = driver.name();
        kvm.execute(StartCommand.of(RouterVms.router(name)));
        kvm.execute(StopCommand.graceful(name));

        Answer restarted = kvm.execute(StartCommand.of(RouterVms.router(name)));
        assertThat(restarted.success()).as(restarted.details()).isTrue();
        assertThat(check(name)).isEqualTo(PowerState.ON);

        Answer destroyed = kvm.execute(StopCommand.forced(name));
        assertThat(destroyed.success()).as(destroyed.details()).isTrue();
        assertThat(check(name)).isEqualTo(PowerState.MISSING);
    }

    @Test
    void persistentDomainsStayDefinedAndReportOffWhenStopped() {
        KvmRouterResource persistent = resource(true);
        String name = driver.name();

        assertThat(persistent.execute(StartCommand.of(RouterVms.router(name))).success()).isTrue();
        assertThat(libvirt.isPersistent(name)).isTrue();
        assertThat(persistent.execute(StopCommand.graceful(name)).success()).isTrue();

        assertThat(libvirt.state(name)).contains(DomainState.SHUT_OFF);
        assertThat(((CheckVirtualMachineAnswer) persistent.execute(new CheckVirtualMachineCommand(name))).state()).isEqualTo(PowerState.OFF);
        assertThat(persistent.execute(StartCommand.of(RouterVms.router(name))).success()).isTrue();
        assertThat(libvirt.state(name)).contains(DomainState.RUNNING);
    }

    @Test
    void removesAStaleDomainOfTheSameNameFirst() {
        String name = driver.name();
        VirtualMachineTO stale = RouterVms.builder(name, "11111111-2222-3333-4444-555555555555").ramBytes(64L << 20, 64L << 20).build();
        resource(true).execute(StartCommand.of(stale));
        assertThat(libvirt.isPersistent(name)).isTrue();

        Answer answer = kvm.execute(StartCommand.of(RouterVms.router(name)));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(libvirt.isPersistent(name)).isFalse();
        assertThat(libvirt.xml(name)).contains("5b7e3c2a-1f0d-4c8e-9a61-0d2f4e6a8b10").doesNotContain("11111111-2222");
    }

    @Test
    void aDomainLibvirtRefusesIsAFailedStartNamingTheOperationAndDomain() {
        String first = driver.name();
        String second = driver.name();
        kvm.execute(StartCommand.of(RouterVms.router(first)));

        // the same UUID under another name: libvirt refuses the definition
        Answer answer = kvm.execute(StartCommand.of(RouterVms.router(second)));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("libvirt domainCreateXML of domain " + second + " failed", "5b7e3c2a-1f0d-4c8e-9a61-0d2f4e6a8b10");
        assertThat(check(second)).isEqualTo(PowerState.MISSING);
        assertThat(check(first)).isEqualTo(PowerState.ON);
    }

    @Test
    void aFailedBootArgsDeliveryDestroysTheDomain() {
        String name = driver.name();
        bootArgs.failWith("no agent");

        Answer answer = kvm.execute(StartCommand.of(RouterVms.router(name)));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("start of domain " + name, "no agent");
        assertThat(check(name)).isEqualTo(PowerState.MISSING);
    }

    @Test
    void theGuestAgentOfTheTestDriverIsMissingSoTheStartFailsWithLibvirtsMessage() {
        KvmRouterResource withAgent = KvmRouterResource.builder(libvirt, channels)
                .bootArgs(new GuestAgentBootArgs(libvirt::agentCommand, 2, Duration.ZERO, 1)).build();
        String name = driver.name();

        Answer answer = withAgent.execute(StartCommand.of(RouterVms.router(name)));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("libvirt qemuAgentCommand of domain " + name + " failed", "after 2 rounds");
        assertThat(check(name)).isEqualTo(PowerState.MISSING);
    }

    @Test
    void attachesTheConfigDriveWhenConfiguredAndDeletesItAfterTheStop(@TempDir Path isos) {
        ConfigDriveBootArgs.IsoTool tool = ConfigDriveBootArgs.IsoTool.installed().orElse(null);
        if (tool == null) {
            SystemTools.missing("the config drive needs xorriso or genisoimage");
        }
        ConfigDriveBootArgs drive = new ConfigDriveBootArgs(isos, tool);
        KvmRouterResource withDrive = KvmRouterResource.builder(libvirt, channels).bootArgs(drive).build();
        String name = driver.name();

        Answer answer = withDrive.execute(StartCommand.of(RouterVms.router(name)));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(libvirt.xml(name)).contains("device='cdrom'", "<source file='" + drive.imageOf(name) + "'", "<readonly/>");
        assertThat(drive.imageOf(name)).exists();
        assertThat(withDrive.execute(StopCommand.forced(name)).success()).isTrue();
        assertThat(drive.imageOf(name)).doesNotExist();
    }

    @Test
    void stoppingOrCheckingAMissingDomainIsNotAnError() {
        String name = driver.name();

        assertThat(kvm.execute(StopCommand.forced(name)).success()).isTrue();
        assertThat(check(name)).isEqualTo(PowerState.MISSING);
    }

    @Test
    void fillsNicDevIdFromTheRoutersNicsBeforeTheRouterGetsTheAddress() {
        String name = driver.name();
        kvm.execute(StartCommand.of(RouterVms.router(name)));
        IpAddressTO onThePublicNic = IpAddressTO.builder(IpAddress.parse("203.0.113.11"), TrafficType.PUBLIC)
                .vlan(new BroadcastUri("vlan", "untagged"), IpAddress.parse("203.0.113.1"), Netmask.parse("netmask", "255.255.255.0"))
                .vifMacAddress(MacAddress.parse("mac", RouterVms.PUBLIC_MAC))
                .build();

        Answer answer = kvm.execute(new IpAssocCommand(details(name), List.of(onThePublicNic)));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(channels.uploads()).anySatisfy(upload -> assertThat(upload).contains("\"nic_dev_id\":2").contains("\"new_nic\":false"));
    }

    @Test
    void hotPlugsANicForAnAddressOnANewVlanThroughLibvirt() {
        String name = driver.name();
        kvm.execute(StartCommand.of(RouterVms.router(name)));
        IpAddressTO onNewVlan = IpAddressTO.builder(IpAddress.parse("198.51.100.20"), TrafficType.PUBLIC)
                .vlan(BroadcastUri.vlan(200), IpAddress.parse("198.51.100.1"), Netmask.parse("netmask", "255.255.255.0"))
                .vifMacAddress(MacAddress.parse("mac", "06:00:00:00:02:00"))
                .build();

        Answer answer = kvm.execute(new IpAssocCommand(details(name), List.of(onNewVlan)));

        // libvirt's test driver has no virDomainAttachDevice: the plug reaches libvirt and its refusal is the answer
        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains("libvirt attachDevice of domain " + name + " failed", "VIR_ERR_NO_SUPPORT");
        assertThat(channels.uploads()).isEmpty();
    }

    private static AccessDetails details(String router) {
        return AccessDetails.builder().routerName(router).routerIp(IpAddress.parse("169.254.1.5")).build();
    }

    @Test
    void checksSshThroughTheChannels() {
        Answer answer = kvm.execute(CheckSshCommand.of("r-1-VM", IpAddress.parse("169.254.1.5")));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(channels.commandLines()).contains("true");
    }
}
