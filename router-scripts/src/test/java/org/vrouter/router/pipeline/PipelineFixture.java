package org.vrouter.router.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.databag.DatabagStore;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;

/** A router root in a temporary directory, with helpers to deliver inputs and look at the result. */
final class PipelineFixture {
    final Path root;
    final DryRunHost host;
    final PayloadCodec codec = new PayloadCodec();
    final RecordingConverger converger = new RecordingConverger();
    private final AtomicLong uuids = new AtomicLong();

    PipelineFixture(Path root) {
        this.root = root;
        this.host = new DryRunHost(root);
    }

    /** Deterministic UUIDs, so that a re-run after a crash names archives alike. */
    PipelineOptions options() {
        return PipelineOptions.defaults().withUuids(() -> new UUID(0, uuids.incrementAndGet()));
    }

    UpdateConfig updateConfig(Host on) {
        return new UpdateConfig(on, converger, codec, options());
    }

    UpdateConfig updateConfig() {
        return updateConfig(host);
    }

    VrCfg vrCfg(Host on) {
        return new VrCfg(on, converger, codec, options());
    }

    VrCfg vrCfg() {
        return vrCfg(host);
    }

    /** Writes {@code /var/cache/cloud/<name>} as the management server's file copy does. */
    void deliver(String name, String json) {
        write("/var/cache/cloud/" + name, json);
    }

    void write(String path, String text) {
        try {
            host.writeText(path, text, FileMode.PUBLIC);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean exists(String path) {
        return Files.exists(root.resolve(path.substring(1)));
    }

    Databags bags() {
        try {
            return new DatabagStore(host, codec).load().databags();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The unpacked content of an archived input. */
    String archived(String name) {
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(root.resolve("var/cache/cloud/processed/" + name + ".gz")))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> processed() {
        try {
            return host.list("/var/cache/cloud/processed");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> cache() {
        try {
            return host.list("/var/cache/cloud").stream().filter(name -> !name.equals("processed")).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
