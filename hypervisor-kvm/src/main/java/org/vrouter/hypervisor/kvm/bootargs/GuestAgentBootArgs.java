package org.vrouter.hypervisor.kvm.bootargs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.hypervisor.kvm.libvirt.LibvirtOperationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the boot-argument line to {@value #CMDLINE_PATH} in the guest through the QEMU guest agent,
 * as CloudStack's {@code patch.sh} does: {@code guest-ping} until the agent answers, {@code guest-sync}
 * with a random id that must come back, then {@code guest-file-open} (mode {@code w+}),
 * {@code guest-file-write} ({@code buf-b64}) and {@code guest-file-close}. A failed round is retried
 * after a pause, up to {@link #attempts} rounds (CloudStack: 10), because the agent only answers once
 * the guest has booted far enough.
 *
 * <p>The line is written as the management server built it (pairs separated by spaces); it is
 * never logged, since it may hold secrets. Thread-safe.
 */
public final class GuestAgentBootArgs implements BootArgsDelivery {
    /** Where the router's early boot reads the boot arguments. */
    public static final String CMDLINE_PATH = "/var/cache/cloud/cmdline";
    private static final Logger log = LoggerFactory.getLogger(GuestAgentBootArgs.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GuestAgent agent;
    private final int attempts;
    private final Duration pause;
    private final int commandTimeoutSeconds;

    /**
     * @param attempts rounds before giving up, at least 1
     * @param pause wait between rounds, not negative
     * @param commandTimeoutSeconds bound on each agent command, at least 1
     */
    public GuestAgentBootArgs(GuestAgent agent, int attempts, Duration pause, int commandTimeoutSeconds) {
        this.agent = requireNonNull(agent, "agent is null");
        if (attempts < 1 || commandTimeoutSeconds < 1) {
            throw new IllegalArgumentException("attempts and command timeout must be at least 1: " + attempts + ", " + commandTimeoutSeconds);
        }
        this.attempts = attempts;
        this.pause = requireNonNull(pause, "pause is null");
        if (pause.isNegative()) {
            throw new IllegalArgumentException("pause must not be negative: " + pause);
        }
        this.commandTimeoutSeconds = commandTimeoutSeconds;
    }

    /** CloudStack's shape: 10 rounds, 5 s apart, 30 s per command. */
    public static GuestAgentBootArgs withDefaults(GuestAgent agent) {
        return new GuestAgentBootArgs(agent, 10, Duration.ofSeconds(5), 30);
    }

    public int attempts() {
        return attempts;
    }

    @Override
    public void deliver(VirtualMachineTO vm) throws IOException {
        String domain = vm.name();
        byte[] line = vm.bootArgsLine().getBytes(UTF_8);
        RuntimeException last = null;
        for (int round = 1; round <= attempts; round++) {
            try {
                writeFile(domain, line);
                log.info("boot arguments of {} written to {} by the guest agent ({} bytes, round {})", domain, CMDLINE_PATH, line.length, round);
                return;
            }
            catch (LibvirtOperationException | GuestAgentReplyException e) {
                last = e;
                log.debug("guest agent of {}: round {} of {} failed: {}", domain, round, attempts, e.getMessage());
            }
            if (round < attempts) {
                sleep(domain);
            }
        }
        throw new IOException("boot arguments of " + domain + " not delivered through the guest agent after " + attempts + " rounds: "
                + last.getMessage(), last);
    }

    private void writeFile(String domain, byte[] line) {
        call(domain, request("guest-ping"));
        long id = ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE);
        ObjectNode sync = request("guest-sync");
        sync.putObject("arguments").put("id", id);
        if (call(domain, sync).asLong(-1) != id) {
            throw new GuestAgentReplyException(domain + ": guest-sync did not echo id " + id);
        }
        ObjectNode open = request("guest-file-open");
        open.putObject("arguments").put("path", CMDLINE_PATH).put("mode", "w+");
        JsonNode handle = call(domain, open);
        if (!handle.canConvertToLong()) {
            throw new GuestAgentReplyException(domain + ": guest-file-open returned no handle: " + handle);
        }
        ObjectNode write = request("guest-file-write");
        write.putObject("arguments").put("handle", handle.asLong()).put("buf-b64", Base64.getEncoder().encodeToString(line));
        call(domain, write);
        ObjectNode close = request("guest-file-close");
        close.putObject("arguments").put("handle", handle.asLong());
        call(domain, close);
    }

    private static ObjectNode request(String command) {
        return JSON.createObjectNode().put("execute", command);
    }

    /** Runs one command; its {@code return} member. */
    private JsonNode call(String domain, ObjectNode request) {
        String reply = agent.command(domain, request.toString(), commandTimeoutSeconds);
        try {
            JsonNode node = JSON.readTree(reply);
            if (node.has("error")) {
                throw new GuestAgentReplyException(domain + ": " + request.get("execute").asText() + " failed: " + node.get("error"));
            }
            return node.path("return");
        }
        catch (IOException e) {
            throw new GuestAgentReplyException(domain + ": " + request.get("execute").asText() + " answered no JSON: " + e.getMessage());
        }
    }

    private void sleep(String domain) throws InterruptedIOException {
        try {
            Thread.sleep(pause.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while delivering the boot arguments of " + domain);
        }
    }

    /** The agent answered, but not as the protocol says. */
    private static final class GuestAgentReplyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GuestAgentReplyException(String message) {
            super(message);
        }
    }

    @Override
    public String toString() {
        return "GuestAgentBootArgs[" + CMDLINE_PATH + ", " + attempts + " rounds]";
    }
}
