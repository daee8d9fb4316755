package org.vrouter.router.host;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Compares a rendered file with the one on the machine, for {@code vrouter verify}: bytes, reported by
 * SHA-256 so that a secret file's content never reaches a report.
 */
public final class FileDrift {
    private FileDrift() {}

    /**
     * One line describing how the file at {@code path} differs from {@code expected}
     * ({@code /etc/hosts: sha256 1f2e... on disk, 9a8b... rendered}, or {@code missing}); empty when equal.
     */
    public static Optional<String> of(Host host, String path, byte[] expected) throws IOException {
        requireNonNull(expected, "expected is null");
        Optional<byte[]> actual = requireNonNull(host, "host is null").read(path);
        if (actual.isPresent() && Arrays.equals(actual.get(), expected)) {
            return Optional.empty();
        }
        String disk = actual.map(FileDrift::sha256).map(hash -> "sha256 " + hash + " on disk").orElse("missing");
        return Optional.of(path + ": " + disk + ", " + sha256(expected) + " rendered");
    }

    /** The first 16 hex digits of the SHA-256 of {@code content}: enough to tell files apart in a report. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
