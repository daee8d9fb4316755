package org.vrouter.api.secret;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * A password, pre-shared key, private key or user data: a value that must never reach a log, an
 * exception message or a {@code toString()}. Only {@link #reveal()} gives the text, and only the
 * code that writes it to its destination should call it.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = requireNonNull(value, "value is null");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The secret text. Call it only where the value is written to its destination. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** Constant-time comparison, so equality checks do not leak the value through timing. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret
                && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), secret.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "****";
    }
}
