package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.vm.VmTemplate;

/**
 * How a {@link RouterManagerImpl} starts and stops routers.
 *
 * @param routerTemplates the system VM template routers boot from, per hypervisor (CloudStack's
 *     {@code router.template.<hypervisor>}); each template is for its key's hypervisor
 * @param startWait how long a started router has to accept SSH ({@code CheckSshCommand}) before
 *     the start fails; positive. Checked between checks: a resource that retries inside one check
 *     (KVM's, for minutes) can stretch the wait by that check's own duration
 * @param sshRetryInitial the first pause between two reachability checks; doubled after each
 *     failure up to {@code sshRetryMax}; positive
 * @param lockTimeout how long an operation waits for another one on the same router (or a
 *     deployment for the same network) to finish; CloudStack's {@code NetworkLockTimeout} is 600 s
 * @param gracefulStopTimeout how long a graceful stop lets the guest shut down; empty: the
 *     hypervisor resource's default
 */
public record RouterManagerSettings(
        Map<HypervisorType, VmTemplate> routerTemplates,
        Duration startWait,
        Duration sshRetryInitial,
        Duration sshRetryMax,
        Duration lockTimeout,
        Optional<Duration> gracefulStopTimeout) {

    public static final Duration DEFAULT_START_WAIT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_SSH_RETRY_INITIAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_SSH_RETRY_MAX = Duration.ofSeconds(10);
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(600);

    public RouterManagerSettings {
        routerTemplates = Map.copyOf(routerTemplates);
        routerTemplates.forEach((hypervisor, template) -> {
            if (template.hypervisorType() != hypervisor) {
                throw new InvalidParameterException("router_templates[" + hypervisor.wireName() + "]",
                        "is a template for " + template.hypervisorType().wireName(), template.name());
            }
        });
        requirePositive("start_wait", startWait);
        requirePositive("ssh_retry_initial", sshRetryInitial);
        requirePositive("ssh_retry_max", sshRetryMax);
        requirePositive("lock_timeout", lockTimeout);
        if (sshRetryMax.compareTo(sshRetryInitial) < 0) {
            throw new InvalidParameterException("ssh_retry_max", "is below ssh_retry_initial " + sshRetryInitial, sshRetryMax);
        }
        requireNonNull(gracefulStopTimeout, "gracefulStopTimeout is null").ifPresent(timeout -> requirePositive("graceful_stop_timeout", timeout));
    }

    private static void requirePositive(String field, Duration duration) {
        requireNonNull(duration, () -> field + " is null");
        if (duration.isNegative() || duration.isZero()) {
            throw new InvalidParameterException(field, "must be positive", duration);
        }
    }

    /** Settings with the default timings and {@code routerTemplates}. */
    public static RouterManagerSettings of(Map<HypervisorType, VmTemplate> routerTemplates) {
        return builder(routerTemplates).build();
    }

    public static Builder builder(Map<HypervisorType, VmTemplate> routerTemplates) {
        return new Builder(routerTemplates);
    }

    /** The template for {@code hypervisor}, if one is configured. */
    public Optional<VmTemplate> routerTemplate(HypervisorType hypervisor) {
        return Optional.ofNullable(routerTemplates.get(hypervisor));
    }

    /** Collects settings; {@link #build()} validates them. Starts from the defaults. */
    public static final class Builder {
        private final Map<HypervisorType, VmTemplate> routerTemplates;
        private Duration startWait = DEFAULT_START_WAIT;
        private Duration sshRetryInitial = DEFAULT_SSH_RETRY_INITIAL;
        private Duration sshRetryMax = DEFAULT_SSH_RETRY_MAX;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;
        private Duration gracefulStopTimeout;

        private Builder(Map<HypervisorType, VmTemplate> routerTemplates) {
            this.routerTemplates = new EnumMap<>(HypervisorType.class);
            this.routerTemplates.putAll(requireNonNull(routerTemplates, "routerTemplates is null"));
        }

        /** The bound on reaching a started router, and the backoff between checks. */
        public Builder startWait(Duration wait, Duration retryInitial, Duration retryMax) {
            this.startWait = wait;
            this.sshRetryInitial = retryInitial;
            this.sshRetryMax = retryMax;
            return this;
        }

        public Builder lockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        public Builder gracefulStopTimeout(Duration gracefulStopTimeout) {
            this.gracefulStopTimeout = requireNonNull(gracefulStopTimeout, "gracefulStopTimeout is null");
            return this;
        }

        public RouterManagerSettings build() {
            return new RouterManagerSettings(routerTemplates, startWait, sshRetryInitial, sshRetryMax, lockTimeout,
                    Optional.ofNullable(gracefulStopTimeout));
        }
    }
}
