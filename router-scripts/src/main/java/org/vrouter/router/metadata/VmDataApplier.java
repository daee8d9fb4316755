package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.router.host.FileDrift;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;

/**
 * Writes the {@link VmDataTree} under {@code /var/www/html/}, touching only the VMs whose data changed
 * (CloudStack rewrites every VM's files on every change, router-side §16 item 16).
 *
 * <p>Each VM's {@link VmFiles#digest()} is recorded in {@value #APPLIED_PATH}; a VM whose digest is the
 * recorded one is not looked at. A changed VM has its files compared byte for byte and only the differing
 * ones written (atomically, by the host), and files of its directories that it no longer has deleted. A
 * VM that left the bag, or a VM directory on disk that the bag does not hold, is removed whole. The
 * changed VMs' digests leave the record before their files change and return after, so a crash leaves
 * nothing trusted that is not on disk. {@link #repair} ignores the record and compares every file.
 *
 * <p>Directories under the two folders whose names are not addresses are not vrouter's and are left
 * alone. Not thread-safe; the converge serialises calls.
 */
public final class VmDataApplier {
    /** One line per VM: {@code <vm ip> <sha256 of its files>}. */
    public static final String APPLIED_PATH = "/var/lib/vrouter/applied/vmdata.digests";
    private static final List<String> FOLDERS = List.of(MetadataPaths.USERDATA, MetadataPaths.METADATA);
    private static final Logger log = LoggerFactory.getLogger(VmDataApplier.class);

    private final Host host;

    public VmDataApplier(Host host) {
        this.host = requireNonNull(host, "host is null");
    }

    /**
     * Brings the VMs whose data changed since the recorded apply up to date, and removes VMs gone.
     *
     * @throws IOException if the host failed; VMs not yet written keep their old files, and are not recorded
     */
    public VmDataReport apply(VmDataTree tree) throws IOException {
        return converge(tree, recorded());
    }

    /** Like {@link #apply}, but compares every VM's files with the disk, whatever the record says. */
    public VmDataReport repair(VmDataTree tree) throws IOException {
        return converge(tree, Map.of());
    }

    /**
     * How the disk differs from the tree, read only: files whose bytes differ or are missing, files and VM
     * directories the tree does not hold.
     */
    public List<String> verify(VmDataTree tree) throws IOException {
        List<String> differences = new ArrayList<>();
        for (VmFiles vm : tree.vms().values()) {
            for (RenderedFile file : vm.files()) {
                FileDrift.of(host, file.path(), file.content()).ifPresent(differences::add);
            }
            for (String stray : strayFiles(vm)) {
                differences.add(stray + ": not in the vmdata bag");
            }
        }
        for (IpAddress gone : onDisk()) {
            if (!tree.vms().containsKey(gone)) {
                differences.add("VM " + gone + ": data on disk, not in the vmdata bag");
            }
        }
        return differences;
    }

    private VmDataReport converge(VmDataTree tree, Map<IpAddress, String> trusted) throws IOException {
        List<VmFiles> changed = tree.vms().values().stream().filter(vm -> !vm.digest().equals(trusted.get(vm.vm()))).toList();
        Set<IpAddress> removed = new TreeSet<>(trusted.keySet());
        removed.addAll(onDisk());
        removed.removeAll(tree.vms().keySet());
        if (changed.isEmpty() && removed.isEmpty()) {
            return VmDataReport.unchanged();
        }
        Map<IpAddress, String> record = new TreeMap<>(trusted);
        changed.forEach(vm -> record.remove(vm.vm()));
        record.keySet().removeAll(removed);
        if (!record.equals(trusted)) {
            writeRecord(record);
        }
        int written = 0;
        int deleted = 0;
        for (VmFiles vm : changed) {
            written += write(vm);
            deleted += deleteStrays(vm);
        }
        for (IpAddress vm : removed) {
            deleted += removeVm(vm);
        }
        tree.vms().forEach((vm, files) -> record.put(vm, files.digest()));
        writeRecord(record);
        VmDataReport report = new VmDataReport(changed.stream().map(VmFiles::vm).toList(), List.copyOf(removed), written, deleted);
        log.info("{}", report);
        return report;
    }

    private int write(VmFiles vm) throws IOException {
        int written = 0;
        for (RenderedFile file : vm.files()) {
            Optional<byte[]> current = host.read(file.path());
            if (current.isEmpty() || !file.hasContent(current.get())) {
                host.write(file.path(), file.content(), file.mode());
                written++;
            }
        }
        return written;
    }

    private int deleteStrays(VmFiles vm) throws IOException {
        int deleted = 0;
        for (String stray : strayFiles(vm)) {
            deleted += host.delete(stray) ? 1 : 0;
        }
        for (String folder : FOLDERS) {
            String directory = MetadataPaths.vmDirectory(folder, vm.vm());
            if (host.exists(directory) && host.list(directory).isEmpty()) {
                deleted += host.delete(directory) ? 1 : 0;
            }
        }
        return deleted;
    }

    private List<String> strayFiles(VmFiles vm) throws IOException {
        Set<String> wanted = vm.paths();
        List<String> strays = new ArrayList<>();
        for (String folder : FOLDERS) {
            String directory = MetadataPaths.vmDirectory(folder, vm.vm());
            for (String name : host.list(directory)) {
                if (!wanted.contains(directory + "/" + name)) {
                    strays.add(directory + "/" + name);
                }
            }
        }
        return strays;
    }

    private int removeVm(IpAddress vm) throws IOException {
        int deleted = 0;
        for (String folder : FOLDERS) {
            String directory = MetadataPaths.vmDirectory(folder, vm);
            for (String name : host.list(directory)) {
                deleted += host.delete(directory + "/" + name) ? 1 : 0;
            }
            deleted += host.delete(directory) ? 1 : 0;
        }
        return deleted;
    }

    /** The VMs with a directory under either folder. */
    private Set<IpAddress> onDisk() throws IOException {
        Set<IpAddress> vms = new TreeSet<>();
        for (String folder : FOLDERS) {
            for (String name : host.list(MetadataPaths.folder(folder))) {
                address(name).ifPresent(vms::add);
            }
        }
        return vms;
    }

    private Map<IpAddress, String> recorded() throws IOException {
        Map<IpAddress, String> record = new TreeMap<>();
        for (String line : host.readText(APPLIED_PATH).orElse("").split("\n")) {
            String[] words = line.split(" ");
            if (words.length == 2) {
                address(words[0]).ifPresent(vm -> record.put(vm, words[1]));
            }
        }
        return record;
    }

    private void writeRecord(Map<IpAddress, String> record) throws IOException {
        StringBuilder text = new StringBuilder();
        record.forEach((vm, digest) -> text.append(vm).append(' ').append(digest).append('\n'));
        host.write(APPLIED_PATH, text.toString().getBytes(StandardCharsets.UTF_8), FileMode.PUBLIC);
    }

    private static Optional<IpAddress> address(String name) {
        try {
            // only the canonical text names a directory the applier writes
            return Optional.of(IpAddress.parse("vm", name)).filter(vm -> vm.toString().equals(name));
        }
        catch (InvalidParameterException e) {
            // not a VM directory: something else's, left alone
            return Optional.empty();
        }
    }
}
