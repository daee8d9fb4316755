package org.vrouter.hypervisor.kvm;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The skip-unless-CI rule of this module's tests: skip with a message when a system package is
 * missing, fail when {@code CI=true} (.ci/run installs libvirt0, libvirt-clients, xorriso, genisoimage).
 */
public final class SystemTools {
    private static final String[] SEARCH_PATH = {"/usr/bin", "/usr/sbin", "/bin", "/sbin"};

    private SystemTools() {}

    /** Whether {@code program} is in the usual directories or on {@code PATH}. */
    public static boolean installed(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        for (String directory : SEARCH_PATH) {
            if (Files.isExecutable(Path.of(directory, program))) {
                return true;
            }
        }
        return false;
    }

    /** Skips (fails under CI) unless {@code program} from Debian package {@code debianPackage} is installed. */
    public static void require(String program, String debianPackage) {
        if (!installed(program)) {
            missing(program + " is not installed (Debian package " + debianPackage + ", see .ci/run)");
        }
    }

    public static void missing(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail(why + "; CI=true, so this is a failure, not a skip");
        }
        Assumptions.abort(why);
    }
}
