package org.vrouter.core.routing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.vrouter.core.channel.ExecutionResult;
import org.vrouter.core.channel.RouterChannel;
import org.vrouter.core.channel.RouterChannelFactory;
import org.vrouter.core.channel.RouterEndpoint;

/**
 * A {@link RouterChannelFactory} whose channels do nothing but record: every open, upload (path,
 * size, timeout), command line (with timeout) and close, per router, in order. Uploads are kept;
 * what a command line answers (or throws) is up to the test.
 */
final class RecordingRouterChannels implements RouterChannelFactory {
    /** What a channel answers to a command line; may throw to simulate a channel failure. */
    interface Responder {
        ExecutionResult run(RouterEndpoint router, String commandLine) throws IOException;
    }

    /** Called before a file is "written"; may throw to simulate a failed transfer. */
    interface UploadCheck {
        void check(RouterEndpoint router, String path) throws IOException;
    }

    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, byte[]> uploads = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile Responder responder = (router, commandLine) -> new ExecutionResult(0, "", "");
    private volatile UploadCheck uploadCheck = (router, path) -> { };

    void respond(Responder responder) {
        this.responder = responder;
    }

    void checkUploads(UploadCheck uploadCheck) {
        this.uploadCheck = uploadCheck;
    }

    List<String> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    byte[] uploaded(String path) {
        byte[] bytes = uploads.get(path);
        if (bytes == null) {
            throw new AssertionError("nothing uploaded to " + path + "; uploads: " + uploads.keySet());
        }
        return bytes;
    }

    @Override
    public RouterChannel open(RouterEndpoint router) {
        events.add(router.name() + " open");
        return new RouterChannel() {
            @Override
            public void upload(String directory, String name, byte[] contents, Duration timeout) throws IOException {
                events.add(router.name() + " upload " + directory + name + " (" + contents.length + " bytes, " + timeout.toSeconds() + " s)");
                uploadCheck.check(router, directory + name);
                uploads.put(directory + name, contents.clone());
            }

            @Override
            public ExecutionResult execute(String commandLine, Duration timeout) throws IOException {
                events.add(router.name() + " exec " + commandLine + " (" + timeout.toSeconds() + " s)");
                return responder.run(router, commandLine);
            }

            @Override
            public void close() {
                events.add(router.name() + " close");
            }
        };
    }
}
