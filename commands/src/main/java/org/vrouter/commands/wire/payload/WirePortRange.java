package org.vrouter.commands.wire.payload;

import java.util.Optional;

import org.vrouter.api.net.PortRange;

/**
 * CloudStack's {@code "start:end"} port text where {@code "0:0"} means "all ports" (a one-to-one
 * static NAT has no port range). Anything else is a real range of ports 1 to 65535.
 */
public record WirePortRange(int start, int end) {
    /** {@code 0:0}: every port / one-to-one NAT. */
    public static final WirePortRange ALL = new WirePortRange(0, 0);

    public WirePortRange {
        if (start != 0 || end != 0) {
            PortRange.of(start, end);
        }
    }

    public static WirePortRange of(PortRange range) {
        return new WirePortRange(range.start(), range.end());
    }

    /** Parses {@code "0:0"} or {@code "start:end"}, naming {@code field} in the error. */
    public static WirePortRange parse(String field, String text) {
        if ("0:0".equals(text)) {
            return ALL;
        }
        return of(WireChecks.colonPortRange(field, text));
    }

    public boolean isAll() {
        return start == 0;
    }

    /** The port range, empty for {@link #ALL}. */
    public Optional<PortRange> range() {
        return isAll() ? Optional.empty() : Optional.of(PortRange.of(start, end));
    }

    /** The wire text, {@code start:end}. */
    @Override
    public String toString() {
        return start + ":" + end;
    }
}
