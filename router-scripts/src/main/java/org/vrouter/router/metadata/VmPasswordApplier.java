package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;

/**
 * Hands the {@code vmpassword} bag's passwords to the password server through its store
 * ({@value MetadataPaths#PASSWORD_STORE}): one root-only file (0600) per VM, {@code <vm ip>} while the
 * password waits for its VM. The server claims it for a request by renaming it to
 * {@code <vm ip>.served} (see {@link PasswordStore}), so each password is given out once.
 *
 * <p>The bag keeps only the last password received, and a later converge (a boot) sees it again: a
 * password already in the store, pending or served, is not written again, so a VM never gets the same
 * password twice. A new password first deletes the VM's served file, then writes the pending one: a
 * server claiming at that moment finds either nothing or the new password. Passwords never reach a log;
 * reports name the VM only.
 */
public final class VmPasswordApplier {
    private static final Logger log = LoggerFactory.getLogger(VmPasswordApplier.class);

    private final Host host;

    public VmPasswordApplier(Host host) {
        this.host = requireNonNull(host, "host is null");
    }

    /**
     * Stores each password that is not in the store yet.
     *
     * @return the VMs whose password was stored
     * @throws IOException if the host failed; passwords not yet stored are tried again next time
     */
    public List<IpAddress> apply(Map<IpAddress, Secret> passwords) throws IOException {
        List<IpAddress> stored = new ArrayList<>();
        for (Map.Entry<IpAddress, Secret> password : requireNonNull(passwords, "passwords is null").entrySet()) {
            IpAddress vm = password.getKey();
            byte[] bytes = password.getValue().reveal().getBytes(StandardCharsets.UTF_8);
            if (bytes.length == 0 || inStore(vm, bytes)) {
                continue;
            }
            host.delete(MetadataPaths.servedPassword(vm));
            host.write(MetadataPaths.pendingPassword(vm), bytes, FileMode.SECRET);
            stored.add(vm);
            log.info("password for VM {} handed to the password server", vm);
        }
        return List.copyOf(stored);
    }

    /** The VMs whose password is in the bag but in the store neither pending nor served; reads only. */
    public List<IpAddress> missing(Map<IpAddress, Secret> passwords) throws IOException {
        List<IpAddress> missing = new ArrayList<>();
        for (Map.Entry<IpAddress, Secret> password : passwords.entrySet()) {
            byte[] bytes = password.getValue().reveal().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0 && !inStore(password.getKey(), bytes)) {
                missing.add(password.getKey());
            }
        }
        return List.copyOf(missing);
    }

    private boolean inStore(IpAddress vm, byte[] bytes) throws IOException {
        return holds(host.read(MetadataPaths.pendingPassword(vm)), bytes) || holds(host.read(MetadataPaths.servedPassword(vm)), bytes);
    }

    private static boolean holds(Optional<byte[]> file, byte[] bytes) {
        // constant time, as Secret compares
        return file.isPresent() && MessageDigest.isEqual(file.get(), bytes);
    }
}
