package org.vrouter.guru.address;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.error.InsufficientCapacityException;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * The default {@link AddressAllocator}: pools kept in memory, lowest free address first. State is
 * lost with the process, so a controller that restarts with running routers claims their addresses
 * again ({@link #claim}) before planning new ones. Thread-safe (one lock for all pools; allocation
 * is rare and short).
 */
public final class InMemoryAddressAllocator implements AddressAllocator {
    /** Holders of one pool's addresses, both ways. */
    private static final class PoolState {
        private final AddressPool.Purpose purpose;
        private final Map<IpAddress, Long> holders = new HashMap<>();
        private final Map<Long, IpAddress> addresses = new HashMap<>();

        private PoolState(AddressPool.Purpose purpose) {
            this.purpose = purpose;
        }

        private void hold(long routerId, IpAddress address) {
            IpAddress previous = addresses.put(routerId, address);
            if (previous != null) {
                holders.remove(previous);
            }
            holders.put(address, routerId);
        }
    }

    private final Map<String, PoolState> pools = new HashMap<>();

    @Override
    public synchronized IpAddress allocate(AddressPool pool, long routerId) {
        requireNonNull(pool, "pool is null");
        FieldChecks.requirePositive("router_id", routerId);
        PoolState state = state(pool);
        IpAddress held = state.addresses.get(routerId);
        if (held != null && pool.range().contains(held) && !pool.excluded().contains(held)) {
            return held;
        }
        IpAddress last = pool.range().last();
        for (IpAddress candidate = pool.range().first(); candidate.compareTo(last) <= 0; candidate = Addresses.add(candidate, 1)) {
            if (!pool.excluded().contains(candidate) && !state.holders.containsKey(candidate)) {
                state.hold(routerId, candidate);
                return candidate;
            }
            if (candidate.equals(last)) {
                break;
            }
        }
        throw new InsufficientCapacityException("address in pool " + pool.name(),
                "every address of " + pool.range() + " is held or excluded (router " + routerId + ")");
    }

    @Override
    public synchronized void claim(AddressPool pool, long routerId, IpAddress address) {
        requireNonNull(pool, "pool is null");
        FieldChecks.requirePositive("router_id", routerId);
        requireNonNull(address, "address is null");
        if (!pool.range().contains(address) || pool.excluded().contains(address)) {
            throw new InvalidParameterException("ip_address", "not an address pool " + pool.name() + " hands out (" + pool.range()
                    + " without " + pool.excluded() + ")", address);
        }
        PoolState state = state(pool);
        Long holder = state.holders.get(address);
        if (holder != null && holder != routerId) {
            throw new InvalidParameterException("ip_address", "held by router " + holder + " in pool " + pool.name(), address);
        }
        state.hold(routerId, address);
    }

    @Override
    public synchronized void release(AddressPool.Purpose purpose, long routerId) {
        requireNonNull(purpose, "purpose is null");
        for (PoolState state : pools.values()) {
            if (state.purpose == purpose) {
                IpAddress address = state.addresses.remove(routerId);
                if (address != null) {
                    state.holders.remove(address);
                }
            }
        }
    }

    /** The address {@code routerId} holds in the pool named {@code poolName}, if any. */
    public synchronized Optional<IpAddress> heldBy(String poolName, long routerId) {
        PoolState state = pools.get(poolName);
        return state == null ? Optional.empty() : Optional.ofNullable(state.addresses.get(routerId));
    }

    private PoolState state(AddressPool pool) {
        PoolState state = pools.computeIfAbsent(pool.name(), name -> new PoolState(pool.purpose()));
        if (state.purpose != pool.purpose()) {
            throw new InvalidParameterException("pool", "already used for " + state.purpose + " addresses", pool.name());
        }
        return state;
    }
}
