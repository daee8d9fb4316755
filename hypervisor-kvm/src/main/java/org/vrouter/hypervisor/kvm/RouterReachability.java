package org.vrouter.hypervisor.kvm;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;

import org.vrouter.core.channel.RouterChannel;
import org.vrouter.core.channel.RouterChannelFactory;
import org.vrouter.core.channel.RouterEndpoint;

/**
 * One probe of whether a router answers on its control address: what {@code CheckSshCommand} repeats
 * until the router has booted. Thread-safe.
 */
@FunctionalInterface
public interface RouterReachability {
    /** True when the router answered this time; never throws for an unreachable router. */
    boolean probe(RouterEndpoint router);

    /**
     * Probes by running {@code true} through a channel from {@code channels}: with
     * {@code SshRouterChannel} and the KVM host as jump host this is "sshd on 3922 answers and lets us
     * in", from wherever the management server runs (the link-local address is reachable only from the
     * host). Any exit status counts: the router answered.
     */
    static RouterReachability overChannels(RouterChannelFactory channels, Duration timeout) {
        requireNonNull(channels, "channels is null");
        requireNonNull(timeout, "timeout is null");
        return router -> {
            try (RouterChannel channel = channels.open(router)) {
                channel.execute("true", timeout);
                return true;
            }
            catch (IOException e) {
                return false;
            }
        };
    }
}
