package org.vrouter.core.dao;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import org.vrouter.api.error.ConcurrentOperationException;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterDao;
import org.vrouter.api.validation.FieldChecks;

/**
 * The default {@link RouterDao}: routers in a concurrent map, with optimistic locking on
 * {@link DomainRouter#version()}. Used by embedders and tests that have no database of their own;
 * nothing survives the JVM.
 *
 * <p>Each method is atomic: {@link #update} compares the stored version and replaces the router in
 * one step, so of two updates that read the same version exactly one wins and the other gets a
 * {@link ConcurrentOperationException}. Ids come from a counter that never goes backwards; a router
 * persisted with an id the counter has not reached yet moves the counter past it, so
 * {@link #nextId()} never hands that id out again. Lists are ascending by id.
 */
public final class InMemoryRouterDao implements RouterDao {
    private final ConcurrentMap<Long, DomainRouter> routers = new ConcurrentHashMap<>();
    private final AtomicLong nextId;

    /** A DAO whose first id is 1. */
    public InMemoryRouterDao() {
        this(1);
    }

    /** A DAO whose first id is {@code firstId} (positive), for controllers that keep id ranges apart. */
    public InMemoryRouterDao(long firstId) {
        this.nextId = new AtomicLong(FieldChecks.requirePositive("first_id", firstId));
    }

    @Override
    public long nextId() {
        return nextId.getAndIncrement();
    }

    @Override
    public DomainRouter persist(DomainRouter router) {
        requireNonNull(router, "router is null");
        DomainRouter stored = router.toBuilder().version(0).build();
        DomainRouter previous = routers.putIfAbsent(stored.id(), stored);
        if (previous != null) {
            throw new ConcurrentOperationException(router.displayName() + " is already stored (id " + router.id() + ")");
        }
        nextId.accumulateAndGet(stored.id() + 1, Math::max);
        return stored;
    }

    @Override
    public DomainRouter update(DomainRouter router) {
        requireNonNull(router, "router is null");
        DomainRouter stored = routers.computeIfPresent(router.id(), (id, current) -> {
            if (current.version() != router.version()) {
                // thrown inside the atomic step: the stored router stays as it is
                throw ConcurrentOperationException.staleVersion(router.displayName(), router.version(), current.version());
            }
            return router.toBuilder().version(current.version() + 1).build();
        });
        if (stored == null) {
            throw new ConcurrentOperationException(router.displayName() + " is no longer stored (removed by another operation)");
        }
        return stored;
    }

    @Override
    public Optional<DomainRouter> findById(long id) {
        return Optional.ofNullable(routers.get(id));
    }

    @Override
    public List<DomainRouter> list() {
        return routers.values().stream().sorted(Comparator.comparingLong(DomainRouter::id)).toList();
    }

    /** The VPC's routers (whatever tiers they serve yet), ascending by id, without copying the others. */
    @Override
    public List<DomainRouter> listByVpc(long vpcId) {
        return routers.values().stream()
                .filter(router -> router.vpcId().isPresent() && router.vpcId().getAsLong() == vpcId)
                .sorted(Comparator.comparingLong(DomainRouter::id))
                .toList();
    }

    @Override
    public void remove(long id) {
        routers.remove(id);
    }
}
