package org.vrouter.hypervisor.vmware.vsphere;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.secret.Secret;

class VsphereEndpointTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void acceptsADomainQualifiedUserAndShowsNoPassword() {
        VsphereEndpoint endpoint = new VsphereEndpoint(URI.create("https://vc.example/sdk"), "CORP\\vrouter", Secret.of("p\"a$(ss"), false, TIMEOUT);

        assertThat(endpoint.toString()).isEqualTo("CORP\\vrouter@https://vc.example/sdk").doesNotContain("ss");
    }

    @Test
    void rejectsPlainHttpAndCredentialsInTheUrl() {
        assertThatThrownBy(() -> new VsphereEndpoint(URI.create("http://vc.example/sdk"), "u", Secret.of("p"), false, TIMEOUT))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("vcenter_url");
        assertThatThrownBy(() -> new VsphereEndpoint(URI.create("https://u:p@vc.example/sdk"), "u", Secret.of("p"), false, TIMEOUT))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("vcenter_url");
    }

    @Test
    void rejectsAnEmptyPasswordAndANonPositiveTimeout() {
        assertThatThrownBy(() -> new VsphereEndpoint(URI.create("https://vc.example/sdk"), "u", Secret.of(""), false, TIMEOUT))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("vcenter_password");
        assertThatThrownBy(() -> new VsphereEndpoint(URI.create("https://vc.example/sdk"), "u", Secret.of("p"), false, Duration.ZERO))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("vcenter_call_timeout");
    }
}
