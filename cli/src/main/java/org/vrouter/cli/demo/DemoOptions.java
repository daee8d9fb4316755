package org.vrouter.cli.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The demo's options: {@code --backend simulator|netns} and {@code --out DIR} (where the routers'
 * root directories go, under {@code routers/} for netns; a new temporary directory by default).
 */
record DemoOptions(String backend, Optional<Path> workDirectory) {
    static final String NETNS = "netns";

    boolean isNetns() {
        return backend.equals(NETNS);
    }

    static DemoOptions parse(List<String> args) {
        String backend = "simulator";
        Path out = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--backend" -> backend = value(args, ++i, arg);
                case "--out" -> out = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "' (usage: vrouter demo [--backend simulator|netns] [--out DIR])");
            }
        }
        if (!backend.equals("simulator") && !backend.equals(NETNS)) {
            throw new IllegalArgumentException("unknown backend '" + backend + "' (simulator or netns)");
        }
        return new DemoOptions(backend, Optional.ofNullable(out));
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
