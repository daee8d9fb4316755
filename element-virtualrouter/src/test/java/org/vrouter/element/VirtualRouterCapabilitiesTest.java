package org.vrouter.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.vrouter.api.golden.GoldenFiles;
import org.vrouter.api.network.Capability;
import org.vrouter.api.network.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class VirtualRouterCapabilitiesTest {
    private final Map<Service, Map<Capability, String>> capabilities = Fixtures.element(new FakeRouterManager()).capabilities();

    /** Every service and capability with its value, one per line, in CloudStack's order. */
    @Test
    void declaresCloudStacksExactCapabilityStrings() {
        String rendered = capabilities.entrySet().stream()
                .map(service -> service.getValue().isEmpty()
                        ? service.getKey() + " (no capabilities)\n"
                        : service.getValue().entrySet().stream()
                                .map(capability -> service.getKey() + "." + capability.getKey() + "=" + capability.getValue() + "\n")
                                .collect(Collectors.joining()))
                .collect(Collectors.joining());

        GoldenFiles.assertMatches("capabilities", "virtual-router", "capabilities.txt", rendered);
    }

    @Test
    void declaresOnlyCapabilitiesEachServiceMayCarry() {
        capabilities.forEach((service, declared) -> declared.keySet().forEach(capability -> assertThat(
                service.containsCapability(capability) || isCloudStackExtra(service, capability))
                .as(service + "." + capability).isTrue()));
    }

    // CloudStack's virtual router declares these although Service does not list them.
    private static boolean isCloudStackExtra(Service service, Capability capability) {
        return service.equals(Service.DHCP) && capability.equals(Capability.DHCP_ACROSS_MULTIPLE_SUBNETS)
                || service.equals(Service.PORT_FORWARDING) && capability.equals(Capability.SUPPORTED_PROTOCOLS)
                || service.equals(Service.LB) && (capability.equals(Capability.SSL_TERMINATION)
                        || capability.equals(Capability.AUTO_SCALE_COUNTERS) || capability.equals(Capability.VM_AUTO_SCALING));
    }

    @Test
    void stickinessMethodsAreJsonListingEveryParameterTheRouterAccepts() throws Exception {
        JsonNode methods = new ObjectMapper().readTree(capabilities.get(Service.LB).get(Capability.SUPPORTED_STICKINESS_METHODS));

        assertThat(methods).hasSize(3);
        assertThat(methods.findValuesAsText("methodname")).containsExactly("LbCookie", "AppCookie", "SourceBased");
        assertThat(methods.get(0).get("paramlist").findValuesAsText("paramname"))
                .containsExactly("cookie-name", "mode", "nocache", "indirect", "postonly", "domain");
        assertThat(methods.get(2).get("paramlist").findValuesAsText("paramname")).containsExactly("tablesize", "expire");
    }

    @Test
    void autoScaleCountersAreJson() throws Exception {
        JsonNode counters = new ObjectMapper().readTree(capabilities.get(Service.LB).get(Capability.AUTO_SCALE_COUNTERS));

        assertThat(counters.findValuesAsText("methodname")).containsExactly("CPU", "MEMORY", "VIRTUALROUTER");
    }

    @Test
    void capabilitiesCannotBeChanged() {
        assertThatThrownBy(() -> capabilities.put(Service.SECURITY_GROUP, Map.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> capabilities.get(Service.LB).clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
