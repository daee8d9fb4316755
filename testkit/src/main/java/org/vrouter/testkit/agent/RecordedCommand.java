package org.vrouter.testkit.agent;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.commands.AggregationControlCommand;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CheckVirtualMachineCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.PlugNicCommand;
import org.vrouter.commands.StartCommand;
import org.vrouter.commands.StopCommand;
import org.vrouter.commands.UnPlugNicCommand;

/**
 * One command a {@link RecordingAgentManager} passed on, with what came back.
 *
 * @param sequence the command's place among everything recorded, from 1
 * @param hostId the host it was sent to
 * @param batchId the id of its entry in a {@code Commands} batch ({@code checkSsh}, {@code dhcp:204}); empty for a single send
 * @param answer the answer; empty when none came: the manager threw, or the batch stopped before the command
 * @param error the message of the exception the manager threw instead of answering
 */
public record RecordedCommand(long sequence, long hostId, Optional<String> batchId, Command command, Optional<Answer> answer,
        Optional<String> error) {

    private static final int DETAILS_WIDTH = 160;

    public RecordedCommand {
        requireNonNull(batchId, "batchId is null");
        requireNonNull(command, "command is null");
        requireNonNull(answer, "answer is null");
        requireNonNull(error, "error is null");
    }

    /** Whether the command got a successful answer. */
    public boolean succeeded() {
        return answer.map(Answer::success).orElse(false);
    }

    /** The router (VM) the command is for, when it names one. */
    public Optional<String> routerName() {
        return routerNameOf(command);
    }

    /**
     * The router a command names: {@code router.name} for a router command, the VM name for a start,
     * stop, check or NIC (un)plug.
     */
    public static Optional<String> routerNameOf(Command command) {
        if (command instanceof NetworkElementCommand routerCommand) {
            return routerCommand.accessDetails().routerName();
        }
        if (command instanceof StartCommand start) {
            return Optional.of(start.vm().name());
        }
        if (command instanceof StopCommand stop) {
            return Optional.of(stop.vmName());
        }
        if (command instanceof CheckVirtualMachineCommand check) {
            return Optional.of(check.vmName());
        }
        if (command instanceof CheckSshCommand check) {
            return Optional.of(check.vmName());
        }
        if (command instanceof PlugNicCommand plug) {
            return Optional.of(plug.vmName());
        }
        if (command instanceof UnPlugNicCommand unplug) {
            return Optional.of(unplug.vmName());
        }
        return Optional.empty();
    }

    /**
     * One line: {@code #3 host 1 [dhcp:204] SetDhcpConfigCommand r-5-VM -> ok: ...}. Details are cut to
     * their first line and {@value #DETAILS_WIDTH} characters.
     */
    public String describe() {
        StringBuilder line = new StringBuilder().append('#').append(sequence).append(" host ").append(hostId);
        batchId.ifPresent(id -> line.append(" [").append(id).append(']'));
        line.append(' ').append(command.getClass().getSimpleName());
        if (command instanceof AggregationControlCommand control) {
            line.append('(').append(control.action().wireName()).append(')');
        }
        routerName().ifPresent(name -> line.append(' ').append(name));
        line.append(" -> ");
        if (answer.isPresent()) {
            line.append(answer.get().success() ? "ok" : "FAILED").append(shorten(answer.get().details()));
        }
        else {
            line.append(error.map(message -> "THREW" + shorten(message)).orElse("not answered"));
        }
        return line.toString();
    }

    private static String shorten(String details) {
        String first = details.strip().lines().findFirst().orElse("");
        if (first.isEmpty()) {
            return "";
        }
        return ": " + (first.length() > DETAILS_WIDTH ? first.substring(0, DETAILS_WIDTH) + "..." : first);
    }
}
