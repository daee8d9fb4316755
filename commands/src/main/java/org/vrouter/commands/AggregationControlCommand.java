package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.net.IpAddress;

/**
 * Opens, flushes or drops a batch of configuration commands for one router: CloudStack's
 * {@code AggregationControlCommand}. Between {@link Action#START} and {@link Action#FINISH} the
 * resource queues the router's commands (answering each with success at once); {@code FINISH}
 * writes them all into one {@code /var/cache/cloud/VR-<uuid>.cfg} and runs
 * {@code vr_cfg.sh -c} on it. Nothing of this command itself goes on the wire.
 *
 * <p>The router name (the batch key), control IP and guest IP travel in the access details;
 * {@link #of(Action, String, IpAddress, IpAddress)} fills them in.
 */
public record AggregationControlCommand(AccessDetails accessDetails, Action action) implements NetworkElementCommand {
    /** What to do with the router's batch. CloudStack's resource handles Start and Finish only. */
    public enum Action {
        START("Start"),
        FINISH("Finish"),
        CLEANUP("Cleanup");

        private final String wireName;

        Action(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public AggregationControlCommand {
        CommandChecks.requireRouter(accessDetails);
        requireNonNull(action, "action is null");
    }

    /** CloudStack's four-argument constructor: action, router name, control IP and guest IP. */
    public static AggregationControlCommand of(Action action, String routerName, IpAddress controlIp, IpAddress guestIp) {
        return new AggregationControlCommand(AccessDetails.builder().routerName(routerName).routerIp(controlIp).routerGuestIp(guestIp).build(), action);
    }

    /** As {@link #of(Action, String, IpAddress, IpAddress)}, for a router without a guest IP in this network. */
    public static AggregationControlCommand of(Action action, String routerName, IpAddress controlIp) {
        return new AggregationControlCommand(AccessDetails.builder().routerName(routerName).routerIp(controlIp).build(), action);
    }
}
