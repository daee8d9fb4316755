package org.vrouter.hypervisor.kvm.domain;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;

/**
 * Host-specific parts of a router domain that the {@code StartCommand} does not carry.
 *
 * @param bridges the bridge of each NIC
 * @param socketDirectory where the guest-agent sockets go (CloudStack's {@code qemu.sockets.path})
 * @param storageDirectory where a disk whose path is not absolute (a volume name) lives
 * @param emulator the QEMU binary, when the host needs it named (libvirt picks one otherwise)
 */
public record DomainSettings(BridgeNaming bridges, String socketDirectory, String storageDirectory, Optional<String> emulator) {
    public static final String DEFAULT_SOCKET_DIRECTORY = "/var/lib/libvirt/qemu";
    public static final String DEFAULT_STORAGE_DIRECTORY = "/var/lib/libvirt/images";

    public DomainSettings {
        requireNonNull(bridges, "bridges is null");
        requireDirectory("socket_directory", socketDirectory);
        requireDirectory("storage_directory", storageDirectory);
        requireNonNull(emulator, "emulator is null");
    }

    /** Default bridges, sockets under {@value #DEFAULT_SOCKET_DIRECTORY}, volumes under {@value #DEFAULT_STORAGE_DIRECTORY}, no emulator. */
    public static DomainSettings defaults() {
        return new DomainSettings(BridgeNaming.defaults(), DEFAULT_SOCKET_DIRECTORY, DEFAULT_STORAGE_DIRECTORY, Optional.empty());
    }

    public DomainSettings withBridges(BridgeNaming naming) {
        return new DomainSettings(naming, socketDirectory, storageDirectory, emulator);
    }

    public DomainSettings withStorageDirectory(String directory) {
        return new DomainSettings(bridges, socketDirectory, directory, emulator);
    }

    public DomainSettings withEmulator(String path) {
        return new DomainSettings(bridges, socketDirectory, storageDirectory, Optional.of(path));
    }

    private static void requireDirectory(String field, String path) {
        requireNonNull(path, field + " is null");
        if (!path.startsWith("/") || path.length() > 1 && path.endsWith("/")) {
            throw new InvalidParameterException(field, "must be an absolute path without a trailing slash", path);
        }
    }
}
