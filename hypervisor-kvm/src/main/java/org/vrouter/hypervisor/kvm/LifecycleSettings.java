package org.vrouter.hypervisor.kvm;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Time bounds and domain kind of a {@link KvmRouterResource}; set through its builder.
 *
 * @param persistent define domains (they survive a host reboot, and a stopped router stays defined
 *     and reports OFF) instead of CloudStack's transient domains (gone once stopped: MISSING)
 * @param stopTimeout how long a graceful stop waits for the guest before destroying it
 *     (CloudStack's {@code stop.script.timeout})
 * @param stopPoll how often a graceful stop looks at the domain (CloudStack: 2 s)
 * @param sshAttempts probes of a {@code CheckSshCommand} before it fails (CloudStack: 60)
 * @param sshPause pause after a failed probe (CloudStack: 5 s)
 */
record LifecycleSettings(boolean persistent, Duration stopTimeout, Duration stopPoll, int sshAttempts, Duration sshPause) {
    LifecycleSettings {
        positive("stop_timeout", stopTimeout);
        positive("stop_poll", stopPoll);
        if (sshAttempts < 1) {
            throw new IllegalArgumentException("ssh_attempts must be at least 1: " + sshAttempts);
        }
        requireNonNull(sshPause, "sshPause is null");
        if (sshPause.isNegative()) {
            throw new IllegalArgumentException("ssh_pause must not be negative: " + sshPause);
        }
    }

    static LifecycleSettings defaults() {
        return new LifecycleSettings(false, Duration.ofSeconds(120), Duration.ofSeconds(2), 60, Duration.ofSeconds(5));
    }

    private static void positive(String field, Duration value) {
        requireNonNull(value, field + " is null");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive: " + value);
        }
    }
}
