package org.vrouter.router.launcher;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.LocalHost;
import org.vrouter.router.host.NamespaceHost;

/**
 * The options every router-side subcommand takes: {@code --root DIR} (default {@code /}),
 * {@code --netns NAME} (programs run in that network namespace), {@code --dry-run} (files under the root,
 * programs only logged to {@code <root>/var/log/vrouter/dry-run.log}), plus {@code -c FILE} where a
 * subcommand allows it. {@code --} ends the options.
 *
 * @param batch the value of {@code -c}, when given
 * @param positional the remaining arguments, in order
 */
record RouterOptions(Path root, Optional<String> netns, boolean dryRun, Optional<String> batch, List<String> positional) {
    RouterOptions {
        requireNonNull(root, "root is null");
        requireNonNull(netns, "netns is null");
        requireNonNull(batch, "batch is null");
        positional = List.copyOf(positional);
    }

    /** The options that describe an existing host: its root, and its namespace or dry run. */
    static RouterOptions describing(Host host) {
        Optional<String> netns = host instanceof NamespaceHost namespaced ? Optional.of(namespaced.namespace()) : Optional.empty();
        return new RouterOptions(host.resolve("/"), netns, host instanceof DryRunHost, Optional.empty(), List.of());
    }

    static RouterOptions parse(List<String> args, boolean batchOption) throws UsageException {
        Path root = Path.of("/");
        Optional<String> netns = Optional.empty();
        boolean dryRun = false;
        Optional<String> batch = Optional.empty();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (arg.equals("--root") || arg.startsWith("--root=")) {
                root = Path.of(value(args, i, "--root"));
                i += arg.contains("=") ? 0 : 1;
            }
            else if (arg.equals("--netns") || arg.startsWith("--netns=")) {
                netns = Optional.of(value(args, i, "--netns"));
                i += arg.contains("=") ? 0 : 1;
            }
            else if (arg.equals("--dry-run")) {
                dryRun = true;
            }
            else if (batchOption && arg.equals("-c")) {
                batch = Optional.of(value(args, i, "-c"));
                i++;
            }
            else if (arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown option " + arg);
            }
            else {
                positional.add(arg);
            }
        }
        return new RouterOptions(root.toAbsolutePath().normalize(), netns, dryRun, batch, positional);
    }

    private static String value(List<String> args, int index, String option) throws UsageException {
        String arg = args.get(index);
        if (arg.startsWith(option + "=")) {
            return arg.substring(option.length() + 1);
        }
        if (index + 1 >= args.size() || args.get(index + 1).isEmpty()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index + 1);
    }

    /** The same options as a dry run: whatever runs is only logged. */
    RouterOptions asDryRun() {
        return new RouterOptions(root, netns, true, batch, positional);
    }

    /** The host these options describe: a dry run, a network namespace, or this machine. */
    Host host() throws UsageException {
        if (dryRun) {
            return new DryRunHost(root);
        }
        if (netns.isPresent()) {
            try {
                return new NamespaceHost(root, netns.get());
            }
            catch (IllegalArgumentException e) {
                throw new UsageException("--netns: " + e.getMessage());
            }
        }
        return root.equals(Path.of("/")) ? LocalHost.system() : LocalHost.at(root);
    }
}
