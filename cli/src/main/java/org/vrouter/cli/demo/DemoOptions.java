package org.vrouter.cli.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.vrouter.hypervisor.netns.network.NetnsNames;

/**
 * The demo's options: {@code --backend simulator|netns}, {@code --out DIR} (where the routers'
 * root directories go, under {@code routers/} for netns; a new temporary directory by default) and,
 * for netns, {@code --prefix NAME}: the prefix of every namespace the run makes
 * ({@value NetnsNames#DEFAULT_PREFIX} by default), so that two runs, or a run beside a test, never
 * meet.
 */
record DemoOptions(String backend, Optional<Path> workDirectory, NetnsNames names) {
    static final String NETNS = "netns";
    private static final String USAGE = "usage: vrouter demo [--backend simulator|netns] [--out DIR] [--prefix NAME]";

    boolean isNetns() {
        return backend.equals(NETNS);
    }

    static DemoOptions parse(List<String> args) {
        String backend = "simulator";
        Path out = null;
        NetnsNames names = NetnsNames.defaults();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--backend" -> backend = value(args, ++i, arg);
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--prefix" -> names = NetnsNames.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "' (" + USAGE + ")");
            }
        }
        if (!backend.equals("simulator") && !backend.equals(NETNS)) {
            throw new IllegalArgumentException("unknown backend '" + backend + "' (simulator or netns)");
        }
        return new DemoOptions(backend, Optional.ofNullable(out), names);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
