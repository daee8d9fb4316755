package org.vrouter.api.vm;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;

/**
 * A router's boot arguments ({@code cmd_line}): an ordered map from key to value, delivered to the
 * router by the hypervisor as {@code key=value} words separated by spaces ({@code template=domP
 * name=r-5-VM eth0ip=10.1.1.1 ...}).
 *
 * <p>Because the router splits the line on spaces and {@code =}, keys are letters, digits and
 * {@code _}, and values hold no whitespace, quotes or control characters; an empty value is
 * allowed. Order is insertion order; setting a key again replaces its value in place (the router
 * keeps the last value of a repeated key, so the line never needs to repeat one).
 */
public final class BootArgs {
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    // Values of these keys are credentials: never printed, never named in an error.
    private static final Set<String> SECRET_KEYS = Set.of("vmpassword", "router_password", "authorized_key");
    private static final BootArgs EMPTY = new BootArgs(Map.of());

    private final Map<String, String> entries;

    private BootArgs(Map<String, String> entries) {
        this.entries = entries;
    }

    /** No arguments (a guest VM's profile). */
    public static BootArgs empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder(Map.of());
    }

    /** A builder starting from these arguments, to add or replace some. */
    public Builder toBuilder() {
        return new Builder(entries);
    }

    /** The value of {@code key}, if set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** The arguments in order, unmodifiable. */
    public Map<String, String> asMap() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The line as the hypervisor passes it: {@code key=value} words joined by single spaces. */
    public String toCommandLine() {
        StringBuilder line = new StringBuilder();
        entries.forEach((key, value) -> {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(key).append('=').append(value);
        });
        return line.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BootArgs args && List.copyOf(entries.entrySet()).equals(List.copyOf(args.entries.entrySet()));
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /**
     * The keys with their values except secrets: {@code vmpassword} and
     * {@code router_password} print as {@code ****}.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("BootArgs[");
        entries.forEach((key, value) -> {
            if (out.length() > "BootArgs[".length()) {
                out.append(' ');
            }
            out.append(key).append('=').append(SECRET_KEYS.contains(key) ? "****" : value);
        });
        return out.append(']').toString();
    }

    /** Collects arguments in order; each {@link #put} validates its key and value at once. */
    public static final class Builder {
        private final Map<String, String> entries;

        private Builder(Map<String, String> start) {
            this.entries = new LinkedHashMap<>(start);
        }

        /**
         * Sets {@code key} to {@code value}; a key already present keeps its position.
         *
         * @throws InvalidParameterException when the key is not letters, digits and {@code _}, or
         *     the value holds whitespace, quotes, control characters or {@code $(}
         */
        public Builder put(String key, String value) {
            requireNonNull(key, "key is null");
            if (!KEY.matcher(key).matches()) {
                throw new InvalidParameterException("boot_args", "key must be letters, digits and '_' (at most 64)", key);
            }
            requireValue(key, value);
            entries.put(key, value);
            return this;
        }

        /** Sets {@code key} to the decimal {@code value}. */
        public Builder put(String key, long value) {
            return put(key, Long.toString(value));
        }

        /** Sets {@code key} to {@code true} or {@code false}. */
        public Builder put(String key, boolean value) {
            return put(key, Boolean.toString(value));
        }

        /** Removes {@code key} if present. */
        public Builder remove(String key) {
            entries.remove(key);
            return this;
        }

        public BootArgs build() {
            return new BootArgs(Collections.unmodifiableMap(new LinkedHashMap<>(entries)));
        }

        private static void requireValue(String key, String value) {
            String field = "boot_args." + key;
            boolean secret = SECRET_KEYS.contains(key);
            if (secret) {
                FieldChecks.requireSafeSecret(field, value);
            }
            else {
                FieldChecks.requireSafeText(field, value);
            }
            if (value.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidParameterException(field, "must not contain whitespace", secret ? null : value);
            }
        }
    }
}
