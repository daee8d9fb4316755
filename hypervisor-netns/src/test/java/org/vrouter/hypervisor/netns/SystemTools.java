package org.vrouter.hypervisor.netns;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The skip-unless-CI rule for this module's root tests: skip with a message when root or a tool is
 * missing, fail when {@code CI=true} (.ci/run installs every tool).
 */
public final class SystemTools {
    /** What a namespace router runs: iproute2 and the router side's tools. */
    public static final String[] ROUTER_TOOLS = {"ip", "iptables", "iptables-restore", "iptables-save", "ipset", "dnsmasq", "haproxy",
        "start-stop-daemon"};
    private static final String[] SEARCH_PATH = {"/usr/sbin", "/usr/bin", "/sbin", "/bin"};

    private SystemTools() {}

    /** Skips (or fails under CI) unless the test runs as root with every program installed. */
    public static void requireRootAnd(String... programs) {
        if (!isRoot()) {
            missing("this test needs root (network namespaces)");
        }
        for (String program : programs) {
            if (!installed(program)) {
                missing(program + " is not installed (Debian packages: see .ci/run)");
            }
        }
    }

    private static boolean isRoot() {
        try {
            // /proc/self belongs to the process's effective user
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
