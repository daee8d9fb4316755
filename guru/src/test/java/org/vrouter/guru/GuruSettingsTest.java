package org.vrouter.guru;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.guru.Fixtures.ip;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.network.ServiceOffering;
import org.vrouter.api.secret.Secret;

class GuruSettingsTest {
    @Test
    void defaultsAreCloudStacks() {
        GuruSettings settings = GuruSettings.defaults();

        assertThat(settings.controlCidr()).isEqualTo(Cidr.parse("169.254.0.0/16"));
        assertThat(settings.controlGateway()).isEqualTo(ip("169.254.0.1"));
        assertThat(settings.advertInterval()).isEqualTo(1);
        assertThat(settings.logRotateFrequency()).isEqualTo("*:00:00");
        assertThat(settings.defaultServiceOffering().ramMb()).isEqualTo(256);
        assertThat(settings.defaultServiceOffering().speedMhz()).isEqualTo(500);
        assertThat(settings.managementPublicKey()).isEmpty();
        assertThat(settings.useExternalDns()).isFalse();
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }

    @Test
    void rejectsAControlGatewayOutsideTheControlCidr() {
        assertThatThrownBy(() -> GuruSettings.builder().control(Cidr.parse("169.254.0.0/16"), ip("10.0.0.1")).build())
                .isInstanceOfSatisfying(InvalidParameterException.class, error -> assertThat(error.field()).isEqualTo("control.gateway"));
    }

    @Test
    void rejectsALogRotateFrequencyTheRouterCannotRead() {
        assertThatThrownBy(() -> GuruSettings.builder().logRotateFrequency("every hour").build())
                .isInstanceOfSatisfying(InvalidParameterException.class, error -> assertThat(error.field()).isEqualTo("logrotatefrequency"));
    }

    @Test
    void rejectsASystemVmPasswordThatCannotTravelInBootArgumentsWithoutShowingIt() {
        assertThatThrownBy(() -> GuruSettings.builder().systemVmPassword(Secret.of("pa ss$word")).build())
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageNotContaining("pa ss$word");
    }

    @Test
    void rejectsASearchDomainThatIsNotAHostName() {
        assertThatThrownBy(() -> GuruSettings.builder().dnsSearchOrder(List.of("good.example", "bad_domain!")).build())
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void rejectsAnIpv6ManagementRange() {
        assertThatThrownBy(() -> GuruSettings.builder().podManagementRange(3, IpRange.parse("range", "fd00::1-fd00::9")).build())
                .isInstanceOfSatisfying(InvalidParameterException.class,
                        error -> assertThat(error.field()).isEqualTo("pod_management_ranges[3]"));
    }

    @Test
    void rejectsTwoRouterOfferingsWithOneId() {
        ServiceOffering small = ServiceOffering.of(40, "small", "Small", 1, 500, 256);
        ServiceOffering large = ServiceOffering.of(40, "large", "Large", 2, 1000, 1024);

        assertThatThrownBy(() -> GuruSettings.builder().routerServiceOfferings(List.of(small, large)))
                .isInstanceOf(InvalidParameterException.class);
    }
}
