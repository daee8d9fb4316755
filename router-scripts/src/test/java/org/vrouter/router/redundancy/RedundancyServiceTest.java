package org.vrouter.router.redundancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vrouter.router.converge.ServiceResult;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.ProgramResult;
import org.vrouter.router.host.ScriptedHost;
import org.vrouter.router.service.DirectServiceManager;

/** The redundancy service before its interfaces exist: a VPC router boots before its NICs are hot-plugged. */
class RedundancyServiceTest {
    private static final List<String> LINKS = List.of("ip", "-o", "link", "show");

    @TempDir
    Path root;

    /** A host whose kernel has {@code links} ({@code ip -o link show} lines) and on which no daemon runs. */
    private ScriptedHost host(String links) {
        return new ScriptedHost(root).answering(call -> {
            if (call.argv().equals(LINKS)) {
                return new ProgramResult(call.argv(), 0, links, "");
            }
            return call.argv().contains("--status") ? new ProgramResult(call.argv(), 3, "", "") : ProgramResult.success(call.argv());
        });
    }

    @Test
    void startsNothingWhileTheVrrpInterfaceIsNotPluggedAndRemovesTheLastLifesFiles() throws IOException {
        ScriptedHost host = host("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN\n"
                + "2: eth1@if7: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP\n");
        host.writeText(RedundancyPaths.KEEPALIVED_CONF, "vrrp_instance left_from_the_last_boot {}\n", FileMode.PUBLIC);

        ServiceResult result = RedundancyService.standard(host, new DirectServiceManager(host)).apply(RedundantBags.member(1, "1"));

        assertThat(result.detail()).contains("eth0 is not plugged yet");
        assertThat(host.exists(RedundancyPaths.KEEPALIVED_CONF)).isFalse();
        assertThat(host.commandLines()).noneMatch(line -> line.contains("--start")).noneMatch(line -> line.contains("--config-test"));
    }

    @Test
    void aKernelWithNoLinksAtAllIsNoEvidenceOfAnAbsentInterface() throws IOException {
        ScriptedHost host = host("");

        ServiceResult result = RedundancyService.standard(host, new DirectServiceManager(host)).apply(RedundantBags.member(1, "1"));

        assertThat(result.detail()).doesNotContain("not plugged yet").contains("keepalived started");
    }
}
