package org.vrouter.hypervisor.xen;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.vrouter.core.channel.ExecutionResult;
import org.vrouter.core.channel.RouterChannel;
import org.vrouter.core.channel.RouterChannelFactory;
import org.vrouter.core.channel.RouterEndpoint;

/**
 * Channels to routers that record what a resource sends (files and command lines, per router) and
 * answer as a healthy CloudStack router does: {@code get_template_version.sh} with a version pair,
 * everything else with exit 0 and no output.
 */
final class RecordingRouterChannels implements RouterChannelFactory {
    static final String VERSIONS = "Cloudstack Release 4.19.0 xen-test&xen-test-scripts";

    /** What went to a router: a file or a command line. */
    record Sent(RouterEndpoint router, String what, String contents) {}

    private final List<Sent> sent = new ArrayList<>();

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** The command lines run on {@code router}, in order. */
    synchronized List<String> commandLines(String router) {
        return sent.stream().filter(item -> item.router().name().equals(router) && item.contents() == null).map(Sent::what).toList();
    }

    /** The contents of every file written to {@code router}, in order. */
    synchronized List<String> files(String router) {
        return sent.stream().filter(item -> item.router().name().equals(router) && item.contents() != null).map(Sent::contents).toList();
    }

    private synchronized void record(Sent item) {
        sent.add(item);
    }

    @Override
    public RouterChannel open(RouterEndpoint router) {
        return new RouterChannel() {
            @Override
            public void upload(String directory, String name, byte[] contents, Duration timeout) {
                record(new Sent(router, directory + name, new String(contents, UTF_8)));
            }

            @Override
            public ExecutionResult execute(String commandLine, Duration timeout) {
                record(new Sent(router, commandLine, null));
                return new ExecutionResult(0, commandLine.contains("get_template_version.sh") ? VERSIONS : "", "");
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }
}
