package org.vrouter.cli.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The router's own entry points, {@code /opt/cloud/bin/update_config.py} and {@code vr_cfg.sh}, copied
 * out of the router distribution and run with {@code sh} as CloudStack runs them, against a benchmark
 * router ({@code VROUTER_ROOT}). Their one-shot fallback runs this very build of the command line in a
 * fresh JVM, on the same host the benchmark uses (the router's namespace, or a dry run).
 */
final class EntryScripts {
    private static final String DISTRIBUTION = "/router-dist/opt/cloud/bin/";
    private static final Duration LIMIT = Duration.ofMinutes(10);
    private static final String ONE_SHOTS = "one-shots";

    private final Path bin;
    private final boolean apply;

    private EntryScripts(Path bin, boolean apply) {
        this.bin = bin;
        this.apply = apply;
    }

    /**
     * Copies the scripts into {@code directory} and writes the one-shot launcher beside them.
     *
     * @param apply false: the one-shot runs are dry runs (rendered and written, no program run)
     */
    static EntryScripts install(Path directory, boolean apply) throws IOException {
        Path bin = Files.createDirectories(directory.resolve("bin"));
        for (String script : List.of("update_config.py", "vr_cfg.sh")) {
            try (InputStream in = EntryScripts.class.getResourceAsStream(DISTRIBUTION + script)) {
                if (in == null) {
                    throw new IOException("the router distribution's " + script + " is not on the class path");
                }
                Files.write(bin.resolve(script), in.readAllBytes());
            }
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // VROUTER_BENCH_HOST names the router's host: --netns NAME or --dry-run (one word or two, no spaces inside)
        // each one-shot run leaves a line in one-shots, so that a run meant for vrouterd that fell back is noticed
        Files.writeString(bin.resolve("vrouter"), "#!/bin/sh\necho \"$*\" >> '" + bin.resolve(ONE_SHOTS) + "'\ncommand=$1\nshift\nexec '" + java
                + "' -cp '" + classPath + "' org.vrouter.cli.Main \"$command\" $VROUTER_BENCH_HOST \"$@\"\n");
        Files.setPosixFilePermissions(bin.resolve("vrouter"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return new EntryScripts(bin, apply);
    }

    /** How many times the scripts have fallen back to the one-shot launcher. */
    int oneShots() throws IOException {
        Path file = bin.resolve(ONE_SHOTS);
        return Files.exists(file) ? (int) Files.readAllLines(file).stream().count() : 0;
    }

    /** Runs {@code update_config.py} on a router; it must succeed. Returns its wall time. */
    Duration updateConfig(Sandbox.Router router, String... args) throws IOException {
        return run(router, "update_config.py", args);
    }

    /** Runs {@code vr_cfg.sh} on a router; it must succeed. Returns its wall time. */
    Duration vrCfg(Sandbox.Router router, String... args) throws IOException {
        return run(router, "vr_cfg.sh", args);
    }

    private Duration run(Sandbox.Router router, String script, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", bin.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("VROUTER_ROOT", router.root().toString());
        builder.environment().put("VROUTER", bin.resolve("vrouter").toString());
        builder.environment().put("VROUTER_BENCH_HOST", router.namespace().filter(namespace -> apply).map(namespace -> "--netns " + namespace)
                .orElse("--dry-run"));
        builder.environment().remove("DEFER_CONFIG");
        long start = System.nanoTime();
        Process process = builder.start();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(script + " still running after " + LIMIT);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + script + " ran", e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (process.exitValue() != 0) {
            throw new IOException(script + " " + String.join(" ", args) + ": exit " + process.exitValue() + ": " + stderr.strip());
        }
        return elapsed;
    }
}
