package org.vrouter.router.firewall;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The iptables tables the router uses, each with its built-in chains in iptables-save order. */
public enum TableName {
    FILTER(List.of("INPUT", "FORWARD", "OUTPUT")),
    NAT(List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING")),
    MANGLE(List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING")),
    RAW(List.of("PREROUTING", "OUTPUT"));

    private final List<String> builtInChains;

    TableName(List<String> builtInChains) {
        this.builtInChains = builtInChains;
    }

    /** The name iptables uses: {@code filter}, {@code nat}, {@code mangle}, {@code raw}. */
    public String iptablesName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public List<String> builtInChains() {
        return builtInChains;
    }

    public boolean isBuiltIn(String chain) {
        return builtInChains.contains(chain);
    }

    /** The table of an iptables name, or empty for one the router does not use ({@code security}). */
    public static Optional<TableName> fromIptablesName(String name) {
        for (TableName table : values()) {
            if (table.iptablesName().equals(name)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code chain} is a built-in chain of any table (no user chain may take such a name). */
    static boolean isAnyBuiltIn(String chain) {
        for (TableName table : values()) {
            if (table.isBuiltIn(chain)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return iptablesName();
    }
}
