package org.vrouter.core.dao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.ConcurrentOperationException;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RouterState;

class InMemoryRouterDaoTest {
    private final InMemoryRouterDao dao = new InMemoryRouterDao();

    private static DomainRouter router(long id) {
        return DomainRouter.builder(id, "uuid-" + id, 1, HypervisorType.KVM, 7).networkIds(List.of(200L + id % 2)).build();
    }

    @Test
    void listsAVpcsRoutersInIdOrderWhateverTiersTheyServe() {
        dao.persist(router(9).toBuilder().vpcId(3).networkIds(List.of()).build());
        dao.persist(router(4).toBuilder().vpcId(3).build());
        dao.persist(router(6).toBuilder().vpcId(8).build());
        dao.persist(router(2));

        assertThat(dao.listByVpc(3)).extracting(DomainRouter::id).containsExactly(4L, 9L);
        assertThat(dao.listByVpc(5)).isEmpty();
    }

    @Test
    void persistStoresAtVersionZeroWhateverTheCallerPassed() {
        DomainRouter stored = dao.persist(router(5).toBuilder().version(9).build());

        assertThat(stored.version()).isZero();
        assertThat(dao.findById(5)).contains(stored);
    }

    @Test
    void persistingAnIdTwiceIsAConflict() {
        dao.persist(router(5));

        assertThatThrownBy(() -> dao.persist(router(5)))
                .isInstanceOf(ConcurrentOperationException.class)
                .hasMessageContaining("r-5-VM is already stored");
    }

    @Test
    void idsComeFromACounterThatSkipsPersistedIds() {
        assertThat(dao.nextId()).isEqualTo(1);
        assertThat(dao.nextId()).isEqualTo(2);
        dao.persist(router(10));

        assertThat(dao.nextId()).isEqualTo(11);
        assertThat(new InMemoryRouterDao(500).nextId()).isEqualTo(500);
    }

    @Test
    void updateIncrementsTheVersion() {
        DomainRouter stored = dao.persist(router(3));

        DomainRouter starting = dao.update(stored.withState(RouterState.STARTING));
        DomainRouter stopped = dao.update(starting.withState(RouterState.STOPPED));

        assertThat(starting.version()).isEqualTo(1);
        assertThat(stopped.version()).isEqualTo(2);
        assertThat(dao.findById(3)).contains(stopped);
    }

    @Test
    void updateWithAStaleVersionThrowsAndKeepsTheStoredRouter() {
        DomainRouter read = dao.persist(router(3));
        DomainRouter winner = dao.update(read.withState(RouterState.STARTING));

        assertThatThrownBy(() -> dao.update(read.withState(RouterState.DESTROYED)))
                .isInstanceOf(ConcurrentOperationException.class)
                .hasMessageContaining("read version 0, now at 1");
        assertThat(dao.findById(3)).contains(winner);
    }

    @Test
    void updateOfARemovedRouterThrows() {
        DomainRouter read = dao.persist(router(3));
        dao.remove(3);

        assertThatThrownBy(() -> dao.update(read)).isInstanceOf(ConcurrentOperationException.class)
                .hasMessageContaining("no longer stored");
        assertThat(dao.findById(3)).isEmpty();
    }

    @Test
    void removingAnUnknownIdDoesNothing() {
        dao.persist(router(3));
        dao.remove(99);

        assertThat(dao.list()).extracting(DomainRouter::id).containsExactly(3L);
    }

    @Test
    void listsAreAscendingById() {
        for (long id : new long[] {9, 2, 30, 4, 17}) {
            dao.persist(router(id));
        }

        assertThat(dao.list()).extracting(DomainRouter::id).containsExactly(2L, 4L, 9L, 17L, 30L);
        assertThat(dao.listByNetwork(201)).extracting(DomainRouter::id).containsExactly(9L, 17L);
    }

    @Test
    void ofConcurrentUpdatesFromTheSameVersionExactlyOneWins() throws Exception {
        DomainRouter read = dao.persist(router(3));
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        dao.update(read.withState(RouterState.STARTING));
                        wins.incrementAndGet();
                    }
                    catch (ConcurrentOperationException e) {
                        conflicts.incrementAndGet();
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(wins.get()).isEqualTo(1);
        assertThat(conflicts.get()).isEqualTo(threads - 1);
        assertThat(dao.findById(3).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void retryingWritersNeverLoseAnUpdate() throws Exception {
        dao.persist(router(3));
        int threads = 6;
        int updatesEach = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    for (int done = 0; done < updatesEach; ) {
                        DomainRouter current = dao.findById(3).orElseThrow();
                        try {
                            dao.update(current.toBuilder().stopPending(!current.stopPending()).build());
                            done++;
                        }
                        catch (ConcurrentOperationException e) {
                            // lost the race: read again
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(dao.findById(3).orElseThrow().version()).isEqualTo((long) threads * updatesEach);
    }

    @Test
    void concurrentCallersGetDistinctIds() throws Exception {
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> {
                    for (int n = 0; n < 1000; n++) {
                        ids.add(dao.nextId());
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(10, TimeUnit.SECONDS);
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(ids).hasSize(4000).contains(1L, 4000L);
    }
}
