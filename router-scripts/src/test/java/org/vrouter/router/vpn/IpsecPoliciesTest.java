package org.vrouter.router.vpn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.vrouter.api.error.InvalidParameterException;

class IpsecPoliciesTest {
    @Test
    void givesTheGroupToTheIkeProposal() {
        assertThat(IpsecPolicies.ike("ike_policy", "aes128-sha1;modp1536")).isEqualTo("aes128-sha1-modp1536");
    }

    @Test
    void givesTheGroupToEveryPairNotOnlyTheLast() {
        assertThat(IpsecPolicies.ike("ike_policy", "aes256-sha256,3des-md5;modp2048")).isEqualTo("aes256-sha256-modp2048,3des-md5-modp2048");
    }

    @Test
    void espWithoutAGroupHasNoPerfectForwardSecrecy() {
        assertThat(IpsecPolicies.esp("esp_policy", "aes128-sha1")).isEqualTo("aes128-sha1");
        assertThat(IpsecPolicies.esp("esp_policy", "aes192-sha512;modp8192")).isEqualTo("aes192-sha512-modp8192");
    }

    @Test
    void acceptsUpperCaseAsCloudStackUsersTypeIt() {
        assertThat(IpsecPolicies.ike("ike_policy", "AES128-SHA1;MODP1024")).isEqualTo("aes128-sha1-modp1024");
    }

    @Test
    void rejectsAnIkePolicyWithoutGroup() {
        assertThatThrownBy(() -> IpsecPolicies.ike("ike_policy", "aes128-sha1")).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("ike_policy").hasMessageContaining("Diffie-Hellman group");
    }

    @Test
    void rejectsAnUnsupportedCipherNamingFieldAndAcceptedValues() {
        assertThatThrownBy(() -> IpsecPolicies.esp("esp_policy", "blowfish-sha1")).isInstanceOf(InvalidParameterException.class)
                .satisfies(e -> assertThat(((InvalidParameterException) e).field()).isEqualTo("esp_policy"))
                .hasMessageContaining("cipher 'blowfish' is not supported").hasMessageContaining("aes128");
    }

    @Test
    void rejectsAnUnsupportedHashAndGroup() {
        assertThatThrownBy(() -> IpsecPolicies.esp("esp_policy", "aes128-sha3")).hasMessageContaining("hash 'sha3'");
        assertThatThrownBy(() -> IpsecPolicies.ike("ike_policy", "aes128-sha1;ecp256")).hasMessageContaining("group 'ecp256'");
    }

    @Test
    void rejectsMalformedPolicies() {
        for (String policy : new String[] {"", "aes128", "aes128-sha1-modp1024", "aes128-sha1;modp1024;modp2048", "aes128-sha1,"}) {
            assertThatThrownBy(() -> IpsecPolicies.ike("ike_policy", policy)).as(policy).isInstanceOf(InvalidParameterException.class)
                    .hasMessageContaining("ike_policy");
        }
    }
}
