package org.vrouter.router.firewall;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.vrouter.api.error.VrouterException;

/**
 * {@code iptables-restore} refused a payload, in validation ({@code --test}) or when applying it.
 * Names the table, the chain and the failing line with a few lines of context, and says whether
 * the previous ruleset is still in force.
 */
public class IptablesApplyException extends VrouterException {
    private static final long serialVersionUID = 1L;

    /** When the payload was refused. */
    public enum Phase {
        /** By {@code iptables-restore --test}: nothing was changed. */
        VALIDATE,
        /** While applying: the tables it had committed were rolled back, if {@link #previousStateKept()}. */
        APPLY
    }

    private final Phase phase;
    private final TableName table;
    private final String chain;
    private final int line;
    private final String toolMessage;
    private final List<String> context;
    private final boolean previousStateKept;

    IptablesApplyException(Phase phase, Optional<TableName> table, Optional<String> chain, OptionalInt line,
            String toolMessage, List<String> context, boolean previousStateKept) {
        super(Category.OPERATION_FAILED, message(phase, table, chain, line, toolMessage, context, previousStateKept));
        this.phase = phase;
        this.table = table.orElse(null);
        this.chain = chain.orElse(null);
        this.line = line.orElse(0);
        this.toolMessage = toolMessage;
        this.context = List.copyOf(context);
        this.previousStateKept = previousStateKept;
    }

    private static String message(Phase phase, Optional<TableName> table, Optional<String> chain, OptionalInt line,
            String toolMessage, List<String> context, boolean previousStateKept) {
        StringBuilder text = new StringBuilder(phase == Phase.VALIDATE ? "iptables-restore --test rejected" : "iptables-restore failed");
        table.ifPresent(name -> text.append(" table ").append(name.iptablesName()));
        chain.ifPresent(name -> text.append(", chain ").append(name));
        line.ifPresent(number -> text.append(", payload line ").append(number));
        text.append(": ").append(toolMessage.isEmpty() ? "(no message)" : toolMessage);
        text.append(previousStateKept ? "; the previous ruleset is still in force"
                : "; the kernel state is unknown, the next apply re-reads it");
        for (String contextLine : context) {
            text.append('\n').append(contextLine);
        }
        return text.toString();
    }

    public Phase phase() {
        return phase;
    }

    public Optional<TableName> table() {
        return Optional.ofNullable(table);
    }

    public Optional<String> chain() {
        return Optional.ofNullable(chain);
    }

    /** The 1-based line of the payload iptables-restore named, if it named one. */
    public OptionalInt line() {
        return line == 0 ? OptionalInt.empty() : OptionalInt.of(line);
    }

    /** iptables-restore's own explanation, one line. */
    public String toolMessage() {
        return toolMessage;
    }

    /** The failing line with up to three lines either side, the failing one marked with {@code >}. */
    public List<String> context() {
        return context;
    }

    /** Whether the kernel still holds the ruleset of the last successful apply. */
    public boolean previousStateKept() {
        return previousStateKept;
    }
}
