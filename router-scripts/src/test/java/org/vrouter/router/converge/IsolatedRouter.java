package org.vrouter.router.converge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.vrouter.commands.wire.payload.DatabagType;
import org.vrouter.commands.wire.payload.Payload;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.databag.DatabagMerger;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.InterfaceMacs;

/**
 * The CloudStack files of an isolated router (boot arguments, three public addresses, firewall, port
 * forward, static NAT, load balancer, three DHCP entries, VM data) under
 * {@code golden/converge/isolated-router/input/}, as delivered: {@code cmd_line.json} first, then the
 * others in delivery order (the number after the uuid prefix).
 */
public final class IsolatedRouter {
    public static final Path INPUT = Path.of("src", "test", "resources", "golden", "converge", "isolated-router", "input");
    private static final PayloadCodec CODEC = new PayloadCodec();

    private IsolatedRouter() {}

    /** The input files in delivery order. */
    public static List<Path> files() {
        try (Stream<Path> files = Files.list(INPUT)) {
            return files.sorted(Comparator.comparingInt(IsolatedRouter::order)).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every input merged, as the router's bags hold them afterwards. */
    public static Databags bags() {
        return merge(Databags.empty(), files());
    }

    /** {@code bags} with more payloads merged (CloudStack JSON, the file name giving the type). */
    public static Databags merge(Databags bags, List<Path> files) {
        Databags merged = bags;
        for (Path file : files) {
            merged = DatabagMerger.merge(merged, payload(file.getFileName().toString(), read(file)), InterfaceMacs.none());
        }
        return merged;
    }

    /** {@code bags} with one more payload merged, given as its file name and JSON text. */
    public static Databags mergeText(Databags bags, String name, String json) {
        return DatabagMerger.merge(bags, payload(name, json), InterfaceMacs.none());
    }

    /** One payload from its file name and JSON text. */
    public static Payload payload(String name, String json) {
        return CODEC.parse(json, DatabagType.fromFileName(name).payloadClass());
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files other than {@code cmd_line.json}. */
    public static List<Path> afterBoot() {
        List<Path> files = new ArrayList<>(files());
        files.removeIf(file -> file.getFileName().toString().equals("cmd_line.json"));
        return files;
    }

    private static int order(Path file) {
        String name = file.getFileName().toString();
        int dash = name.lastIndexOf('-');
        return dash < 0 ? 0 : Integer.parseInt(name.substring(dash + 1));
    }
}
