package org.vrouter.core.channel;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.secret.Secret;

/**
 * The client key an {@link SshRouterChannel} logs in with: CloudStack's system VM key
 * ({@code id_rsa.cloud}). Any private-key format JSch reads: PEM (PKCS#1, PKCS#8), OpenSSH's own
 * format, PuTTY; RSA, ECDSA or Ed25519. The key is parsed here, so an identity that exists is one
 * JSch can use. The key bytes never appear in {@link #toString()} or a message.
 */
public final class SshIdentity {
    private final byte[] privateKey;
    private final Optional<Secret> passphrase;

    private SshIdentity(byte[] privateKey, Optional<Secret> passphrase) {
        this.privateKey = requireNonNull(privateKey, "privateKey is null").clone();
        this.passphrase = requireNonNull(passphrase, "passphrase is null");
        check(this.privateKey, passphrase);
    }

    /** An unencrypted private key. */
    public static SshIdentity of(byte[] privateKey) {
        return new SshIdentity(privateKey, Optional.empty());
    }

    /** A private key encrypted with {@code passphrase}. */
    public static SshIdentity of(byte[] privateKey, Secret passphrase) {
        return new SshIdentity(privateKey, Optional.of(requireNonNull(passphrase, "passphrase is null")));
    }

    /** An unencrypted private key read from {@code file} (e.g. {@code ~/.ssh/id_rsa.cloud}). */
    public static SshIdentity fromFile(Path file) throws IOException {
        return of(Files.readAllBytes(file));
    }

    byte[] privateKey() {
        return privateKey.clone();
    }

    Optional<byte[]> passphraseBytes() {
        return passphrase.map(secret -> secret.reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void check(byte[] privateKey, Optional<Secret> passphrase) {
        KeyPair pair;
        try {
            pair = KeyPair.load(new JSch(), privateKey, null);
        }
        catch (JSchException e) {
            throw new InvalidParameterException("private_key", "is not a private key JSch can read (" + e.getMessage() + ")");
        }
        try {
            boolean usable = passphrase.isPresent()
                    ? pair.decrypt(passphrase.get().reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    : !pair.isEncrypted();
            if (!usable) {
                throw new InvalidParameterException("private_key",
                        passphrase.isPresent() ? "does not decrypt with the passphrase given" : "is encrypted; give its passphrase");
            }
        }
        finally {
            pair.dispose();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SshIdentity identity && Arrays.equals(privateKey, identity.privateKey) && passphrase.equals(identity.passphrase);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(privateKey);
    }

    @Override
    public String toString() {
        return "SshIdentity[****]";
    }
}
