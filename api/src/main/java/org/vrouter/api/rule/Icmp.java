package org.vrouter.api.rule;

import org.vrouter.api.validation.FieldChecks;

/**
 * The ICMP type and code an icmp rule matches; {@code -1} means any ({@code icmp_type},
 * {@code icmp_code} on the wire).
 */
public record Icmp(int type, int code) {
    private static final Icmp ANY = new Icmp(-1, -1);

    public Icmp {
        FieldChecks.requireRange("icmp_type", type, -1, 255);
        FieldChecks.requireRange("icmp_code", code, -1, 255);
    }

    /** Any type, any code. */
    public static Icmp any() {
        return ANY;
    }

    public boolean isAny() {
        return type == -1 && code == -1;
    }
}
