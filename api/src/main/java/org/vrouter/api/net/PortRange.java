package org.vrouter.api.net;

import org.vrouter.api.error.InvalidParameterException;

/** An inclusive TCP/UDP port range, 1 to 65535, start not after end. A single port has start == end. */
public record PortRange(int start, int end) {
    public PortRange {
        if (start < 1 || start > 65535) {
            throw new InvalidParameterException("start_port", "port must be between 1 and 65535", start);
        }
        if (end < 1 || end > 65535) {
            throw new InvalidParameterException("end_port", "port must be between 1 and 65535", end);
        }
        if (start > end) {
            throw new InvalidParameterException("port_range", "start port is after end port", start + "-" + end);
        }
    }

    public static PortRange of(int port) {
        return new PortRange(port, port);
    }

    public static PortRange of(int start, int end) {
        return new PortRange(start, end);
    }

    /** Parses {@code 80}, {@code 80-90} or {@code 80:90}, naming {@code field} in the error. */
    public static PortRange parse(String field, String text) {
        if (text == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        String[] parts = text.split("[-:]", -1);
        if (parts.length > 2) {
            throw new InvalidParameterException(field, "not a port or port range", text);
        }
        int start = port(field, parts[0], text);
        int end = parts.length == 2 ? port(field, parts[1], text) : start;
        if (start > end) {
            throw new InvalidParameterException(field, "start port is after end port", text);
        }
        return new PortRange(start, end);
    }

    private static int port(String field, String part, String text) {
        if (part.isEmpty() || part.length() > 5 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidParameterException(field, "not a port or port range", text);
        }
        int port = Integer.parseInt(part);
        if (port < 1 || port > 65535) {
            throw new InvalidParameterException(field, "port must be between 1 and 65535", text);
        }
        return port;
    }

    public boolean isSinglePort() {
        return start == end;
    }

    public boolean contains(int port) {
        return port >= start && port <= end;
    }

    /** CloudStack's wire form, always both ends: {@code 80:80}, {@code 80:90}. */
    public String toColonForm() {
        return start + ":" + end;
    }

    /** {@code 80} or {@code 80-90}. */
    @Override
    public String toString() {
        return isSinglePort() ? Integer.toString(start) : start + "-" + end;
    }
}
