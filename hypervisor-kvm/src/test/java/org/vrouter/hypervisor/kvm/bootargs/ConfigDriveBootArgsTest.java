package org.vrouter.hypervisor.kvm.bootargs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.hypervisor.kvm.RouterVms;
import org.vrouter.hypervisor.kvm.SystemTools;

/** The config-drive ISO, built by each tool and read back with isoinfo (genisoimage) and xorriso. */
class ConfigDriveBootArgsTest {
    @TempDir
    Path isos;

    @ParameterizedTest
    @EnumSource(ConfigDriveBootArgs.IsoTool.class)
    void carriesTheBootArgsLineInACmdlineFileOnALabelledIso(ConfigDriveBootArgs.IsoTool tool) throws Exception {
        SystemTools.require(tool.program(), tool.program());
        SystemTools.require("isoinfo", "genisoimage");
        SystemTools.require("xorriso", "xorriso");
        VirtualMachineTO vm = RouterVms.router("r-9-VM");
        ConfigDriveBootArgs drive = new ConfigDriveBootArgs(isos, tool);

        List<String> files = drive.isoFiles(vm);

        Path image = drive.imageOf("r-9-VM");
        assertThat(files).containsExactly(image.toString());
        assertThat(run("isoinfo", "-J", "-i", image.toString(), "-x", "/cmdline")).isEqualTo(vm.bootArgsLine());
        assertThat(run("isoinfo", "-d", "-i", image.toString())).contains("Volume id: CMDLINE");
        Path extracted = isos.resolve("extracted");
        run("xorriso", "-osirrox", "on", "-indev", image.toString(), "-extract", "/cmdline", extracted.toString());
        assertThat(Files.readString(extracted, UTF_8)).isEqualTo(vm.bootArgsLine());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(image))).isEqualTo("rw-------");
        try (var left = Files.list(isos)) {
            assertThat(left.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("r-9-VM-cmdline.iso", "extracted");
        }
    }

    @ParameterizedTest
    @EnumSource(ConfigDriveBootArgs.IsoTool.class)
    void rewritesTheImageAtEveryStartAndReleaseDeletesIt(ConfigDriveBootArgs.IsoTool tool) throws Exception {
        SystemTools.require(tool.program(), tool.program());
        SystemTools.require("isoinfo", "genisoimage");
        ConfigDriveBootArgs drive = new ConfigDriveBootArgs(isos, tool);
        drive.isoFiles(RouterVms.router("r-9-VM"));
        VirtualMachineTO changed = RouterVms.builder("r-9-VM", "r-9-uuid").bootArg("redundant_state", "BACKUP").build();

        drive.isoFiles(changed);
        assertThat(run("isoinfo", "-J", "-i", drive.imageOf("r-9-VM").toString(), "-x", "/cmdline")).contains("redundant_state=BACKUP");

        drive.release("r-9-VM");
        assertThat(drive.imageOf("r-9-VM")).doesNotExist();
    }

    private static String run(String... argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", argv)).isZero();
        return output;
    }
}
