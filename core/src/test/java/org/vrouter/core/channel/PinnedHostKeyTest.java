package org.vrouter.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PublicKey;
import java.util.Base64;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.junit.jupiter.api.Test;

import org.vrouter.api.error.InvalidParameterException;

import org.vrouter.core.testsupport.ssh.TestKeys;

class PinnedHostKeyTest {
    private final PublicKey hostKey = TestKeys.hostKey().getPublic();
    private final String line = TestKeys.publicKeyLine(hostKey) + " root@r-1-VM";

    @Test
    void parsesAnOpenSshPublicKeyLineWithItsFingerprint() {
        PinnedHostKey pinned = PinnedHostKey.parse(line);

        assertThat(pinned.type()).isEqualTo("ecdsa-sha2-nistp256");
        assertThat(pinned.fingerprint()).isEqualTo(KeyUtils.getFingerPrint(hostKey));
        assertThat(pinned.matches(Base64.getDecoder().decode(line.split(" ")[1]))).isTrue();
        assertThat(pinned).hasToString("PinnedHostKey[ecdsa-sha2-nistp256 " + pinned.fingerprint() + "]");
    }

    @Test
    void rejectsALineWhoseTypeDiffersFromTheEncodedKey() {
        String mislabelled = line.replaceFirst("^ecdsa-sha2-nistp256", "ssh-ed25519");

        assertThatThrownBy(() -> PinnedHostKey.parse(mislabelled))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("key encodes type 'ecdsa-sha2-nistp256' but the line names");
    }

    @Test
    void rejectsTextThatIsNoKey() {
        assertThatThrownBy(() -> PinnedHostKey.parse("ssh-ed25519")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> PinnedHostKey.parse("ssh-ed25519 not*base64")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> PinnedHostKey.parse("ssh-ed25519 AAAA")).isInstanceOf(InvalidParameterException.class);
    }
}
