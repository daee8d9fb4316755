package org.vrouter.router.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileVersionTest {
    @TempDir
    Path root;

    @Test
    void aMissingFileHasNoVersion() throws IOException {
        assertThat(new DryRunHost(root).version("/etc/cloudstack/ips.json")).isEmpty();
    }

    @Test
    void anAtomicReplaceGivesANewVersionEvenWithTheSameBytes() throws IOException {
        Host host = new DryRunHost(root);
        host.writeText("/etc/cloudstack/ips.json", "{}", FileMode.PUBLIC);
        FileVersion before = host.version("/etc/cloudstack/ips.json").orElseThrow();

        host.writeText("/etc/cloudstack/ips.json", "{}", FileMode.PUBLIC);

        FileVersion after = host.version("/etc/cloudstack/ips.json").orElseThrow();
        assertThat(after.inode()).isNotEqualTo(before.inode());
        assertThat(after.size()).isEqualTo(2);
        assertThat(Files.size(root.resolve("etc/cloudstack/ips.json"))).isEqualTo(after.size());
    }

    @Test
    void settlesFiftyMillisecondsAfterItsLastChange() {
        Instant changed = Instant.parse("2030-01-01T00:00:00Z");
        FileVersion version = new FileVersion(1, 2, 3, FileTime.from(changed), FileTime.from(changed));

        assertThat(version.settledAt(changed.plusMillis(10))).as("within a jiffy of the coarsest file clock").isFalse();
        assertThat(version.settledAt(changed.plusMillis(50))).isFalse();
        assertThat(version.settledAt(changed.plusMillis(51))).isTrue();
    }
}
