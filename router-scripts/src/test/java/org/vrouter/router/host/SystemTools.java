package org.vrouter.router.host;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The skip-unless-CI rule for tests that need root or a system tool: skip with a message when it is
 * missing, fail when {@code CI=true} (CI installs every tool).
 */
public final class SystemTools {
    private static final String[] SEARCH_PATH = {"/usr/sbin", "/usr/bin", "/sbin", "/bin"};

    private SystemTools() {}

    /** Skips (or fails under CI) unless every program is installed. */
    public static void require(String... programs) {
        for (String program : programs) {
            if (!installed(program)) {
                missing(program + " is not installed (Debian: see router-scripts' list of test packages)");
            }
        }
    }

    /** Skips (or fails under CI) unless the tests run as root. */
    public static void requireRoot() {
        if (!isRoot()) {
            missing("this test needs root (network namespaces)");
        }
    }

    private static boolean isRoot() {
        try {
            // /proc/self belongs to the process's effective user
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        }
        catch (java.io.IOException | UnsupportedOperationException e) {
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
