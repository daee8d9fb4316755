package org.vrouter.hypervisor.kvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vrouter.api.command.Answer;
import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.AccessDetails;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.GetDomRVersionAnswer;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.core.channel.HostKeyPolicy;
import org.vrouter.core.channel.JumpHost;
import org.vrouter.core.channel.SshRouterChannel;
import org.vrouter.core.channel.SshSettings;
import org.vrouter.core.testsupport.ssh.FakeRouterSshServer;
import org.vrouter.core.testsupport.ssh.ReplyCommand;
import org.vrouter.core.testsupport.ssh.TestKeys;

/**
 * Routing commands of a {@link KvmRouterResource} over real SSH: core's {@link SshRouterChannel} to
 * the router's control address, tunnelled through the KVM host as jump host, both in-process MINA
 * sshd servers on loopback.
 */
class KvmRouterSshTest {
    private static final String ROUTER = "r-21-VM";
    private static final IpAddress LOOPBACK = IpAddress.parse("127.0.0.1");

    private LibvirtTestDriver driver;
    private FakeRouterSshServer router;
    private FakeRouterSshServer kvmHost;
    private KvmRouterResource kvm;

    @BeforeEach
    void start() throws Exception {
        driver = LibvirtTestDriver.open();
        TestKeys.ClientKey key = TestKeys.clientKey();
        router = FakeRouterSshServer.start(key.publicKey(), false, line -> line.equals("/opt/cloud/bin/get_template_version.sh")
                ? new ReplyCommand(0, "Cloudstack Release 4.19.0&vrouter-kvm\n")
                : ReplyCommand.success());
        // the KVM host lets root tunnel through it and runs nothing
        kvmHost = FakeRouterSshServer.start(key.publicKey(), true, line -> new ReplyCommand(127, ""));
        SshSettings ssh = KvmRouterResource.sshSettings(
                SshSettings.builder(key.identity(), HostKeyPolicy.pinned(router.hostKeyLine())).port(router.port()).connectTimeout(Duration.ofSeconds(20)),
                Optional.of(new JumpHost("127.0.0.1", kvmHost.port(), "root", key.identity(), HostKeyPolicy.pinned(kvmHost.hostKeyLine()))));
        kvm = KvmRouterResource.builder(driver.connection(), SshRouterChannel.factory(ssh)).sshProbes(2, Duration.ZERO).build();
    }

    @AfterEach
    void stop() throws Exception {
        router.close();
        kvmHost.close();
        driver.close();
    }

    @Test
    void runsARouterCommandThroughTheKvmHost() {
        AccessDetails details = AccessDetails.builder().routerName(ROUTER).routerIp(LOOPBACK).build();

        Answer answer = kvm.execute(new GetDomRVersionCommand(details));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(((GetDomRVersionAnswer) answer).templateVersion()).hasValue("Cloudstack Release 4.19.0");
        assertThat(router.commandLines()).containsExactly("/opt/cloud/bin/get_template_version.sh");
        assertThat(kvmHost.sessionsOpened()).isEqualTo(1);
        assertThat(kvmHost.commandLines()).as("the KVM host only tunnels").isEmpty();
    }

    @Test
    void checkSshReachesTheRouterThroughTheKvmHost() {
        Answer answer = kvm.execute(CheckSshCommand.of(ROUTER, LOOPBACK));

        assertThat(answer.success()).as(answer.details()).isTrue();
        assertThat(router.commandLines()).containsExactly("true");
    }

    @Test
    void anUnreachableRouterFailsCheckSsh() throws Exception {
        router.close();

        Answer answer = kvm.execute(CheckSshCommand.of(ROUTER, LOOPBACK));

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).contains(ROUTER, "after 2 attempts");
    }
}
