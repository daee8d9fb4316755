package org.vrouter.api.router;

import static java.util.Objects.requireNonNull;

import java.util.EnumSet;
import java.util.Set;

import org.vrouter.api.error.InvalidStateException;
import org.vrouter.api.validation.WireNames;

/**
 * A router's lifecycle state, with its legal transitions written down. An illegal transition is an
 * {@link InvalidStateException}, never a silent overwrite.
 *
 * <pre>
 *   (new) -> Starting | Stopped
 *   Starting -> Running      start succeeded
 *   Starting -> Stopped      start failed and the VM was cleaned up
 *   Running  -> Stopping     stop requested
 *   Running  -> Stopped      the hypervisor reports the VM gone (crash, out-of-band stop)
 *   Stopping -> Stopped      stop succeeded
 *   Stopping -> Running      stop failed, the VM still runs
 *   Stopped  -> Starting     start requested
 *   Stopped  -> Destroyed    destroy requested
 *   any but Destroyed -> Error   the state cannot be determined or repaired
 *   Error    -> Stopped      cleaned up; Error -> Destroyed
 * </pre>
 *
 * Rules and configuration go only to {@link #RUNNING} routers; Stopped and Stopping routers are
 * skipped because a start replays everything.
 */
public enum RouterState {
    STARTING("Starting"),
    RUNNING("Running"),
    STOPPING("Stopping"),
    STOPPED("Stopped"),
    DESTROYED("Destroyed"),
    ERROR("Error");

    private final String wireName;

    RouterState(String wireName) {
        this.wireName = wireName;
    }

    /** CloudStack's VM state name ({@code Running}). */
    public String wireName() {
        return wireName;
    }

    /** Looks up a wire name, ignoring case. */
    public static RouterState fromWireName(String field, String name) {
        return WireNames.fromWireName(field, name, values(), RouterState::wireName);
    }

    /** The states a router may be created in. */
    public static Set<RouterState> initialStates() {
        return EnumSet.of(STARTING, STOPPED);
    }

    /** The states this one may move to; empty for {@link #DESTROYED}. Same-state moves are not transitions. */
    public Set<RouterState> successors() {
        return switch (this) {
            case STARTING -> EnumSet.of(RUNNING, STOPPED, ERROR);
            case RUNNING -> EnumSet.of(STOPPING, STOPPED, ERROR);
            case STOPPING -> EnumSet.of(STOPPED, RUNNING, ERROR);
            case STOPPED -> EnumSet.of(STARTING, DESTROYED, ERROR);
            case ERROR -> EnumSet.of(STOPPED, DESTROYED);
            case DESTROYED -> EnumSet.noneOf(RouterState.class);
        };
    }

    /** Whether moving from this state to {@code to} is legal. */
    public boolean canTransitionTo(RouterState to) {
        return successors().contains(requireNonNull(to, "to is null"));
    }

    /**
     * Returns {@code to} if moving there from this state is legal.
     *
     * @throws InvalidStateException naming "router", this state and {@code to} otherwise
     */
    public RouterState requireTransition(RouterState to) {
        return requireTransition("router", to);
    }

    /**
     * Returns {@code to} if moving there from this state is legal.
     *
     * @param object how the error names the router ({@code router r-5-VM})
     * @throws InvalidStateException naming {@code object}, this state and {@code to} otherwise
     */
    public RouterState requireTransition(String object, RouterState to) {
        if (!canTransitionTo(to)) {
            throw InvalidStateException.transition(object, this, to);
        }
        return to;
    }

    /** Whether the router is gone for good. */
    public boolean isTerminal() {
        return this == DESTROYED;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
