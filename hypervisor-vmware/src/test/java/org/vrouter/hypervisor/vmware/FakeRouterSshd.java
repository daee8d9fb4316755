package org.vrouter.hypervisor.vmware;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.server.command.Command;

import org.vrouter.core.channel.HostKeyPolicy;
import org.vrouter.core.channel.SshSettings;
import org.vrouter.core.testsupport.ssh.FakeRouterSshServer;
import org.vrouter.core.testsupport.ssh.ReplyCommand;
import org.vrouter.core.testsupport.ssh.ScpSinkCommand;
import org.vrouter.core.testsupport.ssh.TestKeys;

/**
 * A router's sshd for tests, standing in for the router VM the simulator cannot run: core's
 * {@link FakeRouterSshServer} with root login by a key generated per run. It records every command
 * line and every file written through {@code scp -t <dir>} (in memory); {@code get_template_version.sh}
 * answers a version, every other command succeeds silently.
 */
final class FakeRouterSshd implements AutoCloseable {
    static final String TEMPLATE_VERSION = "Cloudstack Release 4.19.0 Mon Nov 2 2026&4.19.0";

    private final TestKeys.ClientKey client = TestKeys.clientKey();
    private final Map<String, String> files = new ConcurrentHashMap<>();
    private final FakeRouterSshServer server;

    private FakeRouterSshd() throws IOException {
        server = FakeRouterSshServer.start(client.publicKey(), false, this::command);
    }

    static FakeRouterSshd start() throws IOException {
        return new FakeRouterSshd();
    }

    private Command command(String commandLine) {
        if (commandLine.startsWith("scp ")) {
            return ScpSinkCommand.into(commandLine, (directory, name, contents) -> files.put(directory + name, new String(contents, UTF_8)));
        }
        if (commandLine.contains("get_template_version.sh")) {
            return new ReplyCommand(0, TEMPLATE_VERSION + "\n");
        }
        return ReplyCommand.success();
    }

    /** How the resource reaches this router: its port, the generated key, its host key pinned. */
    SshSettings settings() {
        return SshSettings.builder(client.identity(), HostKeyPolicy.pinned(server.hostKeyLine())).port(server.port()).build();
    }

    int port() {
        return server.port();
    }

    List<String> commandLines() {
        return server.commandLines();
    }

    /** Files written by scp, by full path. */
    Map<String, String> files() {
        return Map.copyOf(files);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
