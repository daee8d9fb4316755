package org.vrouter.router.redundancy;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;

/**
 * How keepalived's notify hook reaches the transition ({@code redundancy-state <STATE>}): first the router's
 * {@code vrouterd} on its socket ({@code <root>/run/vrouter/vrouterd.sock}; in the netns backend the managing
 * process serves it), which runs it in a process that is up already; when none answers, the one-shot
 * launcher, whose argv before the subcommand and options after it this names. On a router it is
 * {@code /opt/vrouter/bin/vrouter}; under another root (a namespace router, a test) it is this JVM's java and
 * class path with {@code --root}. The hook runs inside keepalived's network namespace already, so no
 * {@code --netns} is needed (a Unix socket is reached by its path whatever the namespace).
 *
 * @param launcher the argv up to the subcommand, starting with an absolute path
 * @param root the router's root directory when it is not {@code /} (then passed as {@code --root}, to the
 *     launcher and in the daemon request)
 */
public record RedundancyEntryPoint(List<String> launcher, Optional<Path> root) {
    /** The router distribution's launcher. */
    public static final String ROUTER_LAUNCHER = "/opt/vrouter/bin/vrouter";
    /** The daemon's socket, a router path (the daemon package's {@code Vrouterd.SOCKET_PATH}). */
    static final String DAEMON_SOCKET = "/run/vrouter/vrouterd.sock";
    private static final String MAIN_CLASS = "org.vrouter.router.launcher.RouterMain";
    /** A root a request line carries as one word and the shell leaves alone inside a here-document. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9._/+@%=:,~-]+");

    public RedundancyEntryPoint {
        launcher = List.copyOf(requireNonNull(launcher, "launcher is null"));
        requireNonNull(root, "root is null");
        if (launcher.isEmpty() || !launcher.get(0).startsWith("/")) {
            throw new IllegalArgumentException("the launcher must start with an absolute path: " + launcher);
        }
        if (root.filter(directory -> !directory.isAbsolute()).isPresent()) {
            throw new IllegalArgumentException("the root must be absolute: " + root.get());
        }
    }

    /** The entry point for {@code host}: the distribution's launcher on {@code /}, this JVM under another root. */
    public static RedundancyEntryPoint forHost(Host host) {
        Path root = requireNonNull(host, "host is null").resolve("/");
        if (root.equals(Path.of("/"))) {
            return new RedundancyEntryPoint(List.of(ROUTER_LAUNCHER), Optional.empty());
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // a short-lived JVM: C1 only and a small heap start fastest, and the transition is on the failover path
        return new RedundancyEntryPoint(List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), MAIN_CLASS), Optional.of(root));
    }

    /** The options after the state: {@code --root DIR} under another root. */
    public List<String> options() {
        return root.map(directory -> List.of("--root", directory.toString())).orElse(List.of());
    }

    /**
     * What the notify script does in the shell, before the transition process, to move the public side in
     * milliseconds rather than after a process start.
     *
     * @param publicDevices the public interfaces: taken down at once for BACKUP and FAULT, and, when keepalived
     *     stops (it still holds the gateway while its hook runs), as soon as the gateway is gone (polled every
     *     20 ms for at most 4 s), so that a PRIMARY giving up never keeps the shared public address up while
     *     its peer comes up, nor drops it before its peer can take over
     * @param vrrpDevice the VRRP interface, and {@code gateway} the advertised gateway: PRIMARY brings the
     *     public interfaces up only while keepalived holds that gateway there (a late PRIMARY hook does nothing)
     * @param routes the routes through the public interfaces, as {@code ip route replace} arguments
     */
    public record FastPath(List<String> publicDevices, String vrrpDevice, String gateway, List<String> routes) {
        public FastPath {
            publicDevices = List.copyOf(requireNonNull(publicDevices, "publicDevices is null"));
            requireNonNull(vrrpDevice, "vrrpDevice is null");
            requireNonNull(gateway, "gateway is null");
            routes = List.copyOf(requireNonNull(routes, "routes is null"));
        }
    }

    /**
     * The notify script: the {@link FastPath} in the shell, then it runs itself again detached ({@code setsid
     * -f}, output appended to {@code logFile}, a resolved path) for the transition: one {@code redundancy-state}
     * request to the router's {@code vrouterd} ({@code nc -U}, as {@code update_config.py} sends its own; the
     * reply's stderr lines and a line with the status go to the log), or, when no daemon answers (no socket,
     * nobody accepting, a reply without a status line), {@code <launcher> redundancy-state "$@" <options>}, the
     * same transition one-shot. Its arguments are the state and {@code --stopping} from {@code notify_stop}.
     * Detached because keepalived ends its scripts when it exits, which would cut {@code notify_stop}'s
     * transition short; the transitions serialise on the configuration lock (the daemon also queues them in
     * arrival order) and observe the state themselves, so their order does not matter. Bounded in time by the
     * transition itself. A root that a request line cannot carry (a blank in it) means one-shot only.
     */
    public String script(String logFile, FastPath fast) {
        List<String> before = new ArrayList<>(launcher);
        before.add("redundancy-state");
        String head = ProgramCall.of(before).commandLine();
        String tail = options().isEmpty() ? "" : " " + ProgramCall.of(options()).commandLine();
        StringBuilder text = new StringBuilder();
        text.append("#!/bin/sh\n");
        text.append("# keepalived's notify hook (rendered by vrouter): one entry point for every VRRP transition\n");
        text.append("PATH=/usr/sbin:/usr/bin:/sbin:/bin\n");
        text.append("if [ \"$VROUTER_NOTIFY\" != detached ]; then\n");
        fastPath(text, fast);
        text.append("    VROUTER_NOTIFY=detached exec setsid -f \"$0\" \"$@\" >>").append(ProgramCall.of(logFile).commandLine())
                .append(" 2>&1\n");
        text.append("fi\n");
        daemonRequest(text);
        text.append("exec ").append(head).append(" \"$@\"").append(tail).append('\n');
        return text.toString();
    }

    /** The fast path, indented inside the first branch; nothing without public links. */
    private static void fastPath(StringBuilder text, FastPath fast) {
        if (fast.publicDevices().isEmpty()) {
            return;
        }
        String held = "ip -4 -o address show dev " + fast.vrrpDevice() + " | grep -qF ' " + fast.gateway() + "/'";
        String down = fast.publicDevices().stream().map(device -> "ip link set dev " + device + " down 2>/dev/null")
                .collect(Collectors.joining("; "));
        // keepalived stopping still holds the gateway while this runs: the public side goes when the gateway goes
        text.append("    if [ \"$2\" = --stopping ]; then\n");
        text.append("        setsid -f sh -c \"i=0; while [ \\$i -lt 200 ] && ").append(held)
                .append("; do sleep 0.02; i=\\$((i+1)); done; ").append(down).append("\"\n");
        text.append("    elif [ \"$1\" != PRIMARY ]; then\n");
        fast.publicDevices().forEach(device -> text.append("        ip link set dev ").append(device).append(" down 2>/dev/null\n"));
        text.append("    elif ").append(held).append("; then\n");
        fast.publicDevices().forEach(device -> text.append("        ip link set dev ").append(device).append(" up 2>/dev/null\n"));
        fast.routes().forEach(route -> text.append("        ip route replace ").append(route).append(" 2>/dev/null\n"));
        text.append("    fi\n");
    }

    /** The request to the daemon, when the root fits in a request line; its reply ends the script. */
    private void daemonRequest(StringBuilder text) {
        String rootWord = root.map(Path::toString).orElse("");
        if (root.isPresent() && !WORD.matcher(rootWord).matches()) {
            return;
        }
        String socket = rootWord + DAEMON_SOCKET;
        text.append("socket=").append(ProgramCall.of(socket).commandLine()).append('\n');
        text.append("if [ -S \"$socket\" ] && reply=$(nc -U \"$socket\" 2>/dev/null <<EOF\n");
        text.append("redundancy-state").append(root.isPresent() ? " --root " + rootWord : "").append(" -- $*\n");
        text.append("EOF\n");
        text.append("); then\n");
        text.append("    status=${reply%%\n*}\n");
        text.append("    case $status in \"status \"[0-9]|\"status \"[0-9][0-9]|\"status \"[0-9][0-9][0-9])\n");
        text.append("        [ \"$reply\" = \"$status\" ] || printf '%s\\n' \"${reply#*\n}\" >&2\n");
        text.append("        echo \"$(date '+%F %T.%N') redundancy-state $*: vrouterd exit ${status#status }\"\n");
        text.append("        exit \"${status#status }\" ;;\n");
        text.append("    esac\n");
        text.append("fi\n");
    }
}
