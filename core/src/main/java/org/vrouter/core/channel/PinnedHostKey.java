package org.vrouter.core.channel;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.vrouter.api.error.InvalidParameterException;

/**
 * {@link HostKeyPolicy#pinned(String)}: exactly one acceptable host key. The channel asks the
 * server for this key's algorithm only, so a server with several host keys presents this one.
 */
public final class PinnedHostKey implements HostKeyPolicy {
    private final String type;
    private final byte[] blob;

    private PinnedHostKey(String type, byte[] blob) {
        this.type = type;
        this.blob = blob;
    }

    /**
     * Parses an OpenSSH public key line: {@code <type> <base64 key> [comment]}.
     *
     * @throws InvalidParameterException when the line is not a public key of a known type, or its
     *     encoded type differs from the one written in front of it
     */
    public static PinnedHostKey parse(String publicKeyLine) {
        requireNonNull(publicKeyLine, "publicKeyLine is null");
        String[] words = publicKeyLine.trim().split("\\s+");
        if (words.length < 2) {
            throw new InvalidParameterException("host_key", "expected '<type> <base64 key> [comment]'", publicKeyLine);
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(words[1]);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidParameterException("host_key", "key is not base64", words[1]);
        }
        String encodedType = typeInBlob(blob);
        if (!encodedType.equals(words[0])) {
            throw new InvalidParameterException("host_key", "key encodes type '" + encodedType + "' but the line names", words[0]);
        }
        if (signatureAlgorithms(words[0]).isEmpty()) {
            throw new InvalidParameterException("host_key", "unsupported key type", words[0]);
        }
        return new PinnedHostKey(words[0], blob);
    }

    /** The key type, e.g. {@code ssh-ed25519}. */
    public String type() {
        return type;
    }

    /** Whether {@code offered} (the SSH wire encoding of a public key) is this key. */
    public boolean matches(byte[] offered) {
        return MessageDigest.isEqual(blob, offered);
    }

    /** OpenSSH's fingerprint of this key: {@code SHA256:<base64>}. */
    public String fingerprint() {
        return fingerprint(blob);
    }

    /** OpenSSH's fingerprint of any key blob. */
    static String fingerprint(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The host key algorithms that verify with a key of this type, best first. */
    List<String> signatureAlgorithms() {
        return signatureAlgorithms(type);
    }

    private static List<String> signatureAlgorithms(String type) {
        return switch (type) {
            case "ssh-rsa" -> List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
            case "ssh-ed25519", "ssh-ed448", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521" -> List.of(type);
            default -> List.of();
        };
    }

    private static String typeInBlob(byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        if (buffer.remaining() < 4) {
            throw new InvalidParameterException("host_key", "key is too short");
        }
        int length = buffer.getInt();
        if (length <= 0 || length > buffer.remaining() || length > 64) {
            throw new InvalidParameterException("host_key", "key does not start with its type");
        }
        byte[] name = new byte[length];
        buffer.get(name);
        return new String(name, StandardCharsets.US_ASCII);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PinnedHostKey key && Arrays.equals(blob, key.blob);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return "PinnedHostKey[" + type + " " + fingerprint() + "]";
    }
}
