package org.vrouter.router.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file under a router root, with content and mode, to prove that a rejected run changed nothing.
 * The lock file is left out: taking the lock creates it, and it holds no state.
 */
final class RouterTree {
    private RouterTree() {}

    static Map<String, String> of(Path root) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String relative = "/" + root.relativize(path);
                if (!relative.equals(ConfigLock.PATH)) {
                    files.put(relative, PosixFilePermissions.toString(Files.getPosixFilePermissions(path)) + " "
                            + Base64.getEncoder().encodeToString(Files.readAllBytes(path)));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
