package org.vrouter.commands.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;

class ConfigBatchTest {
    private static final String DHCP_JSON = "{\"host_name\":\"vm-1\",\"type\":\"dhcpentry\",\"delete_from_processed_cache\":false}";

    private static ConfigBatch sample() {
        return new ConfigBatch(List.of(
                FileConfigItem.inCache("vm_dhcp_entry.json.91c2", DHCP_JSON),
                ScriptConfigItem.of(ScriptConfigItem.UPDATE_CONFIG, "vm_dhcp_entry.json.91c2"),
                FileConfigItem.inCache("monitor_service.json.0b7a", "{\"type\":\"monitorservice\"}"),
                ScriptConfigItem.of(ScriptConfigItem.UPDATE_CONFIG, "monitor_service.json.0b7a", "false")));
    }

    @Test
    void rendersCloudStacksLayout() {
        assertThat(sample().render()).isEqualTo("""
                #Apache CloudStack Virtual Router Config File
                <version>
                1.0
                </version>
                <file>
                /var/cache/cloud/vm_dhcp_entry.json.91c2
                %s
                </file>
                <script>
                /opt/cloud/bin/update_config.py vm_dhcp_entry.json.91c2
                </script>
                <file>
                /var/cache/cloud/monitor_service.json.0b7a
                {"type":"monitorservice"}
                </file>
                <script>
                /opt/cloud/bin/update_config.py monitor_service.json.0b7a false
                </script>
                """.formatted(DHCP_JSON));
    }

    @Test
    void parsesWhatItRenders() {
        ConfigBatch batch = sample();
        assertThat(ConfigBatch.parse(batch.render())).isEqualTo(batch);
    }

    @Test
    void keepsMultiLineContentsByteForByte() {
        ConfigBatch batch = new ConfigBatch(List.of(new FileConfigItem("/etc/haproxy/", "haproxy.cfg.new", "global\n\tmaxconn 4096\n  \ndefaults")));
        assertThat(ConfigBatch.parse(batch.render())).isEqualTo(batch);
    }

    @Test
    void rejectsAnUnclosedFileBlockNamingTheLine() {
        String text = "#h\n<version>\n1.0\n</version>\n<file>\n/var/cache/cloud/a.json\n{}\n";
        assertThatThrownBy(() -> ConfigBatch.parse(text))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("line 5")
                .hasMessageContaining("not closed");
    }

    @Test
    void rejectsAnUnknownVersion() {
        assertThatThrownBy(() -> ConfigBatch.parse("<version>\n2.0\n</version>\n"))
                .hasMessageContaining("line 2")
                .hasMessageContaining("unsupported batch version");
    }

    @Test
    void rejectsABatchWithoutVersion() {
        assertThatThrownBy(() -> ConfigBatch.parse("<script>\n/opt/cloud/bin/update_config.py a.json\n</script>\n"))
                .hasMessageContaining("no <version>");
    }

    @Test
    void rejectsAScriptOutsideTheScriptDirectory() {
        String text = "<version>\n1.0\n</version>\n<script>\n/bin/rm -rf /\n</script>\n";
        assertThatThrownBy(() -> ConfigBatch.parse(text))
                .hasMessageContaining("line 5")
                .hasMessageContaining("/opt/cloud/bin/");
    }

    @Test
    void rejectsStrayText() {
        assertThatThrownBy(() -> ConfigBatch.parse("<version>\n1.0\n</version>\nrm -rf /\n"))
                .hasMessageContaining("line 4")
                .hasMessageContaining("expected <version>, <file> or <script>");
    }

    @Test
    void rejectsFileContentsThatWouldEndTheBlockEarly() {
        assertThatThrownBy(() -> FileConfigItem.inCache("a.json", "x\n</file>\n<script>"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("contents:");
    }

    @Test
    void rejectsScriptArgumentsWithShellCharacters() {
        assertThatThrownBy(() -> ScriptConfigItem.of(ScriptConfigItem.UPDATE_CONFIG, "a.json; reboot"))
                .hasMessageStartingWith("args[0]:");
        assertThatThrownBy(() -> ScriptConfigItem.of(ScriptConfigItem.UPDATE_CONFIG, "$(reboot)"))
                .hasMessageStartingWith("args[0]:");
    }

    @Test
    void rejectsPathTraversalInFileNames() {
        assertThatThrownBy(() -> FileConfigItem.inCache("../../etc/passwd", "x")).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> new FileConfigItem("/var/../etc/", "passwd", "x")).hasMessageStartingWith("directory:");
    }
}
