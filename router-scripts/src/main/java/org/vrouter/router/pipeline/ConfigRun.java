package org.vrouter.router.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.wire.payload.DatabagType;
import org.vrouter.commands.wire.payload.DhcpEntryPayload;
import org.vrouter.commands.wire.payload.GuestNetworkPayload;
import org.vrouter.commands.wire.payload.Payload;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.converge.ConvergeRequest;
import org.vrouter.router.converge.ConvergeResult;
import org.vrouter.router.converge.Converger;
import org.vrouter.router.converge.ServiceOutcome;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.DatabagMerger;
import org.vrouter.router.databag.DatabagProblem;
import org.vrouter.router.databag.DatabagSnapshot;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.InterfaceMacs;
import org.vrouter.router.host.Host;

/**
 * The steps both entry points share, in the order they run under the lock:
 * {@link #parse} every input strictly, {@link #stage} (load the bags, merge everything in memory) — up
 * to here a failure is a rejection and nothing has changed — then {@link #writeBags}, {@link #converge}
 * and {@link #archive}, and {@link #compactLeftJournals} unless vrouterd settles the router after its reply
 * ({@link #settle}). Each bag write (or journal record) is atomic and every merge idempotent, so a crash
 * anywhere leaves the inputs that are not yet archived in place, and re-running them reaches the same state.
 */
final class ConfigRun {
    static final String CMD_LINE = "cmd_line.json";

    private static final Logger log = LoggerFactory.getLogger(ConfigRun.class);
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,254}");
    private static final String GUEST_NETWORK_FILE = "guest_network.json";
    /** Writes bags while a converge runs ({@link #writeBagsAndConverge}); shared by every router of the process. */
    private static final ExecutorService BAG_WRITER = bagWriter();

    private final Host host;
    private final PayloadCodec codec;
    private final DatabagStore store;
    private final Converger converger;
    private final InputArchive archive;
    private final boolean settleLater;

    /**
     * @param settleLater whether vrouterd settles the router after its reply ({@link PipelineOptions#settleLater}):
     *     a changed bag is then recorded in its journal, and compacted by the settle
     */
    ConfigRun(Host host, PayloadCodec codec, DatabagStore store, Converger converger, InputArchive archive, boolean settleLater) {
        this.host = requireNonNull(host, "host is null");
        this.codec = requireNonNull(codec, "codec is null");
        this.store = requireNonNull(store, "store is null");
        this.converger = requireNonNull(converger, "converger is null");
        this.archive = requireNonNull(archive, "archive is null");
        this.settleLater = settleLater;
    }

    /** One parsed input file and what to do with it once merged. */
    record Input(String name, DatabagType type, Payload payload, boolean delete) {}

    /** What a run will write: the merged bags, the bags to converge, and which inputs were merged or held back. */
    record Staged(DatabagSnapshot before, Databags after, Set<BagKey> touched, List<Input> merged, List<Input> heldBack) {}

    /** A name CloudStack puts in {@code /var/cache/cloud/}: a plain file name. */
    static boolean isFileName(String name) {
        return FILE_NAME.matcher(name).matches() && !name.equals("..");
    }

    /** Reads an input strictly: its type from its name, every field validated. */
    Input parse(String name, String text, boolean delete) throws RejectedInputException {
        try {
            DatabagType type = DatabagType.fromFileName(name);
            return new Input(name, type, codec.parse(text, type.payloadClass()), delete);
        }
        catch (InvalidParameterException e) {
            throw new RejectedInputException(name + ": " + e.getMessage());
        }
    }

    /**
     * Loads the bags and merges the inputs in order, in memory. Problems reading the bags become warnings.
     *
     * @throws RejectedInputException when an input cannot apply to the current state
     */
    Staged stage(List<Input> inputs, Set<BagKey> alsoConverge, List<String> warnings) throws IOException, RejectedInputException {
        DatabagSnapshot snapshot = store.load();
        for (DatabagProblem problem : snapshot.problems()) {
            log.info("unreadable databag content: {}", problem.message());
            warnings.add(problem.message());
        }
        InterfaceMacs macs = inputs.stream().anyMatch(input -> input.type() == DatabagType.IP_ASSOCIATIONS)
                ? InterfaceInventory.read(host) : InterfaceMacs.none();
        Databags bags = snapshot.databags();
        Set<BagKey> touched = EnumSet.noneOf(BagKey.class);
        touched.addAll(alsoConverge);
        List<Input> merged = new ArrayList<>();
        List<Input> heldBack = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            touched.addAll(DatabagMerger.bagsOf(input.type()));
            if (input.type() == DatabagType.VM_DHCP_ENTRY) {
                // a run of DHCP entries (a boot batch: one file per VM NIC) merges in one pass, as each would in turn
                int end = dhcpRunEnd(inputs, i);
                List<Input> run = inputs.subList(i, end);
                bags = DatabagMerger.mergeDhcpEntries(bags, run.stream().map(entry -> (DhcpEntryPayload) entry.payload()).toList());
                merged.addAll(run);
                i = end - 1;
            }
            else {
                bags = mergeOne(bags, input, macs, merged, heldBack);
            }
        }
        return new Staged(snapshot, bags, touched, merged, heldBack);
    }

    /** One input merged (added to {@code merged}), or held back by the guest-network guard (added to {@code heldBack}). */
    private static Databags mergeOne(Databags bags, Input input, InterfaceMacs macs, List<Input> merged, List<Input> heldBack)
            throws RejectedInputException {
        Databags candidate;
        try {
            candidate = DatabagMerger.merge(bags, input.payload(), macs);
        }
        catch (InvalidParameterException e) {
            throw new RejectedInputException(input.name() + ": " + e.getMessage());
        }
        // an identical re-add merges as a no-op: an update interrupted after its bags were written completes
        if (!candidate.equals(bags) && guestNetworkGuard(bags, input)) {
            log.info("{}: guest network already configured; not merged, left in place", input.name());
            heldBack.add(input);
            return bags;
        }
        merged.add(input);
        return candidate;
    }

    private static int dhcpRunEnd(List<Input> inputs, int start) {
        int end = start;
        while (end < inputs.size() && inputs.get(end).type() == DatabagType.VM_DHCP_ENTRY) {
            end++;
        }
        return end;
    }

    /**
     * CloudStack's guard against re-adding a guest network: when some eth1..eth9 already has one, an added
     * network for a configured device, or with the MAC and address of a configured one, is not merged. Asked
     * only for a re-add that would change the bags.
     */
    private static boolean guestNetworkGuard(Databags bags, Input input) {
        if (!input.name().startsWith(GUEST_NETWORK_FILE) || !(input.payload() instanceof GuestNetworkPayload network) || !network.add()) {
            return false;
        }
        Map<String, GuestNetworkPayload> devices = bags.guestNetwork().devices();
        boolean anyConfigured = devices.keySet().stream().anyMatch(device -> device.matches("eth[1-9]"));
        return anyConfigured && (devices.containsKey(network.device()) || devices.values().stream().anyMatch(existing ->
                existing.macAddress().equals(network.macAddress()) && existing.routerGuestIp().equals(network.routerGuestIp())));
    }

    /** Writes the bags the merge changed (and only those), keeping a copy of any that could not be read. */
    void writeBags(Staged staged) throws IOException {
        writeBags(staged, staged.before().databags().differences(staged.after()));
    }

    /** Writes the bags of {@code changed}, the keys of the bags the merge changed. */
    private void writeBags(Staged staged, Collection<BagKey> changed) throws IOException {
        for (BagKey key : changed) {
            if (staged.before().hasProblems(key)) {
                store.preserve(key);
            }
            if (settleLater) {
                // one more entry of 10,000 is a record of a few hundred bytes; the settle writes the bag whole
                store.record(staged.after().get(key));
            }
            else {
                store.write(staged.after().get(key));
            }
        }
    }

    /** Converges the merged bags; the bags as loaded before the merge let services clean up what the change made stale. */
    ConvergeResult converge(Staged staged) throws IOException {
        ConvergeResult result = converger.converge(new ConvergeRequest(staged.after(), staged.touched(), Optional.of(staged.before().databags())));
        if (!settleLater) {
            // CloudStack's derived files, written while the bags are (see writeBagsAndConverge)
            converger.settle();
        }
        return result;
    }

    /**
     * {@link #writeBags} and {@link #converge} side by side: the services converge from the merged bags in
     * memory and never read the bag files, so the files (megabytes at 10,000 entries, each fsynced) are
     * written on another thread meanwhile. Both have ended when this returns, whatever happened, so the
     * caller archives an input only once its bags are on disk, and nothing writes after the lock is released.
     * A crash in between is the crash before the archive the pipeline already allows for: the input is still
     * in place, and running it again merges nothing new and converges.
     *
     * @throws IOException if a bag could not be written (after the converge ended)
     */
    ConvergeResult writeBagsAndConverge(Staged staged) throws IOException {
        Collection<BagKey> changed = staged.before().databags().differences(staged.after());
        if (changed.isEmpty()) {
            return converge(staged);
        }
        Future<Void> writing = BAG_WRITER.submit(() -> {
            writeBags(staged, changed);
            return null;
        });
        ConvergeResult result;
        try {
            result = converge(staged);
        }
        catch (IOException | RuntimeException | Error e) {
            try {
                await(writing);
            }
            catch (IOException | RuntimeException | Error also) {
                e.addSuppressed(also);
            }
            throw e;
        }
        await(writing);
        return result;
    }

    /** Waits for a background write, rethrowing what it threw; an interrupt is kept for the caller. */
    private static void await(Future<Void> writing) throws IOException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    writing.get();
                    return;
                }
                catch (InterruptedException e) {
                    // the write must end before the lock is released: wait on, remember the interrupt
                    interrupted = true;
                }
                catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IOException("writing the databags failed", cause);
                }
            }
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ExecutorService bagWriter() {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "vrouter-bag-writer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Writes what runs left for later: the bags recorded in their journals, in whole ({@link DatabagStore#compact}),
     * and CloudStack's derived files ({@link Converger#settle}). Last step of a run, unless vrouterd settles the
     * router itself once it is idle ({@link PipelineOptions#settleLater}).
     *
     * @return whether anything was written
     */
    boolean settle() throws IOException {
        boolean compacted = store.compact();
        return converger.settle() | compacted;
    }

    /**
     * A run's last step unless vrouterd settles the router itself: the rest of {@link #settle}. Such a run writes
     * its bags whole and CloudStack's files within its converge, so what is left is journals a vrouterd left
     * (killed before its settle), compacted.
     */
    void compactLeftJournals() throws IOException {
        if (!settleLater) {
            store.compact();
        }
    }

    /** Archives (or deletes) every merged input; inputs held back stay where they are. */
    void archive(Staged staged) throws IOException {
        archive(staged, input -> true);
    }

    /**
     * Archives (or deletes) the merged inputs {@code inCache} accepts, once per name (a batch may update one
     * file twice; the last step's flag wins).
     */
    void archive(Staged staged, Predicate<Input> inCache) throws IOException {
        Map<String, Boolean> deleteByName = new LinkedHashMap<>();
        for (Input input : staged.merged().stream().filter(inCache).toList()) {
            deleteByName.remove(input.name());
            deleteByName.put(input.name(), input.delete());
        }
        for (Map.Entry<String, Boolean> input : deleteByName.entrySet()) {
            archive.finish(input.getKey(), input.getValue());
        }
    }

    /** Adds the entries every service left out, and every skipped service with its reason, to {@code warnings}. */
    static void addWarnings(ConvergeResult result, List<String> warnings) {
        result.services().forEach(service -> service.warnings().forEach(warning -> warnings.add(service.service() + ": " + warning)));
        result.skipped().forEach(skipped -> warnings.add(skipped.service() + " skipped: " + skipped.detail()));
    }

    /**
     * The run's end: 0, or 2 with one line naming every service that failed and why
     * ({@code converge failed: haproxy: ...}). Every skipped service becomes a warning with its reason, so
     * that a service this router does not run yet is never left out silently, and so does every databag
     * entry a service left out.
     */
    static PipelineResult outcome(ConvergeResult result, List<String> warnings) {
        addWarnings(result, warnings);
        List<String> failures = result.services().stream().filter(ServiceOutcome::failed)
                .map(failure -> failure.service() + ": " + failure.detail()).toList();
        return failures.isEmpty() ? PipelineResult.converged(warnings)
                : PipelineResult.applyFailed("converge failed: " + String.join("; ", failures), warnings);
    }
}
