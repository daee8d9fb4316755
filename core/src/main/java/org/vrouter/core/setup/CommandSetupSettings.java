package org.vrouter.core.setup;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.validation.FieldChecks;
import org.vrouter.commands.LoadBalancerConfigCommand;
import org.vrouter.commands.to.LbStatsSettings;

/**
 * The configuration values {@link CommandSetupHelper} copies into commands: CloudStack global
 * settings that are not part of any domain object. {@link #defaults()} holds CloudStack's defaults.
 *
 * @param lbMaxConn haproxy's global {@code maxconn} ({@code network.loadbalancer.haproxy.max.conn}, 4096)
 * @param lbKeepAlive HTTP keep-alive on load balancers (the offering's keep-alive flag, off by default)
 * @param lbIdleTimeoutMillis client and server idle timeout of load balancers; empty keeps haproxy's 50 s
 * @param lbStats the haproxy statistics page ({@code network.loadbalancer.haproxy.stats.*})
 * @param monitoringEnabled {@code network.router.EnableServiceMonitoring} (false): when off, the
 *     monitor command carries {@code router.monitor.enabled=false}
 * @param dhcpLeaseTimeSeconds the DHCP lease time of entries (zone setting, 0 = infinite)
 * @param executeInSequence {@code execute.in.sequence.network.element.commands} (false): the flag
 *     DHCP, VM data and password commands carry
 * @param cloudIdentifier the installation's {@code cloud.identifier}; VM metadata shows
 *     {@code CloudStack-{<id>}}, or nothing when empty
 * @param basicZoneDnsUpdatesPodOnly {@code network.dns.basiczone.updates = pod}: in Basic zones a
 *     starting router gets DHCP entries only for VMs in its own pod ({@code all} by default)
 */
public record CommandSetupSettings(
        int lbMaxConn,
        boolean lbKeepAlive,
        Optional<Long> lbIdleTimeoutMillis,
        LbStatsSettings lbStats,
        boolean monitoringEnabled,
        long dhcpLeaseTimeSeconds,
        boolean executeInSequence,
        Optional<String> cloudIdentifier,
        boolean basicZoneDnsUpdatesPodOnly) {

    public CommandSetupSettings {
        FieldChecks.requireRange("lb_max_conn", lbMaxConn, 1, 10_000_000);
        requireNonNull(lbIdleTimeoutMillis, "lbIdleTimeoutMillis is null")
                .ifPresent(timeout -> FieldChecks.requireRange("lb_idle_timeout", timeout, 1, Integer.MAX_VALUE));
        requireNonNull(lbStats, "lbStats is null");
        FieldChecks.requireNonNegative("dhcp_lease_time", dhcpLeaseTimeSeconds);
        requireNonNull(cloudIdentifier, "cloudIdentifier is null").ifPresent(id -> FieldChecks.requireIdentifier("cloud_identifier", id));
    }

    /** CloudStack's defaults. */
    public static CommandSetupSettings defaults() {
        return builder().build();
    }

    /** A builder starting from CloudStack's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects settings; {@link #build()} validates them. Starts from CloudStack's defaults. */
    public static final class Builder {
        private int lbMaxConn = LoadBalancerConfigCommand.DEFAULT_MAXCONN;
        private boolean lbKeepAlive;
        private Optional<Long> lbIdleTimeoutMillis = Optional.empty();
        private LbStatsSettings lbStats = LbStatsSettings.defaults();
        private boolean monitoringEnabled;
        private long dhcpLeaseTimeSeconds;
        private boolean executeInSequence;
        private Optional<String> cloudIdentifier = Optional.empty();
        private boolean basicZoneDnsUpdatesPodOnly;

        private Builder() {}

        public Builder lbMaxConn(int maxConn) {
            this.lbMaxConn = maxConn;
            return this;
        }

        public Builder lbKeepAlive(boolean keepAlive) {
            this.lbKeepAlive = keepAlive;
            return this;
        }

        public Builder lbIdleTimeoutMillis(long millis) {
            this.lbIdleTimeoutMillis = Optional.of(millis);
            return this;
        }

        public Builder lbStats(LbStatsSettings stats) {
            this.lbStats = stats;
            return this;
        }

        public Builder monitoringEnabled(boolean enabled) {
            this.monitoringEnabled = enabled;
            return this;
        }

        public Builder dhcpLeaseTimeSeconds(long seconds) {
            this.dhcpLeaseTimeSeconds = seconds;
            return this;
        }

        public Builder executeInSequence(boolean inSequence) {
            this.executeInSequence = inSequence;
            return this;
        }

        public Builder cloudIdentifier(String identifier) {
            this.cloudIdentifier = Optional.of(identifier);
            return this;
        }

        public Builder basicZoneDnsUpdatesPodOnly(boolean podOnly) {
            this.basicZoneDnsUpdatesPodOnly = podOnly;
            return this;
        }

        public CommandSetupSettings build() {
            return new CommandSetupSettings(lbMaxConn, lbKeepAlive, lbIdleTimeoutMillis, lbStats, monitoringEnabled,
                    dhcpLeaseTimeSeconds, executeInSequence, cloudIdentifier, basicZoneDnsUpdatesPodOnly);
        }
    }
}
