package org.vrouter.api.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;

import org.junit.jupiter.api.Test;

/** The three open registries: {@link Service}, {@link Provider}, {@link Capability}. */
class RegistryTest {
    @Test
    void looksUpServicesIgnoringCase() {
        assertThat(Service.find("dhcp")).containsSame(Service.DHCP);
        assertThat(Service.find("SOURCENAT")).containsSame(Service.SOURCE_NAT);
        assertThat(Service.find("networkacl")).containsSame(Service.NETWORK_ACL);
        assertThat(Service.find("Sctp")).isEmpty();
    }

    @Test
    void looksUpProvidersIgnoringCase() {
        assertThat(Provider.find("virtualrouter")).containsSame(Provider.VIRTUAL_ROUTER);
        assertThat(Provider.find("VPCVIRTUALROUTER")).containsSame(Provider.VPC_VIRTUAL_ROUTER);
    }

    @Test
    void capabilityWireNamesDifferWhereCloudStacksDo() {
        assertThat(Capability.SUPPORTED_LB_ALGORITHMS.name()).isEqualTo("SupportedLbAlgorithms");
        assertThat(Capability.SUPPORTED_VPN_PROTOCOLS.name()).isEqualTo("SupportedVpnTypes");
        assertThat(Capability.find("supportedlbalgorithms")).containsSame(Capability.SUPPORTED_LB_ALGORITHMS);
        assertThat(Capability.DHCP_ACROSS_MULTIPLE_SUBNETS.name()).isEqualTo("DhcpAccrossMultipleSubnets");
    }

    @Test
    void servicesDeclareCloudStacksCapabilities() {
        assertThat(Service.LB.containsCapability(Capability.SUPPORTED_LB_ALGORITHMS)).isTrue();
        assertThat(Service.LB.containsCapability(new Capability("supportedlbalgorithms"))).as("compared by name, ignoring case").isTrue();
        assertThat(Service.FIREWALL.containsCapability(Capability.SUPPORTED_EGRESS_PROTOCOLS)).isTrue();
        assertThat(Service.USER_DATA.capabilities()).isEmpty();
        assertThat(Service.DHCP.containsCapability(Capability.SUPPORTED_LB_ALGORITHMS)).isFalse();
    }

    @Test
    void registersCustomProvidersAndFindsThem() {
        Provider custom = new Provider("AcmeFirewall", true);
        assertThat(Provider.find("acmefirewall")).containsSame(custom);
        assertThat(Provider.all()).contains(custom);
        assertThat(custom.isExternal()).isTrue();
        assertThat(custom.needCleanupOnShutdown()).isTrue();
        assertThat(Provider.VIRTUAL_ROUTER.needCleanupOnShutdown()).isFalse();
    }

    @Test
    void registersCustomServices() {
        Service custom = new Service("AcmeWaf", Capability.SUPPORTED_PROTOCOLS);
        assertThat(Service.require("service", "ACMEWAF")).isSameAs(custom);
    }

    @Test
    void equalityIsByNameIgnoringCaseAndTheFirstRegistrationWins() {
        Provider again = new Provider("virtualROUTER", true);
        assertThat(again).isEqualTo(Provider.VIRTUAL_ROUTER).hasSameHashCodeAs(Provider.VIRTUAL_ROUTER);
        assertThat(Provider.find("VirtualRouter")).containsSame(Provider.VIRTUAL_ROUTER);
        assertThat(Service.DHCP).isNotEqualTo(Service.DNS);
    }

    @Test
    void requireListsTheKnownNames() {
        assertInvalid(() -> Service.require("service", "Sctp"), "service").hasMessageContaining("Dhcp").hasMessageContaining("'Sctp'");
        assertInvalid(() -> Provider.require("provider", "Nope"), "provider").hasMessageContaining("VirtualRouter");
        assertInvalid(() -> Capability.require("capability", null), "capability").hasMessageContaining("is missing");
    }

    @Test
    void rejectsNamesThatAreNotIdentifiers() {
        assertInvalid(() -> new Provider("Acme Router", false), "provider");
    }

    @Test
    void printsTheWireName() {
        assertThat(Service.PORT_FORWARDING).hasToString("PortForwarding");
        assertThat(Provider.EXTERNAL_GATEWAY).hasToString("ExternalGateWay");
    }
}
