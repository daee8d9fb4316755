package org.vrouter.hypervisor.kvm.bootargs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.commands.to.VirtualMachineTO;

/**
 * Delivers the boot arguments without a guest agent: before start, an ISO 9660 image with volume
 * label {@value #VOLUME_LABEL} holding one file, {@value #FILE_NAME} (the boot-argument line, as
 * the guest agent would write it to {@code /var/cache/cloud/cmdline}), is made in the ISO directory
 * as {@code <vm name>-cmdline.iso} and attached to the domain as a read-only IDE cdrom. The router's
 * early boot mounts the disk labelled {@value #VOLUME_LABEL} and copies the file to
 * {@code /var/cache/cloud/cmdline}. The image is rewritten at every start (the boot arguments
 * change) and deleted by {@link #release} when the domain is gone.
 *
 * <p>The image is built by {@code xorriso -as mkisofs} or {@code genisoimage} (Debian packages
 * {@code xorriso}, {@code genisoimage}), run from an argv list with a bounded wait. It is readable
 * by its owner only: libvirt's dynamic ownership hands it to the QEMU process. Thread-safe: each
 * router has its own files.
 */
public final class ConfigDriveBootArgs implements BootArgsDelivery {
    public static final String VOLUME_LABEL = "CMDLINE";
    public static final String FILE_NAME = "cmdline";
    private static final Logger log = LoggerFactory.getLogger(ConfigDriveBootArgs.class);
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
    private static final String[] SEARCH_PATH = {"/usr/bin", "/usr/sbin", "/bin", "/sbin", "/usr/local/bin"};

    /** The programs that can build the image. */
    public enum IsoTool {
        XORRISO("xorriso", "-as", "mkisofs"),
        GENISOIMAGE("genisoimage");

        private final List<String> command;

        IsoTool(String... command) {
            this.command = List.of(command);
        }

        public String program() {
            return command.get(0);
        }

        /** The first tool installed in the usual directories, xorriso first. */
        public static Optional<IsoTool> installed() {
            for (IsoTool tool : values()) {
                for (String directory : SEARCH_PATH) {
                    if (Files.isExecutable(Path.of(directory, tool.program()))) {
                        return Optional.of(tool);
                    }
                }
            }
            return Optional.empty();
        }

        List<String> argv(Path image, Path content) {
            List<String> argv = new ArrayList<>(command);
            argv.addAll(List.of("-quiet", "-V", VOLUME_LABEL, "-J", "-r", "-o", image.toString(), content.toString()));
            return argv;
        }
    }

    private final Path isoDirectory;
    private final IsoTool tool;

    /** @param isoDirectory an absolute directory for the images (created when missing) */
    public ConfigDriveBootArgs(Path isoDirectory, IsoTool tool) {
        this.isoDirectory = requireNonNull(isoDirectory, "isoDirectory is null").toAbsolutePath().normalize();
        this.tool = requireNonNull(tool, "tool is null");
    }

    /**
     * A config drive with whichever tool is installed.
     *
     * @throws IllegalStateException when neither xorriso nor genisoimage is installed
     */
    public static ConfigDriveBootArgs create(Path isoDirectory) {
        return new ConfigDriveBootArgs(isoDirectory, IsoTool.installed().orElseThrow(() -> new IllegalStateException(
                "the KVM config drive needs xorriso or genisoimage (Debian packages xorriso, genisoimage)")));
    }

    /** Where the image of {@code vmName} is written. */
    public Path imageOf(String vmName) {
        return isoDirectory.resolve(vmName + "-cmdline.iso");
    }

    @Override
    public List<String> isoFiles(VirtualMachineTO vm) throws IOException {
        Files.createDirectories(isoDirectory);
        Path content = Files.createTempDirectory(isoDirectory, vm.name() + "-content-");
        Path image = imageOf(vm.name());
        try {
            Files.writeString(content.resolve(FILE_NAME), vm.bootArgsLine(), UTF_8);
            Files.deleteIfExists(image);
            run(tool.argv(image, content), vm.name());
            Files.setPosixFilePermissions(image, PosixFilePermissions.fromString("rw-------"));
        }
        finally {
            Files.deleteIfExists(content.resolve(FILE_NAME));
            Files.deleteIfExists(content);
        }
        log.info("config drive of {} written to {} by {}", vm.name(), image, tool.program());
        return List.of(image.toString());
    }

    /** Nothing to do once started: the router reads the cdrom itself. */
    @Override
    public void deliver(VirtualMachineTO vm) {
        // the ISO was attached when the domain was created
    }

    @Override
    public void release(String vmName) throws IOException {
        Files.deleteIfExists(imageOf(vmName));
    }

    /** Runs the tool with its output in a file beside the images (a pipe could fill up and stall it). */
    private void run(List<String> argv, String vmName) throws IOException {
        Path output = Files.createTempFile(isoDirectory, vmName + "-tool-", ".log");
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            if (!waitFor(process, vmName)) {
                process.destroyForcibly();
                throw new IOException("config drive of " + vmName + ": " + argv.get(0) + " did not finish within " + TOOL_TIMEOUT.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("config drive of " + vmName + ": " + String.join(" ", argv) + " exited " + process.exitValue() + ": "
                        + Files.readString(output, UTF_8).strip());
            }
        }
        finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean waitFor(Process process, String vmName) throws InterruptedIOException {
        try {
            return process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while building the config drive of " + vmName);
        }
    }

    @Override
    public String toString() {
        return "ConfigDriveBootArgs[" + isoDirectory + ", " + tool.program() + "]";
    }
}
