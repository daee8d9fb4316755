package org.vrouter.router.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.wire.payload.VmMetadataEntry;
import org.vrouter.router.host.FileDrift;

/** Writing the rendered tree: only the VMs whose data changed, removal of VMs gone, repair from the disk. */
class VmDataApplierTest {
    private static final IpAddress VM_A = IpAddress.parse("10.1.1.23");
    private static final IpAddress VM_B = IpAddress.parse("10.1.1.24");
    private static final IpAddress VM_C = IpAddress.parse("10.1.1.25");

    @TempDir
    Path root;

    private FileCountingHost host;
    private VmDataApplier applier;

    @BeforeEach
    void newMachine() {
        host = new FileCountingHost(root);
        applier = new VmDataApplier(host);
    }

    private static List<VmMetadataEntry> data(String hostName) {
        return List.of(VmMetadataEntry.of("userdata", "user-data", "I2Nsb3VkLWNvbmZpZwo="), VmMetadataEntry.metadata("local-hostname", hostName),
                VmMetadataEntry.metadata("instance-id", "i-" + hostName));
    }

    private static VmDataTree tree(Map<IpAddress, List<VmMetadataEntry>> vms) {
        Map<IpAddress, VmFiles> files = new LinkedHashMap<>();
        vms.forEach((vm, entries) -> files.put(vm, VmDataRenderer.render(vm, entries)));
        return new VmDataTree(files);
    }

    private static VmDataTree threeVms() {
        return tree(Map.of(VM_A, data("vm-a"), VM_B, data("vm-b"), VM_C, data("vm-c")));
    }

    @Test
    void writesEveryVmOnceThenNothingForTheSameData() throws IOException {
        VmDataReport first = applier.apply(threeVms());

        assertThat(first.rendered()).containsExactly(VM_A, VM_B, VM_C);
        assertThat(host.written("/var/www/")).hasSize(12);
        assertThat(root.resolve("var/www/html/metadata/10.1.1.24/local-hostname")).hasContent("vm-b");
        assertThat(root.resolve("var/www/html/userdata/10.1.1.25/user-data")).hasContent("#cloud-config");

        host.clear();
        VmDataReport again = new VmDataApplier(host).apply(threeVms());

        assertThat(again.changed()).isFalse();
        assertThat(host.written()).as("a fresh applier trusts the record: nothing written, not even the record").isEmpty();
    }

    @Test
    void rendersOnlyTheVmWhoseDataChanged() throws IOException {
        applier.apply(threeVms());
        host.clear();

        VmDataReport report = applier.apply(tree(Map.of(VM_A, data("vm-a"), VM_B, data("vm-b-renamed"), VM_C, data("vm-c"))));

        assertThat(report.rendered()).containsExactly(VM_B);
        assertThat(host.written("/var/www/")).containsExactly("/var/www/html/metadata/10.1.1.24/local-hostname",
                "/var/www/html/metadata/10.1.1.24/instance-id");
        assertThat(host.deleted()).isEmpty();
        assertThat(root.resolve("var/www/html/metadata/10.1.1.24/local-hostname")).hasContent("vm-b-renamed");
    }

    @Test
    void removesTheTreeOfAVmThatLeftTheBagAndAFileThatLeftTheEntry() throws IOException {
        applier.apply(threeVms());
        host.clear();

        applier.apply(tree(Map.of(VM_A, data("vm-a"), VM_B, List.of(VmMetadataEntry.metadata("local-hostname", "vm-b")))));

        assertThat(root.resolve("var/www/html/metadata/10.1.1.25")).doesNotExist();
        assertThat(root.resolve("var/www/html/userdata/10.1.1.25")).doesNotExist();
        assertThat(root.resolve("var/www/html/userdata/10.1.1.24")).as("VM B has no user data any more").doesNotExist();
        assertThat(root.resolve("var/www/html/metadata/10.1.1.24/instance-id")).doesNotExist();
        assertThat(root.resolve("var/www/html/metadata/10.1.1.24/meta-data")).hasContent("local-hostname");
        assertThat(host.written("/var/www/")).containsExactly("/var/www/html/metadata/10.1.1.24/meta-data");
        assertThat(host.deleted()).noneMatch(path -> path.contains("10.1.1.23"));
    }

    @Test
    void keepsUserDataUnreadableByOthers() throws IOException {
        applier.apply(threeVms());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("var/www/html/userdata/10.1.1.23/user-data"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("var/www/html/metadata/10.1.1.23/instance-id"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void repairRewritesAFileChangedBehindItsBackWhichApplyTrusts() throws IOException {
        applier.apply(threeVms());
        Path edited = root.resolve("var/www/html/metadata/10.1.1.23/instance-id");
        Files.writeString(edited, "tampered");
        Files.createDirectories(root.resolve("var/www/html/metadata/10.1.1.99"));
        Files.writeString(root.resolve("var/www/html/metadata/10.1.1.99/instance-id"), "gone");

        assertThat(applier.verify(threeVms())).containsExactly(
                "/var/www/html/metadata/10.1.1.23/instance-id: sha256 " + FileDrift.sha256("tampered".getBytes(StandardCharsets.UTF_8))
                        + " on disk, " + FileDrift.sha256("i-vm-a".getBytes(StandardCharsets.UTF_8)) + " rendered",
                "VM 10.1.1.99: data on disk, not in the vmdata bag");
        host.clear();
        VmDataReport apply = applier.apply(threeVms());
        assertThat(edited).as("apply trusts the record for VM A").hasContent("tampered");
        assertThat(apply.removed()).as("a VM directory on disk that the bag does not hold goes").containsExactly(IpAddress.parse("10.1.1.99"));

        VmDataReport repair = applier.repair(threeVms());

        assertThat(repair.rendered()).containsExactly(VM_A, VM_B, VM_C);
        assertThat(host.written("/var/www/")).containsExactly("/var/www/html/metadata/10.1.1.23/instance-id");
        assertThat(edited).hasContent("i-vm-a");
        assertThat(applier.verify(threeVms())).isEmpty();
    }

    @Test
    void leavesDirectoriesThatAreNotVmAddressesAlone() throws IOException {
        Files.createDirectories(root.resolve("var/www/html/metadata/lost+found"));
        Files.createDirectories(root.resolve("var/www/html/metadata/010.1.1.23"));

        applier.apply(threeVms());
        applier.apply(VmDataTree.empty());

        assertThat(root.resolve("var/www/html/metadata/lost+found")).isDirectory();
        assertThat(root.resolve("var/www/html/metadata/010.1.1.23")).isDirectory();
        assertThat(root.resolve("var/www/html/metadata/10.1.1.23")).doesNotExist();
    }
}
