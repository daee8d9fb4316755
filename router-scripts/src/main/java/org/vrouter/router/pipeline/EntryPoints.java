package org.vrouter.router.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.host.Host;

/**
 * The router's two entry points as a process sees them, arguments in and {@link EntryOutcome} out, for
 * one router: {@code update_config <file> [false]} and {@code vr_cfg -c <batch>}. Shared by the one-shot
 * command line ({@code vrouter update-config}, {@code vrouter vr-cfg}) and {@code vrouterd}, so that a
 * request gets the same exit status and the same stderr lines whichever of them runs it. The
 * {@code FILE} argument is located as {@link InputLocator} says; everything else is {@link UpdateConfig}
 * and {@link VrCfg}.
 *
 * <p>Calls may come from several threads; the pipelines' lock serialises the runs.
 */
public final class EntryPoints {
    /** The usage line of a wrong number of {@code update-config} arguments (exit 1, as CloudStack's script does). */
    public static final String UPDATE_CONFIG_USAGE = "usage: vrouter update-config [--root DIR] [--netns NAME] [--dry-run] FILE [false]";
    /** The usage line of a {@code vr-cfg} without its batch file (exit 64). */
    public static final String VR_CFG_USAGE = "usage: vrouter vr-cfg [--root DIR] [--netns NAME] [--dry-run] -c FILE";

    private final Host host;
    private final Converger converger;
    private final PayloadCodec codec;
    private final DatabagStore store;
    private final PipelineOptions options;

    /**
     * @param store the bags of {@code host}: a plain store for one run, a {@link DatabagStore#caching} one
     *     in a long-lived process
     */
    public EntryPoints(Host host, Converger converger, PayloadCodec codec, DatabagStore store, PipelineOptions options) {
        this.host = requireNonNull(host, "host is null");
        this.converger = requireNonNull(converger, "converger is null");
        this.codec = requireNonNull(codec, "codec is null");
        this.store = requireNonNull(store, "store is null");
        this.options = requireNonNull(options, "options is null");
    }

    /** For one run: bags read from disk, default options. */
    public static EntryPoints oneShot(Host host, Converger converger) {
        PayloadCodec codec = new PayloadCodec();
        return new EntryPoints(host, converger, codec, new DatabagStore(host, codec), PipelineOptions.defaults());
    }

    public Host host() {
        return host;
    }

    /**
     * {@code update_config FILE [false]}: {@code FILE} a name in {@code /var/cache/cloud/}, a router path,
     * or a path on this machine (copied into the cache).
     *
     * @param deferConfig CloudStack's {@code DEFER_CONFIG}: merge DHCP entries and VM metadata without converging
     * @throws IOException only when copying a file into the cache fails; the pipeline reports its own failures
     */
    public EntryOutcome updateConfig(List<String> args, boolean deferConfig) throws IOException {
        if (args.isEmpty() || args.size() > 2) {
            return new EntryOutcome(PipelineResult.Status.REJECTED.exitCode(), List.of(UPDATE_CONFIG_USAGE));
        }
        List<String> pipelineArgs = new ArrayList<>(args);
        try {
            pipelineArgs.set(0, InputLocator.name(InputLocator.locate(host, args.get(0), true)));
        }
        catch (InputLocator.UnusableInputException e) {
            return EntryOutcome.usage("vrouter update-config: " + e.getMessage());
        }
        UpdateConfig updateConfig = new UpdateConfig(host, converger, codec, store, options.withDeferConfig(deferConfig));
        return EntryOutcome.of(updateConfig.run(pipelineArgs));
    }

    /**
     * Writes what the runs of these entry points left for later ({@link PipelineOptions#settleLater}), under the
     * pipeline's lock: vrouterd calls it once a router is idle.
     *
     * @return whether anything was written
     * @throws IOException if something could not be written (it is still left), or the lock was not had in time
     */
    public boolean settle() throws IOException {
        ConfigRun run = new ConfigRun(host, codec, store, converger, new InputArchive(host, options.uuids()), options.settleLater());
        try {
            return ConfigLock.holding(host, options.lockTimeout(), run::settle);
        }
        catch (ConfigLock.LockTimeoutException e) {
            throw new IOException(e.getMessage(), e);
        }
        catch (RejectedInputException e) {
            throw new IllegalStateException("settling merges no input", e);
        }
    }

    /** Whether runs leave work for {@link #settle}. */
    public boolean settlesLater() {
        return options.settleLater();
    }

    /**
     * {@code vr_cfg -c FILE}: {@code FILE} a name in {@code /var/cache/cloud/}, a router path, or a path on
     * this machine.
     *
     * @throws IOException only when copying a file into the cache fails
     */
    public EntryOutcome vrCfg(String file) throws IOException {
        String batch;
        try {
            batch = InputLocator.locate(host, file, false);
        }
        catch (InputLocator.UnusableInputException e) {
            return EntryOutcome.usage("vrouter vr-cfg: " + e.getMessage());
        }
        return EntryOutcome.of(new VrCfg(host, converger, codec, store, options).run(batch));
    }
}
