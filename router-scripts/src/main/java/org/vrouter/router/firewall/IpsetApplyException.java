package org.vrouter.router.firewall;

import java.util.Optional;

import org.vrouter.api.error.VrouterException;

/**
 * {@code ipset restore} refused to create, fill, swap or destroy a set. Names the set and ipset's
 * message. Sets before the failing one were applied completely (each swap is atomic); the applier
 * re-reads the kernel on its next run.
 */
public class IpsetApplyException extends VrouterException {
    private static final long serialVersionUID = 1L;

    private final String set;
    private final String toolMessage;

    IpsetApplyException(String action, Optional<String> set, String toolMessage) {
        super(Category.OPERATION_FAILED, "ipset restore failed to " + action + set.map(name -> " set " + name).orElse(" sets")
                + ": " + toolMessage);
        this.set = set.orElse(null);
        this.toolMessage = toolMessage;
    }

    /** The set being applied when ipset stopped, if it named a line. */
    public Optional<String> set() {
        return Optional.ofNullable(set);
    }

    public String toolMessage() {
        return toolMessage;
    }
}
