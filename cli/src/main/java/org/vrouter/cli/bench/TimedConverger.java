package org.vrouter.cli.bench;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;

import org.vrouter.router.converge.ConvergeRequest;
import org.vrouter.router.converge.ConvergeResult;
import org.vrouter.router.converge.Converger;

/** A converger that remembers how long its last converge took, so that the benchmark can show the converger's share. */
final class TimedConverger implements Converger {
    private final Converger delegate;
    private Duration last = Duration.ZERO;

    TimedConverger(Converger delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    @Override
    public ConvergeResult converge(ConvergeRequest request) {
        long start = System.nanoTime();
        try {
            return delegate.converge(request);
        }
        finally {
            record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    @Override
    public boolean settle() throws IOException {
        return delegate.settle();
    }

    private synchronized void record(Duration elapsed) {
        last = elapsed;
    }

    /** The last converge's duration; zero before the first. The daemon's worker writes it, the benchmark reads it. */
    synchronized Duration last() {
        return last;
    }

    /** Forgets the last converge, so that a run without one reads zero. */
    synchronized void reset() {
        last = Duration.ZERO;
    }
}
