package org.vrouter.commands.wire;

import org.vrouter.api.error.VrouterException;

/**
 * A command class the wire codec has no mapping for. CloudStack looks converters up by the exact
 * runtime class, and so do we: a subclass or a plugin's own command needs its own mapping.
 */
public final class UnsupportedCommandException extends VrouterException {
    private static final long serialVersionUID = 1L;

    public UnsupportedCommandException(Class<?> commandClass) {
        super(Category.INVALID_PARAMETER, "Unable to process the configuration for " + commandClass.getName());
    }
}
