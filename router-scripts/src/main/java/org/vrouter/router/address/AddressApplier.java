package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.ProgramTimeoutException;

/**
 * Converges the router's addresses, links, routes and policy rules to an {@link Addressing}.
 *
 * <p>Each {@link #apply} reads the kernel with one {@code ip -N -json -batch -} process (addresses,
 * IPv4 and IPv6 routes of all tables, IPv4 rules), plans the difference with the pure
 * {@link AddressPlanner}, and writes only that difference with one {@code ip -force -batch -}
 * process. Nothing to change: nothing but the read runs. Never a flush and re-add. The read is
 * numeric ({@code -N}), so names in {@code rt_tables} or {@code rt_protos} do not matter. Under a
 * {@code DryRunHost} the read answers nothing, so a dry run plans everything against an empty kernel.
 * Needs iproute2 5.x or later (Debian 12 ships 6.1) and a kernel of 4.17 or later (rule protocols).
 *
 * <p>Ownership: a device named in the {@link Addressing} is the applier's (see
 * {@link InterfaceAddresses} for the addresses it leaves alone); other devices are not touched.
 * Routes and rules it writes carry {@code proto}/{@code protocol} {@value #PROTOCOL}, and it
 * deletes no route or rule without that tag, so the boot's routes, keepalived's and the kernel's
 * stay. The tag survives a restart of the applier, so no state file is needed.
 *
 * <p>Failures: {@code -force} makes {@code ip} go on after a refused line. That is safe here: the
 * steps do not undo each other, and a step that depends on a refused one (a route through an
 * address that could not be added) is refused too. Every refused line is reported with its device
 * and address (or route, or rule) in an {@link AddressApplyException}, after the rest was applied.
 *
 * <p>Gratuitous ARP: after an IPv4 address was added to an up public device, {@code arping -U}
 * (Debian package iputils-arping) announces it once. It is advisory: when arping is not installed
 * the applier logs that once and sends none; when it fails, a warning is logged. Each arping takes
 * about one second (its interval), so it runs only for addresses actually added, and on the
 * executor given to the constructor: with a thread pool the announcements of one apply run side by
 * side and cost about one second together; {@link #AddressApplier(Host)} runs them one after another.
 *
 * <p>Methods are synchronized; the router serialises converges anyway.
 */
public final class AddressApplier {
    /**
     * The routing protocol number that marks the applier's routes and rules ({@code 118}, 'v'; unused
     * by the kernel and by the iproute2 {@code rt_protos} list).
     */
    public static final int PROTOCOL = 118;
    /** The read: what {@code ip -N -json -batch -} is fed. {@code root} splits the routes by family. */
    static final String READ_INPUT = """
            address show
            route show table all root 0.0.0.0/0
            route show table all root ::/0
            rule show
            """;
    static final List<String> READ_ARGV = List.of("ip", "-N", "-json", "-batch", "-");
    static final List<String> WRITE_ARGV = List.of("ip", "-force", "-batch", "-");

    private static final Logger log = LoggerFactory.getLogger(AddressApplier.class);
    /** ESRCH, what {@code ip route del} says of a route that is not there. */
    private static final String ROUTE_GONE = "No such process";
    private static final Pattern COMMAND_FAILED = Pattern.compile("Command failed .*:(\\d+)\\s*");
    private static final Duration ARPING_TIMEOUT = Duration.ofSeconds(5);

    private final Host host;
    private final Executor announcer;
    private final AtomicBoolean arpingMissing = new AtomicBoolean();

    /** An applier that sends gratuitous ARPs one after another, on the calling thread. */
    public AddressApplier(Host host) {
        this(host, Runnable::run);
    }

    /** An applier that sends the gratuitous ARPs of one apply as tasks of {@code announcer}, and waits for them. */
    public AddressApplier(Host host, Executor announcer) {
        this.host = requireNonNull(host, "host is null");
        this.announcer = requireNonNull(announcer, "announcer is null");
    }

    /** The kernel's addresses, routes and rules (one {@code ip} process). */
    public synchronized KernelState read() throws IOException {
        ProgramResult result = host.run(ProgramCall.of(READ_ARGV).withStdin(READ_INPUT)).requireSuccess();
        return KernelStateParser.parse(result.stdout());
    }

    /** What {@link #apply} would change now. Reads the kernel, changes nothing. */
    public synchronized AddressPlan plan(Addressing desired) throws IOException {
        return AddressPlanner.plan(desired, read());
    }

    /**
     * Takes the kernel to {@code desired}, changing only what differs.
     *
     * @return what was applied; {@link AddressReport#changed()} is false when nothing differed
     * @throws AddressApplyException if the kernel refused steps (the others were applied)
     * @throws org.vrouter.router.host.ProgramFailedException if the read failed (nothing was written)
     * @throws IOException if {@code ip} could not be run or its output not read
     */
    public synchronized AddressReport apply(Addressing desired) throws IOException {
        requireNonNull(desired, "desired is null");
        KernelState kernel = read();
        // a kernel without even a loopback link was not really read (a dry run): no device counts as absent then
        List<String> absent = kernel.links().isEmpty() ? List.of() : desired.interfaces().stream().map(InterfaceAddresses::device)
                .filter(device -> !kernel.linksByName().containsKey(device)).toList();
        if (!absent.isEmpty()) {
            log.warn("{} not in the kernel (not plugged yet): left out until the next apply", absent);
        }
        AddressPlan plan = AddressPlanner.plan(desired.withoutDevices(Set.copyOf(absent)), kernel);
        if (plan.isEmpty()) {
            log.debug("addresses, routes and rules unchanged");
            return new AddressReport(plan, List.of(), List.of(), List.of(), absent);
        }
        log.debug("ip -batch input:\n{}", plan.batchText());
        ProgramResult result = host.run(ProgramCall.of(WRITE_ARGV).withStdin(plan.batchText()));
        List<StepFailure> failures = result.succeeded() ? List.of() : failures(result, plan.steps());
        Set<AddressStep> failed = new HashSet<>();
        failures.forEach(failure -> failed.add(failure.step()));
        List<AddressStep> applied = plan.steps().stream().filter(step -> !failed.contains(step)).toList();
        List<Announcement> announced = announce(plan.announcements(), failed);
        AddressReport report = new AddressReport(plan, applied, failures, announced, absent);
        log.info("addresses, routes and rules: {}", report);
        if (!failures.isEmpty()) {
            throw new AddressApplyException(report);
        }
        return report;
    }

    /**
     * The refused steps, from {@code ip}'s "Command failed -:N" lines (the lines before each are its
     * message). If {@code ip} failed without naming a line, no step is known to be applied. A route
     * deletion refused because the route is not there is not a failure: the kernel removes the routes of
     * a link that goes down, and the notify hook takes public links down while a transition runs.
     */
    static List<StepFailure> failures(ProgramResult result, List<AddressStep> steps) {
        List<StepFailure> failures = new ArrayList<>();
        List<String> message = new ArrayList<>();
        for (String line : result.stderr().split("\n", -1)) {
            Matcher matcher = COMMAND_FAILED.matcher(line);
            int number = matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
            if (number >= 1 && number <= steps.size()) {
                failures.add(new StepFailure(steps.get(number - 1), message.isEmpty() ? "refused" : String.join("; ", message)));
                message.clear();
            }
            else if (!line.isBlank()) {
                message.add(line.strip());
            }
        }
        if (failures.isEmpty()) {
            String reason = "not confirmed: ip exited " + result.exitStatus() + " (" + result.firstErrorLine() + ")";
            steps.forEach(step -> failures.add(new StepFailure(step, reason)));
        }
        // a route the kernel dropped between the read and the write (its link went down: the notify hook's fast path) is gone as asked
        return failures.stream().filter(failure -> !(failure.step().kind() == StepKind.DELETE_ROUTE
                && failure.message().contains(ROUTE_GONE))).toList();
    }

    private List<Announcement> announce(List<Announcement> announcements, Set<AddressStep> failed) {
        Map<Announcement, CompletableFuture<Boolean>> sending = new LinkedHashMap<>();
        for (Announcement announcement : announcements) {
            if (!failed.contains(announcement.step())) {
                sending.put(announcement, CompletableFuture.supplyAsync(() -> !arpingMissing.get() && arping(announcement), announcer));
            }
        }
        return sending.entrySet().stream().filter(entry -> entry.getValue().join()).map(Map.Entry::getKey).toList();
    }

    private boolean arping(Announcement announcement) {
        ProgramCall call = ProgramCall.of("arping", "-q", "-U", "-c", "1", "-I", announcement.device(),
                announcement.address().toString()).withTimeout(ARPING_TIMEOUT);
        ProgramResult result;
        try {
            result = host.run(call);
        }
        catch (ProgramTimeoutException e) {
            log.warn("gratuitous ARP for {} not sent: {}", announcement, e.getMessage());
            return false;
        }
        catch (IOException e) {
            // only a program that cannot be started gets here: there is no arping on this machine
            return noteArpingMissing(e.getMessage());
        }
        if (result.succeeded()) {
            return true;
        }
        // ip netns exec reports a missing program as its own failure
        if (result.stderr().contains("exec of \"arping\" failed")) {
            return noteArpingMissing(result.firstErrorLine());
        }
        log.warn("gratuitous ARP for {} not sent: arping exited {}: {}", announcement, result.exitStatus(), result.firstErrorLine());
        return false;
    }

    private boolean noteArpingMissing(String why) {
        if (arpingMissing.compareAndSet(false, true)) {
            log.info("arping is not available (Debian package iputils-arping), no gratuitous ARP will be sent: {}", why);
        }
        return false;
    }
}
