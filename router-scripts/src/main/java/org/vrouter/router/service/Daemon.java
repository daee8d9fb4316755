package org.vrouter.router.service;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A daemon the router runs: its name (the systemd unit on a router, and the pid file's name when
 * started directly), the argv that starts it in the foreground when started directly, and the
 * signal that makes it reload its configuration.
 *
 * <p>The caller builds the argv, starting with the program's absolute path (no {@code PATH}
 * search), with paths already resolved by its
 * {@link org.vrouter.router.host.Host#resolve(String)}; the daemon must stay in the foreground
 * (dnsmasq {@code -k}, haproxy {@code -W} without {@code -D}), because the direct service manager
 * backgrounds it and records its pid.
 */
public record Daemon(String name, List<String> argv, Signal reloadSignal) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9@_.-]{0,63}");

    public Daemon {
        requireNonNull(name, "name is null");
        argv = List.copyOf(requireNonNull(argv, "argv is null"));
        requireNonNull(reloadSignal, "reloadSignal is null");
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("daemon name must be 1-64 lower-case letters, digits, '@', '_', '.' or '-': '"
                    + name + "'");
        }
        if (argv.isEmpty() || !argv.get(0).startsWith("/")) {
            throw new IllegalArgumentException("daemon " + name + " needs an argv starting with the program's absolute path: "
                    + argv);
        }
    }

    /** A daemon that reloads on SIGHUP. */
    public static Daemon of(String name, List<String> argv) {
        return new Daemon(name, argv, Signal.HUP);
    }
}
