package org.vrouter.router.converge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.Databags;

class OrderedConvergerTest {
    private final List<String> calls = new ArrayList<>();

    private ServiceConverger service(String name, Set<BagKey> inputs, ServiceOutcome.Status status) {
        return new ServiceConverger() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<BagKey> inputs() {
                return inputs;
            }

            @Override
            public ServiceOutcome.Status apply(Databags databags) throws IOException {
                calls.add(name);
                if (status == ServiceOutcome.Status.FAILED) {
                    throw new IOException(name + " rejected its configuration\nsecond line");
                }
                return status;
            }
        };
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
    }

    @Test
    void runsEverythingInOrderForBootArguments() {
        OrderedConverger converger = converger(
                service("addresses", Set.of(BagKey.IPS), ServiceOutcome.Status.APPLIED),
                service("dnsmasq", Set.of(BagKey.DHCP_ENTRY), ServiceOutcome.Status.UNCHANGED));

        converger.converge(new ConvergeRequest(Databags.empty(), Set.of(BagKey.CMD_LINE)));

        assertThat(calls).containsExactly("addresses", "dnsmasq");
    }

    @Test
    void stopsAtTheFirstFailureAndSkipsTheRest() {
        OrderedConverger converger = converger(
                service("addresses", Set.of(BagKey.IPS), ServiceOutcome.Status.FAILED),
                service("firewall", Set.of(BagKey.IPS), ServiceOutcome.Status.APPLIED));

        ConvergeResult result = converger.converge(new ConvergeRequest(Databags.empty(), Set.of(BagKey.IPS)));

        assertThat(calls).containsExactly("addresses");
        assertThat(result.success()).isFalse();
        assertThat(result.firstFailure()).hasValueSatisfying(failure -> {
            assertThat(failure.service()).isEqualTo("addresses");
            assertThat(failure.detail()).isEqualTo("addresses rejected its configuration");
        });
        assertThat(result.services()).extracting(ServiceOutcome::status)
                .containsExactly(ServiceOutcome.Status.FAILED, ServiceOutcome.Status.SKIPPED);
    }

    @Test
    void rejectsTwoServicesWithOneName() {
        assertThatThrownBy(() -> converger(service("a", Set.of(), ServiceOutcome.Status.APPLIED), service("a", Set.of(), ServiceOutcome.Status.APPLIED)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noneSucceedsWithoutServices() {
        assertThat(Converger.none().converge(new ConvergeRequest(Databags.empty(), Set.of(BagKey.IPS))).services()).isEmpty();
    }
}
