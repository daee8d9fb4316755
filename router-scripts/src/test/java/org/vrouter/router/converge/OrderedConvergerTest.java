package org.vrouter.router.converge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.metrics.Counter;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.metrics.Timer;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.Databags;

class OrderedConvergerTest {
    private final List<String> calls = new ArrayList<>();

    /** A service that records its calls and answers with a fixed status (FAILED: it throws). */
    private final class FakeService implements ServiceConverger {
        private final String name;
        private final Set<BagKey> inputs;
        private final ServiceOutcome.Status status;
        private final Set<String> dependsOn;

        FakeService(String name, Set<BagKey> inputs, ServiceOutcome.Status status, Set<String> dependsOn) {
            this.name = name;
            this.inputs = inputs;
            this.status = status;
            this.dependsOn = dependsOn;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Set<BagKey> inputs() {
            return inputs;
        }

        @Override
        public Set<String> dependsOn() {
            return dependsOn;
        }

        @Override
        public ServiceResult apply(Databags databags) throws IOException {
            calls.add(name);
            return answer();
        }

        @Override
        public ServiceResult repair(Databags databags) throws IOException {
            calls.add("repair " + name);
            return answer();
        }

        @Override
        public ServiceRendering render(Databags databags) {
            if (status == ServiceOutcome.Status.FAILED) {
                throw new InvalidParameterException("firewallrules[7].protocol", "unknown protocol", "gre2");
            }
            return ServiceRendering.rendered(name, "", Map.of("/etc/" + name, name + "\n"));
        }

        @Override
        public ServiceDrift verify(Databags databags) throws IOException {
            if (status == ServiceOutcome.Status.FAILED) {
                throw new IOException("iptables-save: cannot run\nsecond line");
            }
            return ServiceDrift.of(name, status == ServiceOutcome.Status.APPLIED ? List.of("/etc/" + name + ": missing") : List.of());
        }

        private ServiceResult answer() throws IOException {
            return switch (status) {
                case FAILED -> throw new IOException(name + " rejected its configuration\nsecond line");
                case SKIPPED -> ServiceResult.skipped("type=vpcrouter: not rendered yet");
                case APPLIED -> ServiceResult.applied("changed", List.of("rule 7 left out"));
                case UNCHANGED -> ServiceResult.unchanged(List.of());
            };
        }
    }

    private ServiceConverger service(String name, Set<BagKey> inputs, ServiceOutcome.Status status) {
        return new FakeService(name, inputs, status, Set.of());
    }

    private OrderedConverger converger(ServiceConverger... services) {
        return new OrderedConverger(List.of(services), Clock.systemUTC());
    }

    @Test
    void runsOnlyTheServicesWhoseBagsTheRequestTouches() {
        OrderedConverger converger = converger(
                service("addresses", Set.of(BagKey.IPS), ServiceOutcome.Status.UNCHANGED),
                service("firewall", Set.of(BagKey.IPS, BagKey.FIREWALL_RULES), ServiceOutcome.Status.APPLIED),
                service("dnsmasq", Set.of(BagKey.DHCP_ENTRY), ServiceOutcome.Status.APPLIED));

        ConvergeResult result = converger.converge(new ConvergeRequest(Databags.empty(), Set.of(BagKey.FIREWALL_RULES)));

        assertThat(calls).containsExactly("firewall");
        assertThat(result.success()).isTrue();
        assertThat(result.applied()).isEqualTo(1);
        assertThat(result.services()).singleElement().satisfies(outcome -> assertThat(outcome.warnings()).containsExactly("rule 7 left out"));
    }

    @Test
    void repairsEveryServiceInOrderForBootArguments() {
        OrderedConverger converger = converger(
                service("addresses", Set.of(BagKey.IPS), ServiceOutcome.Status.APPLIED),
                service("dnsmasq", Set.of(BagKey.DHCP_ENTRY), ServiceOutcome.Status.UNCHANGED));

        converger.converge(ConvergeRequest.everything(Databags.empty()));

        assertThat(calls).containsExactly("repair addresses", "repair dnsmasq");
    }

    @Test
    void aFailedServiceDoesNotStopTheIndependentOnes() {
        OrderedConverger converger = converger(
                service("firewall", Set.of(BagKey.IPS), ServiceOutcome.Status.FAILED),
                service("dnsmasq", Set.of(BagKey.IPS), ServiceOutcome.Status.APPLIED),
                service("haproxy", Set.of(BagKey.IPS), ServiceOutcome.Status.FAILED));

        ConvergeResult result = converger.converge(new ConvergeRequest(Databags.empty(), Set.of(BagKey.IPS)));

        assertThat(calls).containsExactly("firewall", "dnsmasq", "haproxy");
        assertThat(result.success()).isFalse();
        assertThat(result.firstFailure()).hasValueSatisfying(failure -> {
            assertThat(failure.service()).isEqualTo("firewall");
            assertThat(failure.detail()).isEqualTo("firewall rejected its configuration");
        });
        assertThat(result.services()).extracting(ServiceOutcome::status)
                .containsExactly(ServiceOutcome.Status.FAILED, ServiceOutcome.Status.APPLIED, ServiceOutcome.Status.FAILED);
    }

    @Test
    void skipsOnlyTheServicesThatDependOnAFailedOne() {
        OrderedConverger converger = converger(
                service("addresses", Set.of(BagKey.IPS), ServiceOutcome.Status.FAILED),
                service("firewall", Set.of(BagKey.IPS), ServiceOutcome.Status.APPLIED),
                new FakeService("dnsmasq", Set.of(BagKey.IPS), ServiceOutcome.Status.APPLIED, Set.of("addresses")));

        ConvergeResult result = converger.converge(new ConvergeRequest(Databags.empty(), Set.of(BagKey.IPS)));

        assertThat(calls).containsExactly("addresses", "firewall");
        assertThat(result.services()).extracting(ServiceOutcome::status)
                .containsExactly(ServiceOutcome.Status.FAILED, ServiceOutcome.Status.APPLIED, ServiceOutcome.Status.SKIPPED);
        assertThat(result.skipped()).singleElement().satisfies(skipped -> assertThat(skipped.detail()).isEqualTo("not attempted: addresses failed"));
    }

    @Test
    void reportsASkippedServiceWithItsReason() {
        ConvergeResult result = converger(service("firewall", Set.of(BagKey.IPS), ServiceOutcome.Status.SKIPPED))
                .converge(new ConvergeRequest(Databags.empty(), Set.of(BagKey.IPS)));

        assertThat(result.success()).isTrue();
        assertThat(result.skipped()).singleElement().satisfies(skipped -> assertThat(skipped.detail()).contains("vpcrouter"));
    }

    @Test
    void rendersEveryServiceAndReportsOneThatCannotRender() {
        List<ServiceRendering> renderings = converger(
                service("firewall", Set.of(), ServiceOutcome.Status.FAILED),
                service("dnsmasq", Set.of(), ServiceOutcome.Status.APPLIED)).render(Databags.empty());

        assertThat(renderings).extracting(ServiceRendering::state)
                .containsExactly(ServiceRendering.State.FAILED, ServiceRendering.State.RENDERED);
        assertThat(renderings.get(0).detail()).isEqualTo("firewallrules[7].protocol: unknown protocol: 'gre2'");
        assertThat(renderings.get(1).files()).containsEntry("/etc/dnsmasq", "dnsmasq\n");
        assertThat(calls).isEmpty();
    }

    @Test
    void verifiesEveryServiceAndReportsOneThatCannotBeRead() {
        List<ServiceDrift> drifts = converger(
                service("firewall", Set.of(), ServiceOutcome.Status.FAILED),
                service("dnsmasq", Set.of(), ServiceOutcome.Status.APPLIED),
                service("haproxy", Set.of(), ServiceOutcome.Status.UNCHANGED)).verify(Databags.empty());

        assertThat(drifts).extracting(ServiceDrift::state)
                .containsExactly(ServiceDrift.State.FAILED, ServiceDrift.State.DRIFTED, ServiceDrift.State.IN_SYNC);
        assertThat(drifts.get(0).detail()).isEqualTo("iptables-save: cannot run");
        assertThat(drifts.get(1).differences()).containsExactly("/etc/dnsmasq: missing");
        assertThat(drifts).extracting(ServiceDrift::needsAttention).containsExactly(true, true, false);
    }

    @Test
    void timesTheConvergeAndEachServiceWithItsResult() {
        List<String> timed = new ArrayList<>();
        Metrics metrics = new Metrics() {
            @Override
            public Timer timer(String name, Map<String, String> tags) {
                return duration -> timed.add(name + new java.util.TreeMap<>(tags));
            }

            @Override
            public Counter counter(String name, Map<String, String> tags) {
                return Counter.NOOP;
            }
        };
        OrderedConverger converger = new OrderedConverger(List.of(service("firewall", Set.of(BagKey.IPS), ServiceOutcome.Status.FAILED),
                service("dnsmasq", Set.of(BagKey.IPS), ServiceOutcome.Status.APPLIED)), Clock.systemUTC(), metrics);

        converger.converge(new ConvergeRequest(Databags.empty(), Set.of(BagKey.IPS)));

        assertThat(timed).containsExactly("vrouter.converge.service.duration{result=failed, service=firewall}",
                "vrouter.converge.service.duration{result=applied, service=dnsmasq}", "vrouter.converge.duration{}");
    }

    @Test
    void rejectsTwoServicesWithOneName() {
        assertThatThrownBy(() -> converger(service("a", Set.of(), ServiceOutcome.Status.APPLIED), service("a", Set.of(), ServiceOutcome.Status.APPLIED)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsADependencyOnALaterService() {
        assertThatThrownBy(() -> converger(new FakeService("dnsmasq", Set.of(), ServiceOutcome.Status.APPLIED, Set.of("addresses")),
                service("addresses", Set.of(), ServiceOutcome.Status.APPLIED)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an earlier service");
    }

    @Test
    void noneSucceedsWithoutServices() {
        assertThat(Converger.none().converge(new ConvergeRequest(Databags.empty(), Set.of(BagKey.IPS))).services()).isEmpty();
    }
}
