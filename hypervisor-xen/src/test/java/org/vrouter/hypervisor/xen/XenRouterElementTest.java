package org.vrouter.hypervisor.xen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.vrouter.api.bootargs.BootArgs;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterState;
import org.vrouter.commands.StartCommand;
import org.vrouter.hypervisor.xen.xapi.XapiTestServer;
import org.vrouter.testkit.embedding.ManagementSide;
import org.vrouter.testkit.fixture.TestCloud;
import org.vrouter.testkit.fixture.TestNetwork;

/**
 * The whole management side (testkit's {@link ManagementSide}: element, router manager, guru,
 * agent manager) with a {@link XenRouterResource} registered for the cloud's XenServer host, over
 * the XenAPI test server: implementing an isolated network creates and starts the router VM there,
 * waits for it through the host's {@code pingdomr}, and sends its configuration batch through the
 * router channel; destroying the router destroys the VM.
 */
class XenRouterElementTest {
    private final TestCloud cloud = TestCloud.advanced(HypervisorType.XENSERVER);
    private XenTestbed testbed;
    private XapiTestServer server;
    private ManagementSide side;

    @BeforeEach
    void start() throws Exception {
        testbed = XenTestbed.start();
        server = testbed.server;
        side = new ManagementSide(cloud, testbed.resource());
    }

    @AfterEach
    void close() {
        side.close();
        testbed.close();
    }

    @Test
    void implementingANetworkStartsItsRouterOnTheXenHostAndConfiguresIt() {
        TestNetwork net = cloud.isolatedNetwork();

        side.element().implement(net.network(), net.network().offering(), cloud.destination());

        DomainRouter router = side.router(net);
        assertThat(router.state()).isEqualTo(RouterState.RUNNING);
        Map<String, Object> vm = server.vm(router.instanceName()).orElseThrow();
        assertThat(vm).containsEntry("power_state", "Running");
        StartCommand start = side.agents().commandsOfType(StartCommand.class).get(0);
        assertThat(BootArgs.parsePvArgs((String) vm.get("PV_args"))).isEqualTo(start.vm().bootArgs());
        List<Map<String, Object>> vifs = server.vifs(router.instanceName());
        assertThat(vifs).extracting(vif -> vif.get("device")).containsExactlyElementsOf(
                start.vm().nics().stream().map(nic -> Integer.toString(nic.deviceId())).toList());
        assertThat(vifs).extracting(vif -> vif.get("network_name")).contains(XapiTestServer.LINK_LOCAL_NETWORK);
        assertThat(server.calls()).contains("host.call_plugin");

        assertThat(testbed.channels.commandLines(router.instanceName())).anyMatch(line -> line.contains("/opt/cloud/bin/vr_cfg.sh -c"));
        assertThat(testbed.channels.sent()).allMatch(sent -> sent.router().controlIp().value().startsWith("169.254."));
        Pattern publicNic = Pattern.compile("\"nic_dev_id\"\\s*:\\s*\"?2\"?");
        assertThat(testbed.channels.files(router.instanceName())).anyMatch(file -> publicNic.matcher(file).find());
    }

    @Test
    void destroyingTheRouterDestroysItsVm() {
        TestNetwork net = cloud.isolatedNetwork();
        side.element().implement(net.network(), net.network().offering(), cloud.destination());
        DomainRouter router = side.router(net);

        side.manager().destroy(router.id());

        assertThat(server.vmCount(router.instanceName())).isZero();
        assertThat(server.records("VIF")).isEmpty();
        assertThat(server.records("VBD")).isEmpty();
    }
}
