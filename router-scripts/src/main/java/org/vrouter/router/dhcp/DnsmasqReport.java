package org.vrouter.router.dhcp;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

import org.vrouter.router.service.ServiceAction;

/**
 * What one {@link DnsmasqApplier#apply} did.
 *
 * @param changedFiles the single files it rewrote (router paths, in the order written), then per per-host
 *     directory that changed one {@code <directory>/ (+added ~changed -removed)}
 * @param action what it did to dnsmasq
 * @param releases the stale leases it released
 * @param elapsed how long it took
 */
public record DnsmasqReport(List<String> changedFiles, ServiceAction action, List<DhcpRelease> releases, Duration elapsed) {
    public DnsmasqReport {
        changedFiles = List.copyOf(requireNonNull(changedFiles, "changedFiles is null"));
        requireNonNull(action, "action is null");
        releases = List.copyOf(requireNonNull(releases, "releases is null"));
        requireNonNull(elapsed, "elapsed is null");
    }

    /** Whether anything was written (false: no program was run either). */
    public boolean changed() {
        return !changedFiles.isEmpty();
    }
}
