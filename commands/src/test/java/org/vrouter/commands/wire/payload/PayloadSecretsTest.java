package org.vrouter.commands.wire.payload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Secrets travel in the JSON but never show in a payload's {@code toString()}. */
class PayloadSecretsTest {
    private final PayloadCodec codec = new PayloadCodec();

    @Test
    void hidesSecretsInToString() {
        assertHidden("vmpassword/password", "p4ssw0rd");
        assertHidden("remoteaccessvpn/create", "s3cretPSK");
        assertHidden("site2sitevpn/peer", "s3cret");
        assertHidden("vpnuserlist/users", "pw1", "pw2");
        assertHidden("bgppeers/peers", "\"pw\"", "=pw");
        assertHidden("cmdline/router-written", "1234567890");
        assertHidden("loadbalancer/transparent-ssl", "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg");
        assertHidden("vmdata/vm", "I2Nsb3VkLWNvbmZpZwo=");
    }

    @Test
    void writesSecretsAsPlainStrings() {
        String json = PayloadGoldenTest.Goldens.read("vpnuserlist/users");
        assertThat(codec.toJson(codec.parse(json))).contains("\"password\":\"pw1\"");
    }

    @Test
    void showsOrdinaryValuesInToString() {
        Payload payload = codec.parse(PayloadGoldenTest.Goldens.read("cmdline/router-written"));
        assertThat(payload.toString()).contains("name=r-20-VM").contains("router_password=****");
        Payload metadata = codec.parse(PayloadGoldenTest.Goldens.read("vmdata/vm"));
        assertThat(metadata.toString()).contains("[userdata, user-data, <20 characters>]").contains("[metadata, availability-zone, zone1]");
    }

    private void assertHidden(String golden, String... secrets) {
        String text = codec.parse(PayloadGoldenTest.Goldens.read(golden)).toString();
        for (String secret : secrets) {
            assertThat(text).as(golden).doesNotContain(secret);
        }
    }
}
