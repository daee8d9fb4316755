package org.vrouter.hypervisor.vmware;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Assumptions;

/**
 * VMware's vCenter simulator for tests: our own Go main ({@code src/test/go/vcsim/main.go}) over the
 * govmomi simulator library Debian packages, built once into {@code target/vcsim/} (the binary's
 * name carries a hash of the source, so an edit rebuilds it; Go's cache and GOPATH live there too,
 * GOPATH mode with {@code /usr/share/gocode}, no download), then started on 127.0.0.1 on a free port
 * and stopped by its PID (SIGTERM, so it removes its temporary datastore directory).
 *
 * <p>Without {@code go} or the package the tests are skipped with a message, except under
 * {@code CI=true}, where that is a failure ({@code .ci/run} installs both).
 */
final class VcSimulator implements AutoCloseable {
    static final String USER = "vrouter";
    static final String PASSWORD = "vcsim-secret";
    /** The simulator's inventory (govmomi's VPX model). */
    static final String DATACENTER = "DC0";
    static final String STANDALONE_HOST = "DC0_H0";
    static final String CLUSTER = "DC0_C0";
    static final String DATASTORE = "LocalDS_0";

    private static final Path GOCODE = Path.of("/usr/share/gocode");
    private static final Path SIMULATOR_LIBRARY = GOCODE.resolve("src/github.com/vmware/govmomi/simulator");
    private static final Path SOURCE = Path.of("src/test/go/vcsim/main.go");
    private static final Path WORK = Path.of("target/vcsim");
    private static final long BUILD_TIMEOUT_SECONDS = 150;
    private static final long START_TIMEOUT_SECONDS = 30;

    private final Process process;
    private final URI sdkUrl;

    private VcSimulator(Process process, URI sdkUrl) {
        this.process = process;
        this.sdkUrl = sdkUrl;
    }

    /**
     * Builds (once) and starts a simulator accepting only {@link #USER} / {@link #PASSWORD}.
     *
     * @param options more flags of the main ({@code -delay PowerOnVM_Task=3000})
     */
    static VcSimulator start(String... options) throws IOException, InterruptedException {
        Path binary = binary();
        List<String> command = new ArrayList<>(List.of(binary.toString(), "-l", "127.0.0.1:0", "-username", USER, "-password", PASSWORD));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(WORK.resolve("vcsim.log").toFile()))
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            String line = firstLine.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new IOException("the simulator exited before serving; see " + WORK.resolve("vcsim.log").toAbsolutePath());
            }
            return new VcSimulator(process, URI.create(line.strip()));
        }
        catch (ExecutionException | TimeoutException | IOException e) {
            process.destroyForcibly();
            throw new IOException("the simulator did not start: " + e, e);
        }
    }

    /** {@code https://127.0.0.1:<port>/sdk}. */
    URI sdkUrl() {
        return sdkUrl;
    }

    /** Stops the simulator by its PID: SIGTERM, then SIGKILL after 10 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static synchronized Path binary() throws IOException, InterruptedException {
        requireTools();
        byte[] source = Files.readAllBytes(SOURCE);
        Path binary = WORK.resolve("vcsim-" + hash(source)).toAbsolutePath();
        if (Files.isExecutable(binary)) {
            return binary;
        }
        Path gopath = WORK.resolve("gopath").toAbsolutePath();
        Path packageDirectory = gopath.resolve("src/vcsim");
        Files.createDirectories(packageDirectory);
        Files.copy(SOURCE, packageDirectory.resolve("main.go"), StandardCopyOption.REPLACE_EXISTING);
        Path building = WORK.resolve("vcsim.building").toAbsolutePath();
        ProcessBuilder build = new ProcessBuilder("go", "build", "-o", building.toString(), "vcsim")
                .directory(gopath.toFile())
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("build.log").toFile());
        Map<String, String> environment = build.environment();
        environment.put("GO111MODULE", "off");
        environment.put("GOPATH", gopath + ":" + GOCODE);
        environment.put("GOCACHE", WORK.resolve("gocache").toAbsolutePath().toString());
        environment.put("GOFLAGS", "");
        environment.put("GOENV", "off"); // no go env -w settings of the machine (GOFLAGS, GOPROXY...)
        environment.put("CGO_ENABLED", "0");
        Process process = build.start();
        if (!process.waitFor(BUILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("go build of the simulator took over " + BUILD_TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("go build of the simulator failed: " + Files.readString(WORK.resolve("build.log")));
        }
        Files.move(building, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return binary;
    }

    private static void requireTools() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        String missing = null;
        if (!onPath("go")) {
            missing = "go (Debian package golang-go)";
        }
        else if (!Files.isDirectory(SIMULATOR_LIBRARY)) {
            missing = SIMULATOR_LIBRARY + " (Debian package golang-github-vmware-govmomi-dev)";
        }
        if (missing == null) {
            return;
        }
        String message = "the vCenter simulator needs " + missing;
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message + ", and CI=true: .ci/run installs it");
        }
        Assumptions.abort(message + "; skipping the simulator tests");
    }

    private static boolean onPath(String program) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(directory -> !directory.isEmpty() && Files.isExecutable(Path.of(directory, program)));
    }

    private static String hash(byte[] source) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(source)).substring(0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
