package org.vrouter.api.network;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.WireNames;

/**
 * The open registry behind {@link Service}, {@link Provider} and {@link Capability}: values are
 * found by name ignoring case, the first value registered under a name stays the one found, and
 * {@link #all()} keeps registration order. Thread-safe.
 *
 * @param <T> the registered type
 */
final class NameRegistry<T> {
    private final String kind;
    private final Map<String, T> byName = new ConcurrentHashMap<>();
    private final List<T> order = new CopyOnWriteArrayList<>();

    /** @param kind what the registry holds ({@code service}), for error messages */
    NameRegistry(String kind) {
        this.kind = kind;
    }

    /** Registers {@code value} under {@code name} unless a value already holds that name (ignoring case). */
    void register(String name, T value) {
        if (byName.putIfAbsent(WireNames.key(name), value) == null) {
            order.add(value);
        }
    }

    Optional<T> find(String name) {
        requireNonNull(name, "name is null");
        return Optional.ofNullable(byName.get(WireNames.key(name)));
    }

    /** @throws InvalidParameterException naming {@code field} when {@code name} is missing or unknown; lists the known names */
    T require(String field, String name) {
        if (name == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        return find(name).orElseThrow(() -> new InvalidParameterException(field, "unknown " + kind + " (known: " + all() + ")", name));
    }

    List<T> all() {
        return List.copyOf(order);
    }
}
