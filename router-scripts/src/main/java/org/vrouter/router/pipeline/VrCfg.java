package org.vrouter.router.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.wire.ConfigBatch;
import org.vrouter.commands.wire.ConfigItem;
import org.vrouter.commands.wire.FileConfigItem;
import org.vrouter.commands.wire.ScriptConfigItem;
import org.vrouter.commands.wire.payload.DatabagType;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.DatabagMerger;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;

/**
 * {@code /opt/cloud/bin/vr_cfg.sh -c <batch>}: runs a CloudStack batch ({@code VR-<uuid>.cfg}) as one
 * transaction. The batch is parsed strictly and every script item checked (only
 * {@code update_config.py <file> [false]} and {@code configure.py <file>} are accepted); every file the
 * scripts name is parsed and merged in memory, in batch order. Any failure up to there rejects the batch
 * (exit 1) with nothing changed. Then the changed bags are written, the router converged <em>once</em>,
 * and the batch moved to {@code processed/}.
 *
 * <p>File items are written byte for byte, except those an update step of the batch consumes: their
 * bytes are archived in the batch file itself, so writing each to the cache only to archive and delete
 * it (three synced file operations per file) is skipped. Inputs read from the cache are archived one by
 * one as {@code update_config} does. A crash before the batch is moved leaves it to be run again.
 *
 * <p>CloudStack means its batch to stop at the first failing line with exit 1, but its pipe-fed loop
 * carries on and exits 0; here the first failure ends the batch with a non-zero status and its message.
 */
public final class VrCfg {
    private static final Logger log = LoggerFactory.getLogger(VrCfg.class);

    private final Host host;
    private final PipelineOptions options;
    private final InputArchive archive;
    private final ConfigRun run;

    /** A one-shot run: the bags are read from disk. */
    public VrCfg(Host host, Converger converger, PayloadCodec codec, PipelineOptions options) {
        this(host, converger, codec, new DatabagStore(host, codec), options);
    }

    /**
     * A run reading and writing the bags through {@code store} (a {@link DatabagStore#caching} one in a
     * long-lived process), which must be a store of {@code host}.
     */
    public VrCfg(Host host, Converger converger, PayloadCodec codec, DatabagStore store, PipelineOptions options) {
        this.host = requireNonNull(host, "host is null");
        this.options = requireNonNull(options, "options is null");
        this.archive = new InputArchive(host, options.uuids());
        this.run = new ConfigRun(host, codec, store, converger, archive, options.settleLater());
    }

    /** One script item, checked: an update of a file, or a converge of a file type. */
    private record Step(int item, String name, boolean delete, boolean merge) {}

    /**
     * Runs the batch at a router path ({@code /var/cache/cloud/VR-<uuid>.cfg}); never throws for bad input
     * or a failed apply.
     */
    public PipelineResult run(String batchPath) {
        List<String> warnings = new ArrayList<>();
        try {
            host.resolve(batchPath);
            return ConfigLock.holding(host, options.lockTimeout(), () -> runBatch(batchPath, warnings));
        }
        catch (IllegalArgumentException e) {
            return PipelineResult.rejected(batchPath + ": not a router path: " + e.getMessage(), warnings);
        }
        catch (RejectedInputException e) {
            log.info("batch rejected: {}", e.getMessage());
            return PipelineResult.rejected(e.getMessage(), warnings);
        }
        catch (ConfigLock.LockTimeoutException e) {
            return PipelineResult.applyFailed(e.getMessage(), warnings);
        }
        catch (IOException e) {
            log.error("vr_cfg {} failed", batchPath, e);
            return PipelineResult.applyFailed(batchPath + ": " + e.getMessage(), warnings);
        }
    }

    private PipelineResult runBatch(String batchPath, List<String> warnings) throws IOException, RejectedInputException {
        String text = host.readText(batchPath)
                .orElseThrow(() -> new RejectedInputException(batchPath + ": batch file not found"));
        ConfigBatch batch;
        try {
            batch = ConfigBatch.parse(text);
        }
        catch (InvalidParameterException e) {
            throw new RejectedInputException(batchPath + ": " + e.getMessage());
        }
        List<Step> steps = steps(batch);
        Set<BagKey> converge = EnumSet.noneOf(BagKey.class);
        Map<ConfigRun.Input, Integer> fromItems = new IdentityHashMap<>();
        List<ConfigRun.Input> inputs = inputs(batch, steps, converge, fromItems);
        ConfigRun.Staged staged = run.stage(inputs, converge, warnings);
        // point of no return: the batch's files and the bags change from here on
        Set<Integer> consumed = new HashSet<>();
        staged.merged().stream().filter(fromItems::containsKey).forEach(input -> consumed.add(fromItems.get(input)));
        for (int i = 0; i < batch.items().size(); i++) {
            if (batch.items().get(i) instanceof FileConfigItem file && !consumed.contains(i)) {
                host.writeText(file.path(), file.contents(), FileMode.SECRET);
            }
        }
        PipelineResult result = PipelineResult.converged(warnings);
        if (staged.touched().isEmpty()) {
            run.writeBags(staged);
        }
        else {
            result = ConfigRun.outcome(run.writeBagsAndConverge(staged), warnings);
        }
        run.archive(staged, input -> !fromItems.containsKey(input));
        archive.moveBatch(batchPath);
        run.compactLeftJournals();
        log.info("batch {}: {} files merged, {} held back, converged once: {}", batchPath, staged.merged().size(),
                staged.heldBack().size(), result.status());
        return result;
    }

    /** The script items, each checked; anything but an update or a converge rejects the batch. */
    private static List<Step> steps(ConfigBatch batch) throws RejectedInputException {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < batch.items().size(); i++) {
            if (batch.items().get(i) instanceof ScriptConfigItem script) {
                steps.add(step(i + 1, script));
            }
        }
        return steps;
    }

    private static Step step(int item, ScriptConfigItem script) throws RejectedInputException {
        List<String> args = script.args();
        String where = "item " + item + " (" + script.commandLine() + "): ";
        boolean update = script.script().equals(ScriptConfigItem.UPDATE_CONFIG)
                && (args.size() == 1 || args.size() == 2 && args.get(1).equalsIgnoreCase("false"));
        boolean configure = script.script().equals(ScriptConfigItem.CONFIGURE) && args.size() == 1;
        if (!update && !configure) {
            throw new RejectedInputException(where + "only update_config.py <file> [false] and configure.py <file> may run in a batch");
        }
        if (!ConfigRun.isFileName(args.get(0))) {
            throw new RejectedInputException(where + "file: must be the name of a file in " + InputArchive.CACHE);
        }
        return new Step(item, args.get(0), args.size() == 2, update);
    }

    /**
     * The inputs the update steps name, parsed: each from the last file item before it that writes it (noted
     * in {@code fromItems} with that item's index), or from disk; a missing one is skipped when it was
     * processed before, else rejected. Boot arguments pending on disk go first. Converge-only steps add
     * their bags to {@code converge}.
     */
    private List<ConfigRun.Input> inputs(ConfigBatch batch, List<Step> steps, Set<BagKey> converge, Map<ConfigRun.Input, Integer> fromItems)
            throws IOException, RejectedInputException {
        List<ConfigRun.Input> inputs = new ArrayList<>();
        if (steps.stream().noneMatch(step -> step.name().equals(ConfigRun.CMD_LINE))) {
            Optional<String> pending = host.readText(InputArchive.inputPath(ConfigRun.CMD_LINE));
            if (pending.isPresent()) {
                inputs.add(run.parse(ConfigRun.CMD_LINE, pending.get(), false));
            }
        }
        Map<String, Integer> written = new HashMap<>();
        int itemIndex = 0;
        for (Step step : steps) {
            for (; itemIndex < step.item(); itemIndex++) {
                if (batch.items().get(itemIndex) instanceof FileConfigItem file) {
                    written.put(file.path(), itemIndex);
                }
            }
            if (!step.merge()) {
                converge.addAll(convergeBags(step));
                continue;
            }
            Integer item = written.get(InputArchive.inputPath(step.name()));
            Optional<String> text = item != null
                    ? Optional.of(((FileConfigItem) batch.items().get(item)).contents())
                    : host.readText(InputArchive.inputPath(step.name()));
            if (text.isPresent()) {
                ConfigRun.Input input = run.parse(step.name(), text.get(), step.delete());
                inputs.add(input);
                if (item != null) {
                    fromItems.put(input, item);
                }
            }
            else if (!archive.isArchived(step.name())) {
                throw new RejectedInputException("item " + step.item() + ": " + step.name() + ": file: not in the batch, not in "
                        + InputArchive.CACHE + " and never processed");
            }
        }
        return inputs;
    }

    private static Set<BagKey> convergeBags(Step step) throws RejectedInputException {
        try {
            return DatabagMerger.bagsOf(DatabagType.fromFileName(step.name()));
        }
        catch (InvalidParameterException e) {
            throw new RejectedInputException("item " + step.item() + ": " + step.name() + ": " + e.getMessage());
        }
    }
}
