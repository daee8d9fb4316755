package org.vrouter.core.channel;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.KeyPair;

import org.junit.jupiter.api.Test;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.secret.Secret;

import org.vrouter.core.testsupport.ssh.TestKeys;

class SshIdentityTest {
    @Test
    void acceptsAPemKeyAndNeverShowsIt() {
        SshIdentity identity = TestKeys.clientKey().identity();

        assertThat(identity).hasToString("SshIdentity[****]");
    }

    @Test
    void rejectsBytesThatAreNoPrivateKey() {
        assertThatThrownBy(() -> SshIdentity.of("not a key".getBytes(UTF_8)))
                .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("private_key: is not a private key");
    }

    @Test
    void needsTheRightPassphraseForAnEncryptedKey() throws Exception {
        KeyPair pair = KeyPair.genKeyPair(new JSch(), KeyPair.RSA, 2048);
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        pair.writePrivateKey(encrypted, "open sesame".getBytes(UTF_8));
        byte[] key = encrypted.toByteArray();

        assertThat(SshIdentity.of(key, Secret.of("open sesame"))).isNotNull();
        assertThatThrownBy(() -> SshIdentity.of(key))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("is encrypted; give its passphrase");
        assertThatThrownBy(() -> SshIdentity.of(key, Secret.of("wrong")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("does not decrypt");
    }
}
