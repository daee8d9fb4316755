package org.vrouter.hypervisor.kvm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.vrouter.core.channel.ExecutionResult;
import org.vrouter.core.channel.RouterChannel;
import org.vrouter.core.channel.RouterChannelFactory;
import org.vrouter.core.channel.RouterEndpoint;

/** Channels to routers that answer every command with success and record what they were given. */
final class RecordingChannels implements RouterChannelFactory {
    private final List<String> uploads = new CopyOnWriteArrayList<>();
    private final List<String> commandLines = new CopyOnWriteArrayList<>();

    @Override
    public RouterChannel open(RouterEndpoint router) {
        return new RouterChannel() {
            @Override
            public void upload(String directory, String name, byte[] contents, Duration timeout) {
                uploads.add(directory + name + "\n" + new String(contents, java.nio.charset.StandardCharsets.UTF_8));
            }

            @Override
            public ExecutionResult execute(String commandLine, Duration timeout) {
                commandLines.add(commandLine);
                return new ExecutionResult(0, "", "");
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    List<String> uploads() {
        return List.copyOf(uploads);
    }

    List<String> commandLines() {
        return List.copyOf(commandLines);
    }
}
