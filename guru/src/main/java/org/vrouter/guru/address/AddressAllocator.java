package org.vrouter.guru.address;

import org.vrouter.api.net.IpAddress;

/**
 * Hands out the addresses a router holds for itself, one per pool and router, never the same
 * address to two routers of one pool (CloudStack's {@code op_dc_link_local_ip_address_alloc} for
 * the link-local control pool, the pod's private range on VMware, the guest network's IP table for
 * a redundant router's own guest address).
 *
 * <p>The guru calls {@link #allocate} and {@link #claim} while planning NICs; the router manager
 * (through {@code VirtualRouterGuru.finalizeStop}/{@code finalizeExpunge}) calls {@link #release}.
 * A host controller with its own IP address management implements this interface over it.
 * Implementations are thread-safe; each method is atomic.
 */
public interface AddressAllocator {
    /**
     * The address {@code routerId} holds in {@code pool}: the one it already holds, else the lowest
     * free address of the pool. Calling it again for the same router and pool returns the same
     * address, so planning a router twice allocates nothing more.
     *
     * @throws org.vrouter.api.error.InsufficientCapacityException when every address of the pool
     *     is held or excluded
     */
    IpAddress allocate(AddressPool pool, long routerId);

    /**
     * Records that {@code routerId} holds {@code address} in {@code pool} (an address the host
     * controller chose, such as a shared network's configured router IP), so it is never handed
     * to another router. A router holds one address per pool: a claim replaces its previous one.
     *
     * @throws org.vrouter.api.error.InvalidParameterException when the address is outside the
     *     pool's range, excluded, or held by another router
     */
    void claim(AddressPool pool, long routerId, IpAddress address);

    /** Gives back every address {@code routerId} holds in pools of {@code purpose}; nothing held is fine. */
    void release(AddressPool.Purpose purpose, long routerId);
}
