package org.vrouter.router.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class NamespaceHostTest {
    @Test
    void acceptsOrdinaryNamespaceNames() {
        assertThat(new NamespaceHost(Path.of("/tmp/r-1"), "r-1_vm.2").namespace()).isEqualTo("r-1_vm.2");
    }

    @Test
    void rejectsNamesAPathOrAShellCouldMisread() {
        for (String bad : new String[] {"", "-x", ".hidden", "a/b", "a..b", "a b", "a;b", "x".repeat(65), "é"}) {
            assertThatThrownBy(() -> new NamespaceHost(Path.of("/tmp/r"), bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("namespace name");
        }
    }

    @Test
    void resolvesFilesUnderItsRoot() {
        assertThat(new NamespaceHost(Path.of("/tmp/r"), "r").resolve("/etc/hosts")).isEqualTo(Path.of("/tmp/r/etc/hosts"));
    }
}
