package org.vrouter.router.redundancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.router.converge.IsolatedRouter;
import org.vrouter.router.databag.Databags;

class RedundancyInputsTest {
    private static RedundancyInput input(Databags bags) {
        return RedundancyInputs.from(bags).input().orElseThrow();
    }

    @Test
    void mapsAMemberOfARedundantIsolatedPair() {
        RedundancyInput input = input(RedundantBags.member(1, "1"));

        assertThat(input.routerName()).isEqualTo("r-11-VM");
        assertThat(input.device()).isEqualTo("eth0");
        assertThat(input.source()).isEqualTo(IpAddress.parse("ip", "10.1.1.2"));
        assertThat(input.addresses()).containsExactly(new VirtualAddress("eth0", Cidr.parse("c", "10.1.1.1/24")));
        assertThat(input.trackedDevices()).isEmpty();
        assertThat(input.advertCentiseconds()).isEqualTo(100);
        assertThat(input.syncIgnored()).extracting(IpAddress::toString).containsExactly("127.0.0.1", "169.254.3.11", "10.1.1.2");
    }

    @Test
    void bothMembersGetTheSameVrrpIdAndGateways() {
        RedundancyInput first = input(RedundantBags.member(1, "1"));
        RedundancyInput second = input(RedundantBags.member(2, "1"));

        assertThat(second.virtualRouterId()).isEqualTo(first.virtualRouterId());
        assertThat(second.addresses()).isEqualTo(first.addresses());
        assertThat(second.advertCentiseconds()).isEqualTo(first.advertCentiseconds());
    }

    @Test
    void derivesTheVrrpIdFromTheNetworkNotAConstant() {
        int first = input(RedundantBags.member(1, "1")).virtualRouterId();

        assertThat(first).isBetween(1, 255).isNotEqualTo(51);
        assertThat(RedundancyInputs.fold(1)).isEqualTo(1);
        assertThat(RedundancyInputs.fold(255)).isEqualTo(255);
        assertThat(RedundancyInputs.fold(256)).isEqualTo(1);
        assertThat(input(RedundantBags.withBootArgs(RedundantBags.member(1, "1"), Map.of("router_id", "300"))).virtualRouterId())
                .as("a VPC's router_id").isEqualTo(45);
    }

    @Test
    void twoNetworksGetDifferentIds() {
        Databags a = RedundantBags.member(1, "1");
        Databags b = RedundantBags.withBootArgs(IsolatedRouter.mergeText(Databags.empty(), "cmd_line.json",
                "{\"type\":\"cmdline\",\"cmd_line\":{\"name\":\"r-20-VM\",\"eth0ip\":\"10.7.7.2\",\"eth0mask\":\"255.255.255.0\","
                        + "\"type\":\"router\",\"redundant_router\":\"1\",\"guestgw\":\"10.7.7.1\"}}"), Map.of());

        assertThat(input(a).virtualRouterId()).isNotEqualTo(input(b).virtualRouterId());
    }

    @Test
    void acceptsASubSecondAdvertInterval() {
        RedundancyInput input = input(RedundantBags.member(1, "0.2"));

        assertThat(input.advertCentiseconds()).isEqualTo(20);
        assertThat(input.advertInterval()).isEqualTo("0.2");
    }

    @Test
    void rejectsAnAdvertIntervalKeepalivedCannotCarry() {
        assertThatThrownBy(() -> input(RedundantBags.member(1, "0.001"))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("advert_int");
        assertThatThrownBy(() -> input(RedundantBags.member(1, "fast"))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("cmdline.advert_int");
        assertThatThrownBy(() -> input(RedundantBags.member(1, "0.01"))).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void putsASecondTiersGatewayOutsideTheAdvertisementAndTracksItsInterface() {
        Databags bags = RedundantBags.withTier(RedundantBags.member(1, "1"), 1);
        bags = IsolatedRouter.mergeText(bags, "ip_associations.json.9", "{\"ip_address\":[{\"public_ip\":\"10.1.2.2\",\"source_nat\":false,"
                + "\"add\":true,\"one_to_one_nat\":false,\"first_i_p\":false,\"gateway\":\"10.1.2.1\",\"netmask\":\"255.255.255.0\","
                + "\"vif_mac_address\":\"02:00:0a:01:02:01\",\"nic_dev_id\":3,\"new_nic\":true,\"nw_type\":\"Guest\","
                + "\"is_private_gateway\":false}],\"type\":\"ips\",\"delete_from_processed_cache\":false}");

        RedundancyInput input = input(bags);

        assertThat(input.advertised()).isEqualTo(new VirtualAddress("eth0", Cidr.parse("c", "10.1.1.1/24")));
        assertThat(input.unadvertised()).containsExactly(new VirtualAddress("eth3", Cidr.parse("c", "10.1.2.1/24")));
        assertThat(input.trackedDevices()).containsExactly("eth3");
    }

    @Test
    void readsUnicastPeers() {
        RedundancyInput input = input(RedundantBags.withBootArgs(RedundantBags.member(1, "1"),
                Map.of(RedundancyInputs.UNICAST_PEERS, "10.1.1.3")));

        assertThat(input.unicastPeers()).containsExactly(IpAddress.parse("ip", "10.1.1.3"));
    }

    @Test
    void skipsARouterThatIsNotRedundant() {
        assertThat(RedundancyInputs.from(IsolatedRouter.bags()).skipReason()).contains("not a redundant router");
    }

    @Test
    void skipsAVpcRouterWithoutATier() {
        Databags vpc = IsolatedRouter.mergeText(Databags.empty(), "cmd_line.json", "{\"type\":\"cmdline\",\"cmd_line\":{\"name\":\"r-30-VM\","
                + "\"eth0ip\":\"169.254.1.9\",\"eth0mask\":\"255.255.0.0\",\"type\":\"vpcrouter\",\"vpccidr\":\"172.16.0.0/16\","
                + "\"redundant_router\":\"1\",\"router_id\":\"7\"}}");

        assertThat(RedundancyInputs.from(vpc).input()).isEmpty();
        assertThat(RedundancyInputs.from(vpc).skipReason()).contains("tier");
    }
}
