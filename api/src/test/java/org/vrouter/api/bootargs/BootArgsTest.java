package org.vrouter.api.bootargs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.secret.Secret;

class BootArgsTest {
    private static final String KEY = "c3NoLXJzYSBBQUFBQjNOemFDMXljMkVBQUFBREFRQUJBQUFCQVFDNy92bXJvdXRlcg==";
    private static final String ISOLATED = " template=domP name=r-12-VM authorized_key=" + KEY + " eth0ip=10.1.1.1 eth0mask=255.255.255.0"
            + " privateMtu=1500 domain=cs2cloud.internal cidrsize=24 dhcprange=10.1.1.1 eth1ip=169.254.3.44"
            + " eth1mask=255.255.0.0 eth2ip=203.0.113.20 eth2mask=255.255.255.0 gateway=203.0.113.1 publicMtu=1500"
            + " type=router dns1=8.8.8.8 dns2=8.8.4.4 logrotatefrequency=*:00:00";

    private static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }

    @Test
    void buildsTheIsolatedExampleWithTypedSetters() {
        BootArgs built = BootArgs.builder()
                .template("domP").name("r-12-VM").authorizedKey(KEY)
                .nic(0, ip("10.1.1.1"), Netmask.parse("255.255.255.0"))
                .privateMtu(1500).domain("cs2cloud.internal").cidrSize(24).dhcpRange(ip("10.1.1.1"))
                .nic(1, Cidr.parse("169.254.3.44/16"))
                .nic(2, ip("203.0.113.20"), Netmask.parse("255.255.255.0")).gateway(ip("203.0.113.1")).publicMtu(1500)
                .type(RouterType.ROUTER).dns1(ip("8.8.8.8")).dns2(ip("8.8.4.4")).logRotateFrequency("*:00:00")
                .build();

        assertThat(built.render()).isEqualTo(ISOLATED);
        assertThat(built).isEqualTo(BootArgs.parse(ISOLATED));
    }

    @Test
    void acceptsASubSecondAdvertIntervalDownTo50Milliseconds() {
        assertThat(BootArgs.parse(" advert_int=0.2").advertInterval()).contains(new java.math.BigDecimal("0.2"));
        assertThat(BootArgs.parse(" advert_int=255").advertInterval()).contains(new java.math.BigDecimal("255"));
        assertThatThrownBy(() -> BootArgs.parse(" advert_int=0.01")).isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("advert_int:");
        assertThatThrownBy(() -> BootArgs.parse(" advert_int=0.125")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> BootArgs.parse(" advert_int=256")).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void readsTypedValues() {
        BootArgs args = BootArgs.parse(ISOLATED);

        assertThat(args.type()).contains(RouterType.ROUTER);
        assertThat(args.name()).contains("r-12-VM");
        assertThat(args.ethCidr(0)).contains(Cidr.parse("10.1.1.1/24"));
        assertThat(args.ethMask(1)).contains(Netmask.parse("255.255.0.0"));
        assertThat(args.ethIp(3)).isEmpty();
        assertThat(args.gateway()).contains(ip("203.0.113.1"));
        assertThat(args.privateMtu()).contains(1500);
        assertThat(args.dhcpRange()).contains(ip("10.1.1.1"));
        assertThat(args.dns2()).contains(ip("8.8.4.4"));
        assertThat(args.authorizedKey()).contains(KEY);
        assertThat(args.redundantRouter()).isFalse();
        assertThat(args.useExternalDns()).isFalse();
    }

    @Test
    void letsTheLastOccurrenceOfARepeatedKeyWin() {
        BootArgs args = BootArgs.builder()
                .redundantRouter().advertInterval(1).redundantState(RedundantState.PRIMARY)
                .redundantRouter().advertInterval(3).redundantState(RedundantState.BACKUP)
                .build();

        assertThat(args.redundantState()).contains(RedundantState.BACKUP);
        assertThat(args.advertInterval()).contains(new java.math.BigDecimal("3"));
        assertThat(args.getAll("redundant_state")).containsExactly("PRIMARY", "BACKUP");
        assertThat(args.toCmdLineMap()).containsExactly(
                Map.entry("redundant_router", "1"), Map.entry("advert_int", "3"), Map.entry("redundant_state", "BACKUP"));
        assertThat(args.render()).isEqualTo(" redundant_router=1 advert_int=1 redundant_state=PRIMARY redundant_router=1 advert_int=3 redundant_state=BACKUP");
    }

    @Test
    void acceptsMasterAsPrimary() {
        assertThat(BootArgs.parse(" redundant_state=MASTER").redundantState()).contains(RedundantState.PRIMARY);
    }

    @Test
    void splitsOnAnyWhitespace() {
        BootArgs args = BootArgs.parse("\ttemplate=domP   name=r-1-VM\n type=dhcpsrvr\r\n");

        assertThat(args.render()).isEqualTo(" template=domP name=r-1-VM type=dhcpsrvr");
        assertThat(BootArgs.parse("")).isEqualTo(new BootArgs(List.of()));
    }

    @Test
    void keepsUnknownKeysInOrder() {
        BootArgs args = BootArgs.parse(" template=domP ntpserverlist=0.pool.ntp.org,1.pool.ntp.org custom_flag=yes router_pr=100");

        assertThat(args.get("custom_flag")).contains("yes");
        assertThat(args.render()).isEqualTo(" template=domP ntpserverlist=0.pool.ntp.org,1.pool.ntp.org custom_flag=yes router_pr=100");
    }

    @Test
    void acceptsAnEmptyValueForAFreeFormKey() {
        assertThat(BootArgs.builder().put("ntpserverlist", "").build().render()).isEqualTo(" ntpserverlist=");
        assertThat(BootArgs.empty().isEmpty()).isTrue();
        assertThat(BootArgs.parse(" ntpserverlist=").isEmpty()).isFalse();
    }

    @Test
    void equalityDependsOnOrder() {
        BootArgs ab = BootArgs.builder().put("a", "1").put("b", "2").build();
        BootArgs ba = BootArgs.builder().put("b", "2").put("a", "1").build();
        assertThat(ab).isEqualTo(BootArgs.parse(" a=1 b=2")).isNotEqualTo(ba);
    }

    @Test
    void keepsEverythingAfterTheFirstEqualsSign() {
        assertThat(BootArgs.parse(" authorized_key=" + KEY).authorizedKey()).contains(KEY);
    }

    @Test
    void roundTripsThroughPvArgsAndTheCmdLineMap() {
        BootArgs args = BootArgs.parse(ISOLATED);

        assertThat(args.renderPvArgs()).startsWith("%template=domP%name=r-12-VM%").doesNotContain(" ");
        assertThat(BootArgs.parsePvArgs(args.renderPvArgs())).isEqualTo(args);
        assertThat(BootArgs.fromCmdLineMap(args.toCmdLineMap())).isEqualTo(args);
    }

    @Test
    void readsVpcAndIpv6Keys() {
        BootArgs args = BootArgs.builder()
                .vpcCidr(Cidr.parse("172.16.0.0/16")).privateGateway(ip("172.16.255.1")).type(RouterType.VPC_ROUTER)
                .nicIp6(0, ip("fd00:1::1"), 64).ip6Gateway(ip("fd00:1::ffff")).ip6Dns1(ip("2001:4860:4860::8888"))
                .dnsSearchOrder(List.of("a.example", "b.example")).routerId(12).routerPassword(Secret.of("123456789"))
                .build();

        assertThat(args.vpcCidr()).contains(Cidr.parse("172.16.0.0/16"));
        assertThat(args.privateGateway()).contains(ip("172.16.255.1"));
        assertThat(args.ethIp6(0)).contains(ip("fd00:1::1"));
        assertThat(args.ethIp6PrefixLength(0)).contains(64);
        assertThat(args.dnsSearchOrder()).containsExactly("a.example", "b.example");
        assertThat(args.routerId()).contains(12L);
        assertThat(BootArgs.parse(" privategateway=None").privateGateway()).isEmpty();
    }

    @Test
    void masksSecretsInToStringButRendersThem() {
        BootArgs args = BootArgs.builder().name("r-1-VM").vmPassword(Secret.of("Sup3rSecret")).routerPassword(Secret.of("42")).build();

        assertThat(args.toString()).isEqualTo(" name=r-1-VM vmpassword=**** router_password=****");
        assertThat(args.args().get(1).toString()).isEqualTo("vmpassword=****");
        assertThat(args.render()).contains("vmpassword=Sup3rSecret");
        assertThat(args.vmPassword().map(Secret::reveal)).contains("Sup3rSecret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cs2cloud internal", "cs2cloud.internal\n", "\"cs2cloud\"", "cs2cloud'", "a\\b", "$(reboot)", "a%b", "a;b", "a#b"})
    void rejectsValuesOutsideTheSafeSetNamingTheKey(String value) {
        assertThatThrownBy(() -> BootArgs.builder().domain(value))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("domain:")
                .extracting(e -> ((InvalidParameterException) e).field()).isEqualTo("domain");
    }

    @Test
    void rejectsAQuoteInAParsedValue() {
        assertThatThrownBy(() -> BootArgs.parse(" template=domP name=\"r-1-VM\""))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("name:");
    }

    @Test
    void neverShowsASecretValueInAnError() {
        assertThatThrownBy(() -> BootArgs.builder().vmPassword(Secret.of("top secret")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("vmpassword:")
                .message().doesNotContain("top");
        assertThatThrownBy(() -> BootArgs.builder().routerPassword(Secret.of("bad pw")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("router_password:")
                .message().doesNotContain("bad pw");
    }

    @ParameterizedTest
    @ValueSource(strings = {" eth0ip=10.1.1.300", " eth0ip=10.1.1", " eth0ip=fd00::1", " eth2ip=", " eth0ip=010.1.1.1"})
    void rejectsABadIpInEthNip(String line) {
        assertThatThrownBy(() -> BootArgs.parse(line))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith(line.substring(1, 7) + ":");
    }

    @ParameterizedTest
    @ValueSource(strings = {" type=secstorage", " type=Router", " type="})
    void rejectsABadType(String line) {
        assertThatThrownBy(() -> BootArgs.parse(line))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("type:");
    }

    @Test
    void rejectsBadTypedValues() {
        assertThatThrownBy(() -> BootArgs.parse(" eth0mask=255.0.255.0")).hasMessageStartingWith("eth0mask:");
        assertThatThrownBy(() -> BootArgs.parse(" privateMtu=9x")).hasMessageStartingWith("privateMtu:");
        assertThatThrownBy(() -> BootArgs.parse(" cidrsize=33")).hasMessageStartingWith("cidrsize:");
        assertThatThrownBy(() -> BootArgs.parse(" redundant_state=LEADER")).hasMessageStartingWith("redundant_state:");
        assertThatThrownBy(() -> BootArgs.parse(" useextdns=yes")).hasMessageStartingWith("useextdns:");
        assertThatThrownBy(() -> BootArgs.parse(" logrotatefrequency=weekly")).hasMessageStartingWith("logrotatefrequency:");
        assertThatThrownBy(() -> BootArgs.parse(" vpccidr=172.16.0.0")).hasMessageStartingWith("vpccidr:");
        assertThatThrownBy(() -> BootArgs.parse(" ip6gateway=10.0.0.1")).hasMessageStartingWith("ip6gateway:");
    }

    @Test
    void rejectsTokensThatAreNotKeyValueAndBadKeys() {
        assertThatThrownBy(() -> BootArgs.parse(" template=domP quiet")).hasMessageContaining("not key=value").hasMessageContaining("quiet");
        assertThatThrownBy(() -> BootArgs.parse(" =domP")).hasMessageContaining("not key=value");
        assertThatThrownBy(() -> BootArgs.parse(" 1key=x")).hasMessageStartingWith("boot argument key:");
        assertThatThrownBy(() -> BootArgs.builder().put("bad-key", "x")).hasMessageStartingWith("boot argument key:");
        assertThatThrownBy(() -> BootArgs.builder().put("eth0 ip", "1")).hasMessageStartingWith("boot argument key:");
        assertThatThrownBy(() -> BootArgs.builder().put("a=b", "1")).hasMessageStartingWith("boot argument key:");
    }
}
