package org.vrouter.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class RouterLocksTest {
    private final RouterLocks locks = new RouterLocks();

    @Test
    void serializesOneRouterButNotTwo() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<String> first = pool.submit(() -> locks.locked("r-1-VM", () -> {
                holding.countDown();
                await(release);
                return "first";
            }));
            assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
            Future<String> sameRouter = pool.submit(() -> locks.locked("r-1-VM", () -> "same"));
            Future<String> otherRouter = pool.submit(() -> locks.locked("r-2-VM", () -> "other"));

            assertThat(otherRouter.get(5, TimeUnit.SECONDS)).isEqualTo("other");
            assertThat(sameRouter.isDone()).isFalse();
            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
            assertThat(sameRouter.get(5, TimeUnit.SECONDS)).isEqualTo("same");
        }
        finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void isReentrant() {
        assertThat(locks.locked("r-1-VM", () -> locks.locked("r-1-VM", () -> "inner"))).isEqualTo("inner");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
