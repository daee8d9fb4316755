package org.vrouter.hypervisor.kvm.domain;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Pattern;

import org.vrouter.api.error.InvalidParameterException;

/**
 * One {@code <disk type='file'>} of a domain: a qcow2 (or raw) volume, or a read-only cdrom with
 * an ISO file or none.
 *
 * @param device disk or cdrom
 * @param sourceFile the host file; empty only for an empty cdrom drive
 * @param format the driver type ({@code qcow2}, {@code raw})
 * @param targetDevice the guest device name ({@code vda}, {@code hdc})
 * @param bus the guest bus
 * @param serial the disk serial the guest sees, when set
 */
public record DomainDisk(Device device, Optional<String> sourceFile, String format, String targetDevice, Bus bus, Optional<String> serial) {
    private static final Pattern TARGET = Pattern.compile("(vd|hd|sd)[a-z]{1,3}");
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9]{1,16}");
    private static final Pattern SERIAL = Pattern.compile("[A-Za-z0-9_-]{1,20}");

    /** What the guest sees. */
    public enum Device {
        DISK("disk"),
        CDROM("cdrom");

        private final String xmlName;

        Device(String xmlName) {
            this.xmlName = xmlName;
        }

        public String xmlName() {
            return xmlName;
        }
    }

    /** The bus the disk is on. */
    public enum Bus {
        VIRTIO("virtio"),
        IDE("ide"),
        SATA("sata");

        private final String xmlName;

        Bus(String xmlName) {
            this.xmlName = xmlName;
        }

        public String xmlName() {
            return xmlName;
        }
    }

    public DomainDisk {
        requireNonNull(device, "device is null");
        requireNonNull(sourceFile, "sourceFile is null").ifPresent(file -> {
            if (!file.startsWith("/")) {
                throw new InvalidParameterException("disk.source", "must be an absolute path on the host", file);
            }
        });
        if (device == Device.DISK && sourceFile.isEmpty()) {
            throw new InvalidParameterException("disk.source", "a disk needs a source file");
        }
        requireMatch("disk.format", FORMAT, format);
        requireMatch("disk.target", TARGET, targetDevice);
        requireNonNull(bus, "bus is null");
        requireNonNull(serial, "serial is null").ifPresent(value -> requireMatch("disk.serial", SERIAL, value));
    }

    /** A virtio qcow2 disk at {@code targetDevice}. */
    public static DomainDisk virtio(String sourceFile, String targetDevice, Optional<String> serial) {
        return new DomainDisk(Device.DISK, Optional.of(sourceFile), "qcow2", targetDevice, Bus.VIRTIO, serial);
    }

    /** A read-only IDE cdrom at {@code targetDevice}, with {@code isoFile} inserted or empty. */
    public static DomainDisk cdrom(Optional<String> isoFile, String targetDevice) {
        return new DomainDisk(Device.CDROM, isoFile, "raw", targetDevice, Bus.IDE, Optional.empty());
    }

    private static void requireMatch(String field, Pattern pattern, String value) {
        requireNonNull(value, field + " is null");
        if (!pattern.matcher(value).matches()) {
            throw new InvalidParameterException(field, "does not match " + pattern.pattern(), value);
        }
    }
}
