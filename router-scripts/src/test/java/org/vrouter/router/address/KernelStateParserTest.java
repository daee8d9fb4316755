package org.vrouter.router.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.router.golden.Golden;

/** Reading {@code ip -N -json -batch -} output captured from a real kernel (iproute2 6.1). */
class KernelStateParserTest {
    private static KernelState sample() throws IOException {
        return KernelStateParser.parse(Golden.read("address", "kernel-read", "ip-output.json"));
    }

    @Test
    void readsLinksWithMtuStateAndAddressesInKernelOrder() throws IOException {
        KernelLink eth0 = sample().link("eth0").orElseThrow();

        assertThat(eth0.mtu()).isEqualTo(1450);
        assertThat(eth0.up()).isTrue();
        assertThat(eth0.addresses()).containsExactly(
                KernelAddress.of(cidr("10.1.1.1/24")),
                new KernelAddress(cidr("10.1.1.2/24"), true, false),
                new KernelAddress(cidr("2001:db8::5/64"), false, true),
                KernelAddress.of(cidr("fd00:1::1/64")));
        assertThat(sample().link("eth1").orElseThrow().up()).isFalse();
    }

    @Test
    void readsRoutesOfBothFamiliesOutsideTheLocalTable() throws IOException {
        assertThat(sample().routes()).extracting(KernelRoute::toString).containsExactly(
                "0.0.0.0/0 via 10.1.1.254 dev eth0 table 102 metric 5 proto 118",
                "throw 10.0.0.0/8 table 102 metric 0 proto 118",
                "10.1.1.0/24 dev eth0 table 254 metric 0 proto 2",
                "192.0.2.0/24 table 254 metric 0 proto 0",
                "198.51.100.0/24 via 10.1.1.254 dev eth0 table 254 metric 0 proto 118",
                "2001:db8::/64 dev eth0 table 254 metric 256 proto 2",
                "fd00:1::/64 dev eth0 table 254 metric 256 proto 2",
                "::/0 via fd00:1::ff dev eth0 table 254 metric 1024 proto 118");
    }

    @Test
    void readsOnlyRulesOfTheShapeItWritesAndNotTheKernelsOwn() throws IOException {
        assertThat(sample().rules()).containsExactly(
                new KernelRule(PolicyRule.forMark(100, Fwmark.of(0x66), 102), AddressApplier.PROTOCOL),
                new KernelRule(PolicyRule.forSource(101, cidr("10.1.1.0/24"), 102), AddressApplier.PROTOCOL),
                new KernelRule(new PolicyRule(102, Optional.empty(), Optional.of(new Fwmark(0x10, 0xf0)), 103), 0));
    }

    @Test
    void aRouteWithAHostDestinationIsAHostPrefix() throws IOException {
        String output = "[]\n[{\"dst\":\"192.0.2.7\",\"gateway\":\"10.1.1.254\",\"dev\":\"eth0\",\"protocol\":\"118\"}]\n[]\n[]\n";

        assertThat(KernelStateParser.parse(output).routes()).singleElement()
                .satisfies(route -> assertThat(route.destination()).isEqualTo(cidr("192.0.2.7/32")))
                .satisfies(route -> assertThat(route.gateway()).contains(IpAddress.parse("10.1.1.254")));
    }

    @Test
    void aBlankAnswerIsAnEmptyKernel() throws IOException {
        assertThat(KernelStateParser.parse("")).isEqualTo(KernelState.empty());
    }

    @Test
    void rejectsOutputThatIsNotFourArrays() {
        assertThatThrownBy(() -> KernelStateParser.parse("[]\n[]\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("expected 4 JSON arrays, got 2");
        assertThatThrownBy(() -> KernelStateParser.parse("[]\n[]\n[]\n{}\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("expected 4 JSON arrays");
        assertThatThrownBy(() -> KernelStateParser.parse("Object \"adress\" is unknown"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void rejectsAnAddressThatIsNotOne() {
        String output = "[{\"ifname\":\"eth0\",\"mtu\":1500,\"flags\":[],\"addr_info\":[{\"family\":\"inet\",\"local\":\"10.1.1\",\"prefixlen\":24}]}]"
                + "\n[]\n[]\n[]\n";

        assertThatThrownBy(() -> KernelStateParser.parse(output))
                .isInstanceOf(IOException.class).hasMessageContaining("unexpected value").hasMessageContaining("10.1.1");
    }

    private static Cidr cidr(String text) {
        return Cidr.parse(text);
    }
}
