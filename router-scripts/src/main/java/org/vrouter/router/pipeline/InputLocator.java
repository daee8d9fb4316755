package org.vrouter.router.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;

/**
 * Turns the {@code FILE} of the command line into a router path. {@code FILE} is a name inside
 * {@code <root>/var/cache/cloud/} (as CloudStack sends it), a router path that exists under the root
 * ({@code /var/cache/cloud/VR-<uuid>.cfg}), or a path on this machine; a file outside the root is copied
 * into the cache first, as the management side's upload would, and never changed itself. Used by
 * {@link EntryPoints}, so that the one-shot command line and {@code vrouterd} find inputs alike.
 */
final class InputLocator {
    static final String CACHE = "/var/cache/cloud/";

    private InputLocator() {}

    /**
     * The router path of {@code file}.
     *
     * @param inCache whether the file must be directly in the cache ({@code update_config} takes a name
     *     there); one elsewhere under the root is copied in
     * @throws UnusableInputException when the file does not exist, or a copy would replace a different file
     */
    static String locate(Host host, String file, boolean inCache) throws IOException, UnusableInputException {
        String routerPath = file.contains("/") ? routerPath(host, file) : CACHE + file;
        if (inCache && !routerPath.equals(CACHE + name(routerPath))) {
            Optional<byte[]> content = host.read(routerPath);
            if (content.isEmpty()) {
                throw new UnusableInputException(file + ": no such file");
            }
            return copyIntoCache(host, name(routerPath), content.get());
        }
        return routerPath;
    }

    private static String routerPath(Host host, String file) throws IOException, UnusableInputException {
        if (file.startsWith("/") && isRouterPath(file) && host.exists(file)) {
            return file;
        }
        Path root = host.resolve("/");
        Path path = Path.of(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new UnusableInputException(file + ": no such file");
        }
        if (path.startsWith(root) && !path.equals(root)) {
            return "/" + root.relativize(path);
        }
        return copyIntoCache(host, path.getFileName().toString(), Files.readAllBytes(path));
    }

    private static String copyIntoCache(Host host, String name, byte[] content) throws IOException, UnusableInputException {
        String target = CACHE + name;
        Optional<byte[]> existing = host.read(target);
        if (existing.isPresent() && !Arrays.equals(existing.get(), content)) {
            throw new UnusableInputException(name + ": a different file of that name is already in " + CACHE);
        }
        if (existing.isEmpty()) {
            host.write(target, content, FileMode.SECRET);
        }
        return target;
    }

    private static boolean isRouterPath(String file) {
        return !file.contains("//") && !file.endsWith("/") && Arrays.stream(file.substring(1).split("/"))
                .noneMatch(segment -> segment.equals(".") || segment.equals(".."));
    }

    static String name(String routerPath) {
        return routerPath.substring(routerPath.lastIndexOf('/') + 1);
    }

    /** A {@code FILE} argument that names no usable file; the message is for stderr. */
    static final class UnusableInputException extends Exception {
        private static final long serialVersionUID = 1L;

        UnusableInputException(String message) {
            super(message);
        }
    }
}
