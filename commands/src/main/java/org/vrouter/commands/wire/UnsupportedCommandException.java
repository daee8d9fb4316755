package org.vrouter.commands.wire;

import org.vrouter.api.error.VrouterException;

/**
 * A command the wire codec cannot turn into router steps. CloudStack looks converters up by the exact
 * runtime class, and so do we: a subclass or a plugin's own command needs its own mapping. Commands the
 * hypervisor resource handles itself (batch control) are refused with the reason.
 */
public final class UnsupportedCommandException extends VrouterException {
    private static final long serialVersionUID = 1L;

    /** A class without a mapping: CloudStack's message, {@code Unable to process the configuration for <class>}. */
    public UnsupportedCommandException(Class<?> commandClass) {
        super(Category.INVALID_PARAMETER, "Unable to process the configuration for " + commandClass.getName());
    }

    /** A class the codec knows and refuses, with why and what to do instead. */
    public UnsupportedCommandException(Class<?> commandClass, String reason) {
        super(Category.INVALID_PARAMETER, "Unable to process the configuration for " + commandClass.getName() + ": " + reason);
    }
}
