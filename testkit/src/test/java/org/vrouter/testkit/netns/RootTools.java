package org.vrouter.testkit.netns;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The skip-unless-CI rule for the end-to-end suite: skip with a message when root or a tool is
 * missing, fail when {@code CI=true} (.ci/run installs every tool).
 */
final class RootTools {
    /** The routers' tools, the guests' (busybox udhcpc and httpd) and the probes' (dig, curl, nc, ss). */
    static final String[] END_TO_END_TOOLS = {"ip", "iptables", "iptables-restore", "iptables-save", "ipset", "dnsmasq", "haproxy",
        "start-stop-daemon", "busybox", "dig", "curl", "nc", "ss"};
    private static final String[] SEARCH_PATH = {"/usr/sbin", "/usr/bin", "/sbin", "/bin"};

    private RootTools() {}

    static void requireRootAndTools() {
        if (!isRoot()) {
            missing("the end-to-end suite needs root (network namespaces)");
        }
        for (String program : END_TO_END_TOOLS) {
            if (!installed(program)) {
                missing(program + " is not installed (Debian packages: see .ci/run)");
            }
        }
    }

    /** The redundant pair's daemons, on top of {@link #END_TO_END_TOOLS}. */
    static void requireRedundancyTools() {
        for (String program : new String[] {"keepalived", "conntrackd"}) {
            if (!installed(program)) {
                missing(program + " is not installed (Debian packages: see .ci/run)");
            }
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        }
        catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static boolean installed(String program) {
        for (String directory : SEARCH_PATH) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    private static void missing(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail(why + "; CI=true, so this is a failure, not a skip");
        }
        Assumptions.abort(why);
    }
}
