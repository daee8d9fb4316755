package org.vrouter.router.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.ConvergeResult;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.host.Host;

/**
 * {@code /opt/cloud/bin/update_config.py <file> [false]}: merges one delivered file
 * ({@code /var/cache/cloud/<file>}) into its databag and converges, with CloudStack's semantics
 * (wire-format §4):
 * <ol>
 *   <li>one or two arguments, else exit 1; a second argument {@code false} (any case) deletes the input
 *       instead of archiving it;</li>
 *   <li>a missing input is exit 0 when {@code processed/<file>.gz} exists (a redelivery), else exit 1;</li>
 *   <li>boot arguments still pending in {@code cmd_line.json} are merged first;</li>
 *   <li>every input is parsed and validated, and merged in memory, before anything changes: a rejected
 *       input is exit 1 with one line naming the file, entry and field, and leaves every file as it was;</li>
 *   <li>the guest-network guard holds back a re-added guest network (left in place, converge only);</li>
 *   <li>changed bags are written atomically while the converge runs, then the inputs are archived (gzip)
 *       or deleted. A failed converge is exit 2 naming the service.</li>
 * </ol>
 * Runs hold a lock, so two never interleave. Unlike CloudStack the input is archived after the
 * converge, so that a crash before the archive leaves it to be run again (see {@code docs/router-merge.md}).
 */
public final class UpdateConfig {
    private static final Logger log = LoggerFactory.getLogger(UpdateConfig.class);
    private static final String USAGE = "usage: update_config.py <file> [false]";

    private final Host host;
    private final PipelineOptions options;
    private final InputArchive archive;
    private final ConfigRun run;

    /** A one-shot run: the bags are read from disk. */
    public UpdateConfig(Host host, Converger converger, PayloadCodec codec, PipelineOptions options) {
        this(host, converger, codec, new DatabagStore(host, codec), options);
    }

    /**
     * A run reading and writing the bags through {@code store} (a {@link DatabagStore#caching} one in a
     * long-lived process), which must be a store of {@code host}.
     */
    public UpdateConfig(Host host, Converger converger, PayloadCodec codec, DatabagStore store, PipelineOptions options) {
        this.host = requireNonNull(host, "host is null");
        this.options = requireNonNull(options, "options is null");
        this.archive = new InputArchive(host, options.uuids());
        this.run = new ConfigRun(host, codec, store, converger, archive, options.settleLater());
    }

    /** Runs with CloudStack's arguments ({@code <file> [false]}); never throws for bad input or a failed apply. */
    public PipelineResult run(List<String> args) {
        List<String> warnings = new ArrayList<>();
        if (args.isEmpty() || args.size() > 2) {
            return PipelineResult.rejected(USAGE, warnings);
        }
        String name = args.get(0);
        boolean delete = args.size() == 2 && args.get(1).equalsIgnoreCase("false");
        if (!ConfigRun.isFileName(name)) {
            return PipelineResult.rejected(name + ": file: must be the name of a file in " + InputArchive.CACHE, warnings);
        }
        try {
            return ConfigLock.holding(host, options.lockTimeout(), () -> update(name, delete, warnings));
        }
        catch (RejectedInputException e) {
            log.info("rejected: {}", e.getMessage());
            return PipelineResult.rejected(e.getMessage(), warnings);
        }
        catch (ConfigLock.LockTimeoutException e) {
            return PipelineResult.applyFailed(e.getMessage(), warnings);
        }
        catch (IOException e) {
            log.error("update_config {} failed", name, e);
            return PipelineResult.applyFailed(name + ": " + e.getMessage(), warnings);
        }
    }

    private PipelineResult update(String name, boolean delete, List<String> warnings) throws IOException, RejectedInputException {
        Optional<String> text = host.readText(InputArchive.inputPath(name));
        if (text.isEmpty()) {
            if (archive.isArchived(name)) {
                log.info("{} was processed before; nothing to do", name);
                return PipelineResult.converged(warnings);
            }
            throw new RejectedInputException(name + ": file: not found in " + InputArchive.CACHE + " and never processed");
        }
        List<ConfigRun.Input> inputs = new ArrayList<>();
        if (!name.equals(ConfigRun.CMD_LINE)) {
            Optional<String> pending = host.readText(InputArchive.inputPath(ConfigRun.CMD_LINE));
            if (pending.isPresent()) {
                inputs.add(run.parse(ConfigRun.CMD_LINE, pending.get(), false));
            }
        }
        inputs.add(run.parse(name, text.get(), delete));
        ConfigRun.Staged staged = run.stage(inputs, Set.of(), warnings);
        // point of no return: from here on the bags change
        if (deferred(name)) {
            run.writeBags(staged);
            run.archive(staged);
            run.compactLeftJournals();
            log.info("{} merged; converge deferred (DEFER_CONFIG)", name);
            return PipelineResult.converged(warnings);
        }
        ConvergeResult result = run.writeBagsAndConverge(staged);
        run.archive(staged);
        run.compactLeftJournals();
        log.info("{}: merged {} file(s), converged {}: {} service(s), success {}", name, staged.merged().size(), staged.touched(),
                result.services().size(), result.success());
        return ConfigRun.outcome(result, warnings);
    }

    /** CloudStack's batch runner defers the DHCP and metadata converges to its end. */
    private boolean deferred(String name) {
        return options.deferConfig() && (name.contains("vm_dhcp_entry.json") || name.contains("vm_metadata.json"));
    }
}
