package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;

/**
 * The password server's side of the store {@link VmPasswordApplier} fills: claims a VM's pending password
 * by renaming {@code <vm ip>} to {@code <vm ip>.served}, an atomic step, so that of two concurrent
 * requests only one gets the password, and a password the converge writes meanwhile is never lost (it
 * is a new {@code <vm ip>} file, claimed by the next request). Safe for concurrent use.
 */
final class PasswordStore {
    private final Path directory;

    /** @param directory the store's real directory ({@value MetadataPaths#PASSWORD_STORE} under the router's root) */
    PasswordStore(Path directory) {
        this.directory = requireNonNull(directory, "directory is null");
    }

    /** The VM's pending password, which is then no longer pending; empty if there is none. */
    Optional<Secret> claim(IpAddress vm) throws IOException {
        Path served = directory.resolve(vm + MetadataPaths.SERVED_SUFFIX);
        if (!markServed(vm)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Secret.of(new String(Files.readAllBytes(served), StandardCharsets.UTF_8)));
        }
        catch (NoSuchFileException e) {
            // a new password arrived between the rename and the read: it waits, pending, for the next request
            return Optional.empty();
        }
    }

    /** Marks the VM's pending password as served, if there is one (the VM acknowledged it); true if there was. */
    boolean markServed(IpAddress vm) throws IOException {
        try {
            Files.move(directory.resolve(vm.toString()), directory.resolve(vm + MetadataPaths.SERVED_SUFFIX),
                    StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        }
        catch (NoSuchFileException e) {
            return false;
        }
    }
}
