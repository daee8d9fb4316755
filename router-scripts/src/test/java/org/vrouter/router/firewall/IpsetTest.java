package org.vrouter.router.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vrouter.api.net.Cidr;

class IpsetTest {
    private static List<Cidr> cidrs(String... texts) {
        return java.util.Arrays.stream(texts).map(Cidr::parse).toList();
    }

    @Test
    void keepsEntriesAsTheKernelDoes() {
        Ipset set = Ipset.hashNet("destCidrIpset-7", cidrs("192.168.1.9/24", "10.0.0.1/32", "10.1.0.0/16", "192.168.1.0/24"));

        assertThat(set.entries()).extracting(Cidr::toString).containsExactly("10.0.0.1/32", "10.1.0.0/16", "192.168.1.0/24");
        assertThat(set).isEqualTo(Ipset.hashNet("destCidrIpset-7", cidrs("10.1.0.0/16", "192.168.1.0/24", "10.0.0.1/32")));
    }

    @Test
    void rejectsWhatIpsetWouldRefuse() {
        assertThatThrownBy(() -> Ipset.hashNet("all", cidrs("0.0.0.0/0")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zero-length prefix");
        assertThatThrownBy(() -> Ipset.hashNet("v6", cidrs("fd00::/64"))).hasMessageContaining("is inet and cannot hold fd00::/64");
        assertThatThrownBy(() -> new Ipset("hosts", IpsetType.HASH_IP, Ipset.Family.INET, cidrs("10.0.0.0/24")))
                .hasMessageContaining("single addresses");
        for (String bad : new String[] {"", "a b", "x".repeat(32), "vrouter-tmp-1", "-x"}) {
            assertThatThrownBy(() -> Ipset.hashNet(bad, List.of())).as(bad).hasMessageContaining("ipset name");
        }
    }

    @Test
    void makesRoomForLargeSets() {
        List<Cidr> many = new java.util.ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            many.add(Cidr.parse("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255) + "/32"));
        }

        assertThat(Ipset.hashNet("small", List.of()).maxElements()).isEqualTo(65536);
        assertThat(Ipset.hashNet("big", many).maxElements()).isGreaterThanOrEqualTo(70_000);
    }

    @Test
    void writesAnUpdatePayloadThatSwapsAFullSetIn() {
        Ipset set = Ipset.hashNet("destCidrIpset-7", cidrs("10.1.0.0/16", "10.0.0.1/32"));

        IpsetText.Payload payload = IpsetText.update(List.of(set));

        assertThat(payload.text()).isEqualTo("""
                destroy vrouter-tmp-0 -exist
                create vrouter-tmp-0 hash:net family inet hashsize 1024 maxelem 65536
                add vrouter-tmp-0 10.0.0.1/32
                add vrouter-tmp-0 10.1.0.0/16
                create destCidrIpset-7 hash:net family inet hashsize 1024 maxelem 65536 -exist
                swap vrouter-tmp-0 destCidrIpset-7
                destroy vrouter-tmp-0
                """);
        assertThat(payload.setAt(4)).contains("destCidrIpset-7");
    }

    @Test
    void readsIpsetSaveOutputSkippingSetsItDoesNotOwn() {
        String saved = """
                create destCidrIpset-7 hash:net family inet hashsize 1024 maxelem 65536 bucketsize 12 initval 0x50f7e1f1
                add destCidrIpset-7 192.168.1.0/24
                add destCidrIpset-7 10.0.0.1
                create ports hash:ip,port family inet hashsize 1024 maxelem 65536
                add ports 10.0.0.1,tcp:80
                create vrouter-tmp-0 hash:net family inet hashsize 1024 maxelem 65536
                create v6 hash:net family inet6 hashsize 1024 maxelem 65536
                add v6 fd00::1
                """;

        assertThat(IpsetText.parse(saved)).containsExactly(
                java.util.Map.entry("destCidrIpset-7", Ipset.hashNet("destCidrIpset-7", cidrs("10.0.0.1/32", "192.168.1.0/24"))),
                java.util.Map.entry("v6", new Ipset("v6", IpsetType.HASH_NET, Ipset.Family.INET6, cidrs("fd00::1/128"))));
        assertThat(IpsetText.parse(IpsetText.render(List.of(Ipset.hashNet("a", cidrs("10.0.0.0/8"))))))
                .containsEntry("a", Ipset.hashNet("a", cidrs("10.0.0.0/8")));
    }
}
