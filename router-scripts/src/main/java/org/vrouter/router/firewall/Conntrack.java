package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * Deletes connection-tracking entries through {@code conntrack -D}, one call per {@link ConntrackFilter}
 * (never a flush of the table). conntrack exits 1 when a filter matched nothing ("0 flow entries have been
 * deleted"): that is the usual case, not an error.
 *
 * <p>It runs after the rules changed, when the firewall's new state is already in force, so a failure
 * here cannot undo the change: it is logged and reported in the {@link Report}, and the other filters
 * still run. The entries left behind only keep old connections alive until they time out.
 */
public final class Conntrack {
    private static final Logger log = LoggerFactory.getLogger(Conntrack.class);
    private static final Pattern DELETED = Pattern.compile("(\\d+) flow entries have been deleted");

    private final Host host;

    public Conntrack(Host host) {
        this.host = requireNonNull(host, "host is null");
    }

    /**
     * What a cleanup did.
     *
     * @param filters how many filters ran
     * @param deleted the entries conntrack said it deleted (0 when it said nothing, as in a dry run)
     * @param failures one line per filter that failed: the command line and conntrack's error
     */
    public record Report(int filters, int deleted, List<String> failures) {
        /** Nothing to clean up. */
        public static final Report NONE = new Report(0, 0, List.of());

        public Report {
            failures = List.copyOf(requireNonNull(failures, "failures is null"));
        }

        /** A line for the service's outcome, or empty when no filter ran. */
        public String describe() {
            if (filters == 0) {
                return "";
            }
            String text = "conntrack: " + deleted + " stale entries deleted by " + filters + (filters == 1 ? " filter" : " filters");
            return failures.isEmpty() ? text : text + ", " + failures.size() + " failed (" + String.join("; ", failures) + ")";
        }
    }

    /** Runs every filter, in order. */
    public Report delete(List<ConntrackFilter> filters) {
        int deleted = 0;
        List<String> failures = new ArrayList<>();
        for (ConntrackFilter filter : filters) {
            ProgramCall call = ProgramCall.of(filter.argv());
            try {
                ProgramResult result = host.run(call);
                Matcher count = DELETED.matcher(result.stderr());
                boolean counted = count.find();
                if (result.succeeded() || result.exitStatus() == 1 && counted) {
                    deleted += counted ? Integer.parseInt(count.group(1)) : 0;
                    log.debug("conntrack -D {}: {}", filter, counted ? count.group() : "done");
                    continue;
                }
                failures.add(call.commandLine() + ": exit " + result.exitStatus() + ": " + result.firstErrorLine());
            }
            catch (IOException e) {
                // the rules are already in force: the cleanup is reported as failed, it cannot undo them
                failures.add(call.commandLine() + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            log.warn("conntrack: {} of {} deletes failed; those connections keep their old NAT until they time out: {}",
                    failures.size(), filters.size(), failures);
        }
        else if (deleted > 0) {
            log.info("conntrack: {} stale entries deleted by {} filters", deleted, filters.size());
        }
        return new Report(filters.size(), deleted, failures);
    }
}
