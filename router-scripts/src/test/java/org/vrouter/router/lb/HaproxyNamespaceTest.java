package org.vrouter.router.lb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.router.host.NamespaceHost;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.TestNamespace;
import org.vrouter.router.service.ConfigRejectedException;
import org.vrouter.router.service.Daemon;
import org.vrouter.router.service.DirectServiceManager;
import org.vrouter.router.service.ServiceAction;

/**
 * A real haproxy in master-worker mode, started by the direct service manager inside a network
 * namespace of its own, in front of a tiny HTTP server in the same namespace: a changed
 * configuration is reloaded by the same master without refusing a request, a rejected one leaves
 * the old one serving.
 */
@Tag("root")
class HaproxyNamespaceTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BACKEND = """
            import com.sun.net.httpserver.HttpServer;
            import java.net.InetSocketAddress;
            import java.nio.charset.StandardCharsets;

            public class Backend {
                public static void main(String[] args) throws Exception {
                    HttpServer server = HttpServer.create(new InetSocketAddress(args[0], Integer.parseInt(args[1])), 50);
                    byte[] body = "backend\\n".getBytes(StandardCharsets.UTF_8);
                    server.createContext("/", exchange -> {
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                    });
                    server.start();
                    System.out.println("ready");
                }
            }
            """;

    @TempDir
    Path root;

    private TestNamespace namespace;
    private NamespaceHost host;
    private DirectServiceManager services;
    private Daemon daemon;
    private HaproxyApplier applier;
    private Process backend;

    @BeforeEach
    void startNamespace() throws Exception {
        namespace = TestNamespace.create("haproxy", "curl", "start-stop-daemon");
        namespace.run("ip", "link", "set", "lo", "up");
        host = namespace.host(root);
        services = new DirectServiceManager(host);
        daemon = HaproxyApplier.daemon(host);
        applier = new HaproxyApplier(host, services, daemon, Clock.systemUTC());
        backend = startBackend();
    }

    @AfterEach
    void stopNamespace() throws IOException {
        if (namespace == null) {
            return;
        }
        try {
            services.stop(daemon);
        }
        finally {
            try {
                if (backend != null) {
                    backend.destroyForcibly();
                    backend.onExit().orTimeout(10, TimeUnit.SECONDS).join();
                }
            }
            finally {
                namespace.close();
            }
        }
    }

    @Test
    void reloadsSeamlesslyAndKeepsServingWhenANewConfigurationIsRejected() throws Exception {
        assertThat(applier.apply(config("v1")).action()).isEqualTo(ServiceAction.STARTED);
        assertThat(awaitVersion("v1")).isEqualTo("v1");
        assertThat(Files.readAttributes(host.resolve("/run/haproxy/admin.sock"), java.nio.file.attribute.BasicFileAttributes.class).isOther()).as("this router's own stats socket").isTrue();
        long master = masterPid();

        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            while (loading.get()) {
                sent.incrementAndGet();
                if (version().isEmpty()) {
                    failed.incrementAndGet();
                }
            }
        });
        Thread.sleep(300);
        HaproxyReport reload = applier.apply(config("v2"));
        assertThat(awaitVersion("v2")).isEqualTo("v2");
        Thread.sleep(300);
        loading.set(false);
        load.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(reload.action()).isEqualTo(ServiceAction.RELOADED);
        assertThat(masterPid()).as("the master survives a reload").isEqualTo(master);
        assertThat(failed.get()).as("requests refused during the reload, out of %s", sent.get()).isZero();
        assertThat(sent.get()).isGreaterThan(2);

        LoadBalancerInput invalid = LoadBalancerInput.of(config("v3").text().replace("\tmode http\n", "\tmode http\n\tbogus-keyword 1\n"));
        assertThatThrownBy(() -> applier.apply(invalid))
                .isInstanceOf(ConfigRejectedException.class)
                .hasMessageContaining("haproxy rejected the new /etc/haproxy/haproxy.cfg: parsing [/etc/haproxy/haproxy.cfg:")
                .hasMessageContaining("bogus-keyword")
                .hasMessageContaining("; the previous configuration is still in force");
        assertThat(host.readText(HaproxyApplier.CONFIG_PATH)).hasValueSatisfying(text -> assertThat(text).contains(
                "X-Config v2\n").contains("stats socket " + root + "/run/haproxy/admin.sock"));
        assertThat(version()).isEqualTo("v2");
        assertThat(masterPid()).isEqualTo(master);

        assertThat(applier.apply(LoadBalancerInput.none()).action()).isEqualTo(ServiceAction.STOPPED);
        assertThat(services.isRunning(daemon)).isFalse();
        assertThat(ProcessHandle.of(master).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(version()).isEmpty();
    }

    /** A complete configuration whose responses carry {@code X-Config: <version>}. */
    private LoadBalancerInput config(String version) {
        return LoadBalancerInput.of(
                "global",
                "\tmaxconn 256",
                "\tstats socket /run/haproxy/admin.sock mode 600 level admin expose-fd listeners",
                "\tdaemon",
                "",
                "defaults",
                "\tmode http",
                "\ttimeout connect 5000",
                "\ttimeout client 50000",
                "\ttimeout server 50000",
                "",
                "listen 127_0_0_1-8080",
                "\tbind 127.0.0.1:8080",
                "\thttp-response set-header X-Config " + version,
                "\tserver 127_0_0_1-8080_0 127.0.0.1:8081");
    }

    /** The {@code X-Config} of a response through haproxy, or "" if the request failed. */
    private String version() {
        try {
            ProgramResult result = host.run(ProgramCall.of("curl", "--silent", "--max-time", "3", "--dump-header", "-",
                    "http://127.0.0.1:8080/").withTimeout(Duration.ofSeconds(10)));
            if (!result.succeeded() || !result.stdout().contains("backend")) {
                return "";
            }
            return result.stdout().lines().map(line -> line.toLowerCase(Locale.ROOT))
                    .filter(line -> line.startsWith("x-config:")).map(line -> line.substring("x-config:".length()).strip())
                    .findFirst().orElse("");
        }
        catch (IOException e) {
            return "";
        }
    }

    private String awaitVersion(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String version = version();
        while (!version.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            version = version();
        }
        return version;
    }

    private long masterPid() throws IOException {
        return Long.parseLong(host.readText(DirectServiceManager.pidFile(daemon)).orElseThrow().strip());
    }

    /** The backend: a JDK HTTP server run from source inside the namespace, ready once it says so. */
    private Process startBackend() throws Exception {
        Path source = root.resolve("Backend.java");
        Files.writeString(source, BACKEND, StandardCharsets.UTF_8);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of("ip", "netns", "exec", namespace.name(), java, source.toString(),
                "127.0.0.1", "8081")).redirectErrorStream(true).start();
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                StringBuilder seen = new StringBuilder();
                while ((line = output.readLine()) != null) {
                    if (line.equals("ready")) {
                        return line;
                    }
                    seen.append(line).append('\n');
                }
                return seen.toString();
            }
            catch (IOException e) {
                return e.toString();
            }
        });
        try {
            assertThat(ready.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("backend start").isEqualTo("ready");
        }
        catch (Exception | AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
        return process;
    }
}
