package org.vrouter.router.address;

import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;

/**
 * The check for a network device name ({@code eth2}). Names end up as single words on an
 * {@code ip -batch} line, so only what Linux accepts and a word splitter cannot misread is allowed.
 */
final class DeviceName {
    /** Linux allows at most 15 characters; no slash, colon or whitespace. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,14}");

    private DeviceName() {}

    static String require(String field, String name) {
        if (name == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidParameterException(field,
                    "not a device name (1-15 letters, digits, '_', '.' or '-', starting with a letter or digit)", name);
        }
        return name;
    }
}
