package org.vrouter.router.vpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.router.converge.ConvergeRequest;
import org.vrouter.router.converge.ConvergeResult;
import org.vrouter.router.converge.OrderedConverger;
import org.vrouter.router.converge.RouterConvergers;
import org.vrouter.router.converge.ServiceDrift;
import org.vrouter.router.converge.ServiceOutcome;
import org.vrouter.router.converge.ServiceRendering;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.golden.Golden;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.ScriptedHost;
import org.vrouter.router.service.DirectServiceManager;

/** The firewall service of a VPC router in the assembled converger, over a scripted machine. */
class VpcFirewallServiceTest {
    @TempDir
    Path root;

    private ScriptedHost host;

    private OrderedConverger converger() {
        return RouterConvergers.standard(host, new DirectServiceManager(host), Clock.systemUTC());
    }

    private static ConvergeRequest update(Databags bags, BagKey... keys) {
        Set<BagKey> changed = EnumSet.noneOf(BagKey.class);
        changed.addAll(List.of(keys));
        return new ConvergeRequest(bags, changed);
    }

    @Test
    void aNetworkAclAloneConvergesTheFirewallWithOneRestore() throws Exception {
        host = new ScriptedHost(root);
        Databags bags = VpcFirewallCases.bags("two-tiers");

        ConvergeResult result = converger().converge(update(bags, BagKey.NETWORK_ACL));

        assertThat(result.services()).extracting(ServiceOutcome::service, ServiceOutcome::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("firewall", ServiceOutcome.Status.APPLIED));
        assertThat(host.commandLines()).filteredOn(line -> line.startsWith("iptables-restore")).hasSize(2)
                .allMatch(line -> line.startsWith("iptables-restore --noflush --wait=10"));
        assertThat(Files.readString(root.resolve("etc/iptables/rules.v4")))
                .isEqualTo(Golden.read(VpcFirewallCases.CONCEPT, "two-tiers", "rules.v4"));
    }

    @Test
    void anUnchangedAclRunsNoProgramAndAChangedOneRewritesOnlyItsChains() {
        host = new ScriptedHost(root);
        OrderedConverger converger = converger();
        converger.converge(update(VpcFirewallCases.bags("two-tiers"), BagKey.NETWORK_ACL));
        host.clearCalls();

        ConvergeResult again = converger.converge(update(VpcFirewallCases.bags("two-tiers"), BagKey.NETWORK_ACL));
        assertThat(again.services()).extracting(ServiceOutcome::status).containsOnly(ServiceOutcome.Status.UNCHANGED);
        assertThat(host.commandLines()).isEmpty();

        Databags replaced = VpcFirewallCases.merge(VpcFirewallCases.bags("two-tiers"), "network_acl.json",
                "{\"device\":\"eth3\",\"mac_address\":\"02:00:56:36:00:03\",\"private_gateway_acl\":false,\"nic_ip\":\"172.16.2.1\","
                        + "\"nic_netmask\":\"24\",\"ingress_rules\":[{\"type\":\"all\",\"cidr\":\"172.16.1.0/24\",\"allowed\":true}],"
                        + "\"egress_rules\":[],\"type\":\"networkacl\",\"delete_from_processed_cache\":false}");
        ConvergeResult changed = converger.converge(update(replaced, BagKey.NETWORK_ACL));

        assertThat(changed.services()).singleElement().extracting(ServiceOutcome::detail).asString()
                .startsWith("iptables filter: ~ACL_INBOUND_eth3; mangle: ~ACL_OUTBOUND_eth3");
    }

    @Test
    void aFreshProcessConvergingAnUnchangedVpcRouterRunsNothing() {
        host = new ScriptedHost(root);
        converger().converge(update(VpcFirewallCases.bags("multi-cidr-item"), BagKey.NETWORK_ACL));
        host.clearCalls();

        ConvergeResult again = converger().converge(update(VpcFirewallCases.bags("multi-cidr-item"), BagKey.NETWORK_ACL));

        assertThat(again.services()).extracting(ServiceOutcome::status).containsOnly(ServiceOutcome.Status.UNCHANGED);
        assertThat(host.commandLines()).as("rules.v4 and ipsets say what was applied").isEmpty();
    }

    @Test
    void renderAndVerifyShowTheVpcRuleset() throws Exception {
        host = new ScriptedHost(root);
        OrderedConverger converger = converger();
        converger.converge(update(VpcFirewallCases.bags("multi-cidr-item"), BagKey.NETWORK_ACL));
        String rules = Files.readString(root.resolve("etc/iptables/rules.v4"));
        String sets = Files.readString(root.resolve("etc/iptables/ipsets"));
        host.answering(call -> switch (call.argv().get(0)) {
            case "iptables-save" -> new ProgramResult(call.argv(), 0, rules, "");
            case "ipset" -> new ProgramResult(call.argv(), 0, sets, "");
            default -> ProgramResult.success(call.argv());
        });

        ServiceRendering rendering = converger.render(VpcFirewallCases.bags("multi-cidr-item")).stream()
                .filter(service -> service.service().equals("firewall")).findFirst().orElseThrow();
        ServiceDrift drift = converger().verify(VpcFirewallCases.bags("multi-cidr-item")).stream()
                .filter(service -> service.service().equals("firewall")).findFirst().orElseThrow();

        assertThat(rendering.files()).containsEntry("/etc/iptables/rules.v4", rules).containsEntry("/etc/iptables/ipsets", sets);
        assertThat(rendering.detail()).contains("networkacl[eth2].ingress_rules[5]");
        assertThat(drift.state()).as("%s", drift.differences()).isEqualTo(ServiceDrift.State.IN_SYNC);
    }
}
