package org.vrouter.api.router;

import java.util.List;
import java.util.Optional;

/**
 * Storage of routers, with optimistic locking: every stored router has a {@code version}, and an
 * update succeeds only when the caller read the latest one. The default implementation is in
 * memory; a host controller may supply a database-backed one.
 *
 * <p>The DAO stores what it is given: it checks versions, not state transitions (callers move a
 * router with {@link DomainRouter#withState}). Lists are ascending by router id, which is what
 * "the first router of the network" means for redundant-state decisions. Implementations are
 * thread-safe; each method is atomic.
 */
public interface RouterDao {
    /** A fresh router id, never handed out before (the instance name {@code r-<id>-VM} depends on it). */
    long nextId();

    /**
     * Stores a new router at version 0.
     *
     * @return the stored router
     * @throws org.vrouter.api.error.ConcurrentOperationException when a router with that id is already stored
     */
    DomainRouter persist(DomainRouter router);

    /**
     * Replaces the stored router when its version equals {@code router.version()}, storing it with
     * the version incremented.
     *
     * @return the stored router, with its new version
     * @throws org.vrouter.api.error.ConcurrentOperationException when the stored version differs
     *     (another operation changed the router) or the router is no longer stored
     */
    DomainRouter update(DomainRouter router);

    Optional<DomainRouter> findById(long id);

    /** Every stored router. */
    List<DomainRouter> list();

    /** Removes the router; removing an unknown id does nothing. */
    void remove(long id);

    /** The routers serving guest network {@code networkId}. */
    default List<DomainRouter> listByNetwork(long networkId) {
        return list().stream().filter(router -> router.serves(networkId)).toList();
    }

    /** The routers of VPC {@code vpcId}. */
    default List<DomainRouter> listByVpc(long vpcId) {
        return list().stream().filter(router -> router.vpcId().isPresent() && router.vpcId().getAsLong() == vpcId).toList();
    }

    /** The routers placed on host {@code hostId}. */
    default List<DomainRouter> listByHost(long hostId) {
        return list().stream().filter(router -> router.hostId().isPresent() && router.hostId().getAsLong() == hostId).toList();
    }
}
