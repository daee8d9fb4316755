package org.vrouter.router.vpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.vrouter.commands.wire.payload.DatabagType;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.databag.DatabagMerger;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.InterfaceMacs;

/**
 * The golden VPC firewall cases under {@code golden/vpc-firewall/}: CloudStack payloads, merged into the
 * databags as a router would ({@code _base/input/}: boot arguments, the source-NAT address, tiers eth2
 * 172.16.1.0/24 and eth3 172.16.2.0/24; then the case's own {@code input/}, in name order
 * {@code NN-<file>.json}), mapped by {@link VpcFirewallInputs}.
 */
final class VpcFirewallCases {
    static final String CONCEPT = "vpc-firewall";
    private static final Path ROOT = Path.of("src", "test", "resources", "golden", CONCEPT);
    private static final PayloadCodec CODEC = new PayloadCodec();

    private VpcFirewallCases() {}

    static List<String> names() {
        return List.of("two-tiers", "multi-cidr-item", "custom-protocol", "empty-acl", "deny-before-allow", "private-gateway",
                "port-forwarding-static-nat", "source-nat", "site-to-site-vpn", "remote-access-vpn");
    }

    /** The databags of a case. */
    static Databags bags(String name) {
        return merge(merge(Databags.empty(), ROOT.resolve("_base").resolve("input")), ROOT.resolve(name).resolve("input"));
    }

    /** The firewall input of a case; entries the mapper left out go to {@code ignored}. */
    static VpcFirewallInput input(String name, Consumer<String> ignored) {
        return VpcFirewallInputs.from(bags(name), ignored);
    }

    static VpcFirewallInput input(String name) {
        return input(name, line -> { });
    }

    /** {@code bags} with one more CloudStack payload merged, given as its file name and JSON text. */
    static Databags merge(Databags bags, String fileName, String json) {
        return DatabagMerger.merge(bags, CODEC.parse(json, DatabagType.fromFileName(fileName).payloadClass()), InterfaceMacs.none());
    }

    private static Databags merge(Databags bags, Path directory) {
        if (!Files.isDirectory(directory)) {
            return bags;
        }
        Databags merged = bags;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                merged = merge(merged, name.substring(name.indexOf('-') + 1), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return merged;
    }

    static List<String> warnings(String name) {
        List<String> warnings = new ArrayList<>();
        input(name, warnings::add);
        return warnings;
    }
}
