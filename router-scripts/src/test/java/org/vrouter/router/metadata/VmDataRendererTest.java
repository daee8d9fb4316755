package org.vrouter.router.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.wire.payload.PayloadCodec;
import org.vrouter.commands.wire.payload.VmMetadataEntry;
import org.vrouter.commands.wire.payload.VmMetadataPayload;
import org.vrouter.router.golden.Golden;
import org.vrouter.router.host.FileMode;

/**
 * The files of one VM's {@code vm_metadata.json}, against {@code golden/metadata/<case>/}: each file's
 * content under {@code expected/<router path>}, and {@code expected/files.txt} listing path and mode in
 * write order, then the warnings.
 */
class VmDataRendererTest {
    private static final IpAddress VM = IpAddress.parse("10.1.1.23");

    @ParameterizedTest
    @ValueSource(strings = {"full-vm", "edge-cases"})
    void rendersTheGoldenFiles(String testCase) {
        VmMetadataPayload payload = new PayloadCodec().parse(Golden.read("metadata", testCase, "vm_metadata.json"), VmMetadataPayload.class);

        VmFiles files = VmDataRenderer.render(payload.vmIpAddress(), payload.vmMetadata());

        StringBuilder listing = new StringBuilder();
        for (RenderedFile file : files.files()) {
            listing.append(file.path()).append(' ').append(file.mode()).append('\n');
            Golden.assertMatches("metadata", testCase, "expected" + file.path(), new String(file.content(), StandardCharsets.UTF_8));
        }
        files.warnings().forEach(warning -> listing.append("warning: ").append(warning).append('\n'));
        Golden.assertMatches("metadata", testCase, "expected/files.txt", listing.toString());
    }

    @Test
    void keepsUserDataFromEveryoneButRoot() {
        VmFiles files = VmDataRenderer.render(VM, List.of(VmMetadataEntry.of("userdata", "user-data", "c2VjcmV0"),
                VmMetadataEntry.metadata("instance-id", "i-1")));

        assertThat(files.files()).extracting(RenderedFile::path, RenderedFile::mode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/var/www/html/userdata/10.1.1.23/user-data", FileMode.SECRET),
                org.assertj.core.groups.Tuple.tuple("/var/www/html/metadata/10.1.1.23/instance-id", FileMode.PUBLIC),
                org.assertj.core.groups.Tuple.tuple("/var/www/html/metadata/10.1.1.23/meta-data", FileMode.PUBLIC));
        assertThat(files.files().get(0).content()).asString(StandardCharsets.UTF_8).isEqualTo("secret");
        assertThat(files.files().get(0).toString()).doesNotContain("secret");
    }

    @Test
    void decodesBase64AsCloudStackDoes() {
        assertThat(VmDataRenderer.decode("aGk")).asString(StandardCharsets.UTF_8).isEqualTo("hi");
        assertThat(VmDataRenderer.decode("aGk=")).asString(StandardCharsets.UTF_8).isEqualTo("hi");
        assertThat(VmDataRenderer.decode("aG\nk=\n")).asString(StandardCharsets.UTF_8).isEqualTo("hi");
        assertThat(VmDataRenderer.decode("a")).isEmpty();
    }

    @Test
    void theDigestChangesWithAnyFileAndOnlyThen() {
        List<VmMetadataEntry> entries = List.of(VmMetadataEntry.metadata("instance-id", "i-1"));
        String digest = VmDataRenderer.render(VM, entries).digest();

        assertThat(VmDataRenderer.render(VM, entries).digest()).isEqualTo(digest);
        assertThat(VmDataRenderer.render(VM, List.of(VmMetadataEntry.metadata("instance-id", "i-2"))).digest()).isNotEqualTo(digest);
        assertThat(VmDataRenderer.render(IpAddress.parse("10.1.1.24"), entries).digest()).isNotEqualTo(digest);
    }
}
