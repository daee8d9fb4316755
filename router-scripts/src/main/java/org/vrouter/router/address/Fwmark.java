package org.vrouter.router.address;

import org.vrouter.api.error.InvalidParameterException;

/**
 * A firewall mark a policy rule matches, with its mask: {@code 0x66} (all 32 bits) or
 * {@code 0x66/0xff}. CloudStack marks new connections on public device N with 100 + N.
 *
 * @param value the mark, 0 to 0xffffffff, with no bit outside the mask
 * @param mask the bits compared, 1 to 0xffffffff
 */
public record Fwmark(long value, long mask) {
    public static final long FULL_MASK = 0xffff_ffffL;

    public Fwmark {
        if (value < 0 || value > FULL_MASK) {
            throw new InvalidParameterException("fwmark", "must be between 0 and 0xffffffff", Long.toHexString(value));
        }
        if (mask < 1 || mask > FULL_MASK) {
            throw new InvalidParameterException("fwmask", "must be between 0x1 and 0xffffffff", Long.toHexString(mask));
        }
        if ((value & ~mask) != 0) {
            throw new InvalidParameterException("fwmark", "has bits outside its mask 0x" + Long.toHexString(mask),
                    "0x" + Long.toHexString(value));
        }
    }

    /** A mark compared on all 32 bits. */
    public static Fwmark of(long value) {
        return new Fwmark(value, FULL_MASK);
    }

    /** {@code ip rule}'s notation: {@code 0x66}, or {@code 0x66/0xff} with a partial mask. */
    @Override
    public String toString() {
        String mark = "0x" + Long.toHexString(value);
        return mask == FULL_MASK ? mark : mark + "/0x" + Long.toHexString(mask);
    }
}
