package org.vrouter.api.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolTest {
    @Test
    void parsesNamesInAnyCaseAndNumbers() {
        assertThat(Protocol.parse("protocol", "TCP")).isEqualTo(Protocol.TCP);
        assertThat(Protocol.parse("protocol", "41").protocolNumber()).hasValue(41);
        assertThat(Protocol.number(0).isNumber()).isTrue();
        assertThat(Protocol.ICMP.isNumber()).isFalse();
        assertThat(Protocol.UDP.hasPorts()).isTrue();
        assertThat(Protocol.ALL.hasPorts()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sctp", "256", "-1", "041", "", "tcp ", "t\ncp"})
    void rejectsUnknownProtocolsListingTheValidOnes(String text) {
        assertInvalid(() -> Protocol.parse("protocol", text), "protocol").hasMessageContaining("[tcp, udp, icmp, all]");
    }

    @Test
    void narrowsToTheAllowedSetListingIt() {
        assertInvalid(() -> Protocol.ICMP.requireOneOf("protocol", Protocol.TCP, Protocol.UDP), "protocol")
                .hasMessageContaining("expected one of [tcp, udp]")
                .hasMessageContaining("'icmp'");
    }
}
