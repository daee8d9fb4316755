package org.vrouter.router.converge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.firewall.FirewallApplier;
import org.vrouter.router.host.DryRunHost;
import org.vrouter.router.pipeline.PipelineOptions;
import org.vrouter.router.pipeline.PipelineResult;
import org.vrouter.router.pipeline.UpdateConfig;
import org.vrouter.router.service.SystemdServiceManager;

/**
 * The firewall's conntrack cleanup through {@code update_config} on a dry-run router (the isolated router of
 * {@link IsolatedRouter}: port forward 203.0.113.20:2222 to 10.1.1.23:22, static NAT 203.0.113.21 to
 * 10.1.1.24, source NAT on 203.0.113.20): the programs log shows exactly the deletes a change calls for, in
 * a one-shot process per update (the bags before the merge tell what was in force) and in a long-lived one.
 */
class FirewallServiceTest {
    private static final String REVOKE_FORWARD = "{\"rules\":[{\"revoke\":true,\"protocol\":\"tcp\",\"source_ip_address\":\"203.0.113.20\","
            + "\"source_port_range\":\"2222:2222\",\"destination_ip_address\":\"10.1.1.23\",\"destination_port_range\":\"22:22\"}],"
            + "\"type\":\"forwardrules\",\"delete_from_processed_cache\":false}";
    private static final String REVOKE_STATIC_NAT = "{\"rules\":[{\"revoke\":true,\"source_ip_address\":\"203.0.113.21\","
            + "\"source_port_range\":\"0:0\",\"destination_ip_address\":\"10.1.1.24\",\"should_apply_cross_network_snat\":false}],"
            + "\"type\":\"staticnatrules\",\"delete_from_processed_cache\":false}";
    private static final String FORWARD_DELETE =
            "conntrack -D -p tcp --orig-dst 203.0.113.20 --orig-port-dst 2222 --reply-src 10.1.1.23 --reply-port-src 22";

    @TempDir
    Path root;

    private DryRunHost host;
    private int serial;

    @BeforeEach
    void bootTheRouter() throws IOException {
        host = new DryRunHost(root);
        for (Path file : IsolatedRouter.files()) {
            assertThat(updateConfig(oneShot(), file.getFileName().toString(), IsolatedRouter.read(file)).exitCode()).isZero();
        }
        Files.delete(root.resolve("var/log/vrouter/dry-run.log"));
    }

    /** The converger of a fresh process: it knows nothing of earlier runs. */
    private OrderedConverger oneShot() {
        return RouterConvergers.standard(host, new SystemdServiceManager(host), Clock.systemUTC());
    }

    private PipelineResult updateConfig(OrderedConverger converger, String name, String json) throws IOException {
        String file = name.contains(".json.") || name.equals("cmd_line.json") ? name : name + ".test-" + ++serial;
        Path cached = root.resolve("var/cache/cloud").resolve(file);
        Files.createDirectories(cached.getParent());
        Files.writeString(cached, json, StandardCharsets.UTF_8);
        return new UpdateConfig(host, converger, new PayloadCodec(), PipelineOptions.defaults()).run(List.of(file));
    }

    private List<String> conntrackCalls() throws IOException {
        Path log = root.resolve("var/log/vrouter/dry-run.log");
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(line -> line.startsWith("conntrack")).toList()
                : List.of();
    }

    @Test
    void aOneShotRunDeletesTheEntriesOfTheRevokedPortForwardOnly() throws IOException {
        PipelineResult result = updateConfig(oneShot(), "forwarding_rules.json", REVOKE_FORWARD);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(conntrackCalls()).containsExactly(FORWARD_DELETE);
    }

    @Test
    void aOneShotRunDeletesBothDirectionsOfTheRevokedStaticNat() throws IOException {
        assertThat(updateConfig(oneShot(), "staticnat_rules.json", REVOKE_STATIC_NAT).exitCode()).isZero();

        assertThat(conntrackCalls()).containsExactly("conntrack -D --orig-dst 203.0.113.21 --reply-src 10.1.1.24",
                "conntrack -D --orig-src 10.1.1.24 --reply-dst 203.0.113.21");
    }

    @Test
    void aLongLivedConvergerDeletesTheSameEntries() throws IOException {
        OrderedConverger converger = oneShot();
        assertThat(updateConfig(converger, "staticnat_rules.json", "{\"rules\":[],\"type\":\"staticnatrules\","
                + "\"delete_from_processed_cache\":false}").exitCode()).isZero();

        assertThat(updateConfig(converger, "forwarding_rules.json", REVOKE_FORWARD).exitCode()).isZero();

        assertThat(conntrackCalls()).containsExactly(FORWARD_DELETE);
    }

    @Test
    void aChangeThatRemovesNoNatMappingDeletesNothing() throws IOException {
        String anotherForward = REVOKE_FORWARD.replace("\"revoke\":true", "\"revoke\":false").replace("2222:2222", "2223:2223");

        assertThat(updateConfig(oneShot(), "forwarding_rules.json", anotherForward).exitCode()).isZero();

        assertThat(Files.readString(root.resolve("var/log/vrouter/dry-run.log"), StandardCharsets.UTF_8))
                .as("the firewall was applied").contains("iptables-restore");
        assertThat(conntrackCalls()).isEmpty();
    }

    @Test
    void theOutcomeSaysHowManyFiltersRan() throws IOException {
        FirewallService service = new FirewallService(host, new FirewallApplier(host, Clock.systemUTC()), Set.of());
        ConvergeRequest request = new ConvergeRequest(IsolatedRouter.mergeText(IsolatedRouter.bags(), "forwarding_rules.json", REVOKE_FORWARD),
                Set.of(BagKey.FORWARDING_RULES), Optional.of(IsolatedRouter.bags()));

        ServiceResult result = service.apply(request);

        assertThat(result.detail()).endsWith("; conntrack: 0 stale entries deleted by 1 filter");
    }

    @Test
    void withoutTheBagsBeforeTheUpdateAFreshServiceDeletesNothing() throws IOException {
        FirewallService service = new FirewallService(host, new FirewallApplier(host, Clock.systemUTC()), Set.of());

        service.apply(new ConvergeRequest(IsolatedRouter.mergeText(IsolatedRouter.bags(), "forwarding_rules.json", REVOKE_FORWARD),
                Set.of(BagKey.FORWARDING_RULES)));

        assertThat(conntrackCalls()).isEmpty();
    }
}
