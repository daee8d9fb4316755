package org.vrouter.router.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vrouter.router.converge.ConvergeRequest;
import org.vrouter.router.converge.ConvergeResult;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.converge.ServiceOutcome;

/** A converger for tests: records every request and answers success, or a failure of one service. */
final class RecordingConverger implements Converger {
    private final List<ConvergeRequest> requests = new ArrayList<>();
    private Optional<String> failure = Optional.empty();
    private int settles;

    /** Later converges report {@code service} as failed with {@code detail}. */
    RecordingConverger failing(String service) {
        failure = Optional.of(service);
        return this;
    }

    @Override
    public synchronized ConvergeResult converge(ConvergeRequest request) {
        requests.add(request);
        return ConvergeResult.of(failure
                .map(service -> List.of(new ServiceOutcome(service, ServiceOutcome.Status.FAILED, "iptables-restore: line 3 failed", Duration.ZERO)))
                .orElse(List.of(new ServiceOutcome("recording", ServiceOutcome.Status.APPLIED, "", Duration.ZERO))));
    }

    /** Counts the settles; has nothing to write. */
    @Override
    public synchronized boolean settle() {
        settles++;
        return false;
    }

    synchronized int settles() {
        return settles;
    }

    synchronized List<ConvergeRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized ConvergeRequest last() {
        return requests.get(requests.size() - 1);
    }
}
