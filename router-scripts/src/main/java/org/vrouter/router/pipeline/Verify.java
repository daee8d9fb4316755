package org.vrouter.router.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.ConvergeRequest;
import org.vrouter.router.converge.ConvergeResult;
import org.vrouter.router.converge.RouterConverger;
import org.vrouter.router.converge.ServiceDrift;
import org.vrouter.router.databag.DatabagProblem;
import org.vrouter.router.databag.DatabagSnapshot;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.host.Host;

/**
 * {@code vrouter verify [--repair]}: compares the machine with what the databags on disk describe
 * ({@link RouterConverger#verify}: rendered files by hash, daemons running, kernel rules, sets and
 * addresses) and, with repair, converges every service from the machine's actual state, as a boot does
 * ({@link ConvergeRequest#everything}), then checks again. Holds the update lock throughout, so it never
 * interleaves with {@code update_config}; it merges nothing and archives nothing.
 */
public final class Verify {
    private static final Logger log = LoggerFactory.getLogger(Verify.class);

    private final Host host;
    private final RouterConverger converger;
    private final DatabagStore store;
    private final PipelineOptions options;

    public Verify(Host host, RouterConverger converger, PayloadCodec codec, PipelineOptions options) {
        this.host = requireNonNull(host, "host is null");
        this.converger = requireNonNull(converger, "converger is null");
        this.store = new DatabagStore(host, requireNonNull(codec, "codec is null"));
        this.options = requireNonNull(options, "options is null");
    }

    /**
     * Checks, and repairs when asked and needed.
     *
     * @throws IOException if the databags could not be read
     */
    public VerifyResult run(boolean repair) throws IOException {
        List<String> warnings = new ArrayList<>();
        try {
            return ConfigLock.holding(host, options.lockTimeout(), () -> check(repair, warnings));
        }
        catch (ConfigLock.LockTimeoutException e) {
            return new VerifyResult(List.of(), Optional.empty(), List.of(), warnings, e.getMessage());
        }
        catch (RejectedInputException e) {
            throw new IllegalStateException("verify merges no input", e);
        }
    }

    private VerifyResult check(boolean repair, List<String> warnings) throws IOException {
        DatabagSnapshot snapshot = store.load();
        snapshot.problems().stream().map(DatabagProblem::message).forEach(warnings::add);
        List<ServiceDrift> drift = converger.verify(snapshot.databags());
        if (!repair || drift.stream().noneMatch(ServiceDrift::needsAttention)) {
            return new VerifyResult(drift, Optional.empty(), List.of(), warnings, "");
        }
        log.info("repairing drift: {}", drift.stream().filter(ServiceDrift::needsAttention).map(ServiceDrift::service).toList());
        ConvergeResult result = converger.converge(ConvergeRequest.everything(snapshot.databags()));
        ConfigRun.addWarnings(result, warnings);
        return new VerifyResult(drift, Optional.of(result), converger.verify(snapshot.databags()), warnings, "");
    }
}
