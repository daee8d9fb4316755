package org.vrouter.router.host;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A router sandboxed in a network namespace: files under a root directory, programs run inside
 * the namespace as {@code ip netns exec <name> <argv...>}. The namespace must already exist; its
 * owner (the netns backend) creates and deletes it.
 */
public final class NamespaceHost extends RootedHost {
    /** Names {@code ip netns} accepts as a file under /run/netns, without anything a shell or path could misread. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private final String namespace;

    public NamespaceHost(Path root, String namespace) {
        super(root);
        this.namespace = requireValidName(namespace);
    }

    /**
     * The name, if it is a valid namespace name.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String requireValidName(String namespace) {
        requireNonNull(namespace, "namespace is null");
        if (!NAME.matcher(namespace).matches() || namespace.contains("..")) {
            throw new IllegalArgumentException("namespace name must be 1-64 letters, digits, '_', '.' or '-', "
                    + "starting with a letter or digit: '" + namespace + "'");
        }
        return namespace;
    }

    public String namespace() {
        return namespace;
    }

    @Override
    public ProgramResult run(ProgramCall call) throws IOException {
        List<String> argv = new ArrayList<>(call.argv().size() + 4);
        argv.addAll(List.of("ip", "netns", "exec", namespace));
        argv.addAll(call.argv());
        return ProcessRunner.run(argv, call);
    }

    @Override
    public String toString() {
        return "NamespaceHost[" + rootDirectory() + ", netns " + namespace + "]";
    }
}
