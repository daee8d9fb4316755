package org.vrouter.router.redundancy;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;

/**
 * How keepalived's notify hook reaches {@code vrouter redundancy-state <STATE>}: the argv before the
 * subcommand and the options after it. On a router it is {@code /opt/vrouter/bin/vrouter}; under another
 * root (a namespace router, a test) it is this JVM's java and class path with {@code --root}. The hook runs
 * inside keepalived's network namespace already, so no {@code --netns} is needed.
 *
 * @param launcher the argv up to the subcommand, starting with an absolute path
 * @param options the options after the state ({@code --root DIR})
 */
public record RedundancyEntryPoint(List<String> launcher, List<String> options) {
    /** The router distribution's launcher. */
    public static final String ROUTER_LAUNCHER = "/opt/vrouter/bin/vrouter";
    private static final String MAIN_CLASS = "org.vrouter.router.launcher.RouterMain";

    public RedundancyEntryPoint {
        launcher = List.copyOf(requireNonNull(launcher, "launcher is null"));
        options = List.copyOf(requireNonNull(options, "options is null"));
        if (launcher.isEmpty() || !launcher.get(0).startsWith("/")) {
            throw new IllegalArgumentException("the launcher must start with an absolute path: " + launcher);
        }
    }

    /** The entry point for {@code host}: the distribution's launcher on {@code /}, this JVM under another root. */
    public static RedundancyEntryPoint forHost(Host host) {
        Path root = requireNonNull(host, "host is null").resolve("/");
        if (root.equals(Path.of("/"))) {
            return new RedundancyEntryPoint(List.of(ROUTER_LAUNCHER), List.of());
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // a short-lived JVM: C1 only and a small heap start fastest, and the transition is on the failover path
        return new RedundancyEntryPoint(List.of(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), MAIN_CLASS), List.of("--root", root.toString()));
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
     * The notify script: the {@link FastPath} in the shell, then {@code setsid -f <launcher> redundancy-state
     * "$@" <options>} (the state, and {@code --stopping} from {@code notify_stop}), which does the whole
     * transition and is the authority; its output appended to {@code logFile} (a resolved path); bounded in
     * time by the transition itself. Detached because keepalived ends its scripts when it exits, which would
     * cut {@code notify_stop}'s transition short; the transitions serialise on the configuration lock and
     * observe the state themselves, so their order does not matter.
     */
    public String script(String logFile, FastPath fast) {
        List<String> before = new ArrayList<>(launcher);
        before.add("redundancy-state");
        String head = ProgramCall.of(before).commandLine();
        String tail = options.isEmpty() ? "" : " " + ProgramCall.of(options).commandLine();
        StringBuilder text = new StringBuilder();
        text.append("#!/bin/sh\n");
        text.append("# keepalived's notify hook (rendered by vrouter): one entry point for every VRRP transition\n");
        text.append("PATH=/usr/sbin:/usr/bin:/sbin:/bin\n");
        if (!fast.publicDevices().isEmpty()) {
            String held = "ip -4 -o address show dev " + fast.vrrpDevice() + " | grep -qF ' " + fast.gateway() + "/'";
            String down = fast.publicDevices().stream().map(device -> "ip link set dev " + device + " down 2>/dev/null")
                    .collect(java.util.stream.Collectors.joining("; "));
            // keepalived stopping still holds the gateway while this runs: the public side goes when the gateway goes
            text.append("if [ \"$2\" = --stopping ]; then\n");
            text.append("    setsid -f sh -c \"i=0; while [ \\$i -lt 200 ] && ").append(held.replace("'", "'"))
                    .append("; do sleep 0.02; i=\\$((i+1)); done; ").append(down).append("\"\n");
            text.append("elif [ \"$1\" != PRIMARY ]; then\n");
            fast.publicDevices().forEach(device -> text.append("    ip link set dev ").append(device).append(" down 2>/dev/null\n"));
            text.append("elif ").append(held).append("; then\n");
            fast.publicDevices().forEach(device -> text.append("    ip link set dev ").append(device).append(" up 2>/dev/null\n"));
            fast.routes().forEach(route -> text.append("    ip route replace ").append(route).append(" 2>/dev/null\n"));
            text.append("fi\n");
        }
        text.append("setsid -f ").append(head).append(" \"$@\"").append(tail).append(" >>").append(ProgramCall.of(logFile).commandLine())
                .append(" 2>&1\n");
        return text.toString();
    }
}
