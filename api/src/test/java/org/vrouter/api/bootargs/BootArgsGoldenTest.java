package org.vrouter.api.bootargs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.golden.GoldenFiles;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The three examples of wire-format §9.3 (isolated, VPC, redundant with repeated keys), as the
 * management server sends them (wrapped, with CloudStack's double space after {@code type=router}):
 * parsed, then rendered plain, as XenServer PV-args and as the {@code cmd_line.json} document.
 */
class BootArgsGoldenTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"isolated", "vpc", "redundant"})
    void rendersTheExampleLines(String caseName) throws IOException {
        String input = Files.readString(GoldenFiles.conceptDirectory("bootargs").resolve(caseName).resolve("input.txt"), StandardCharsets.UTF_8);

        BootArgs args = BootArgs.parse(input);

        GoldenFiles.assertMatches("bootargs", caseName, "rendered.txt", args.render() + "\n");
        GoldenFiles.assertMatches("bootargs", caseName, "pv-args.txt", args.renderPvArgs() + "\n");
        GoldenFiles.assertMatches("bootargs", caseName, "cmd_line.json", cmdLineJson(args) + "\n");
        assertThat(BootArgs.parse(args.render())).isEqualTo(args);
        assertThat(BootArgs.parsePvArgs(args.renderPvArgs())).isEqualTo(args);
    }

    @Test
    void takesTheGuestNicsRedundantGroupInTheRedundantExample() throws IOException {
        BootArgs args = BootArgs.parse(Files.readString(
                GoldenFiles.conceptDirectory("bootargs").resolve("redundant").resolve("input.txt"), StandardCharsets.UTF_8));

        assertThat(args.redundantRouter()).isTrue();
        assertThat(args.redundantState()).contains(RedundantState.BACKUP);
        assertThat(args.getAll("advert_int")).containsExactly("1", "1", "1");
        assertThat(args.guestGateway()).contains(IpAddress.parse("10.1.1.1"));
        assertThat(args.type()).contains(RouterType.ROUTER);
    }

    private static String cmdLineJson(BootArgs args) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", "cmdline");
        document.put("cmd_line", args.toCmdLineMap());
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }
}
