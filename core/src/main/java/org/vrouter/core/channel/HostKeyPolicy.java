package org.vrouter.core.channel;

import java.nio.file.Path;

/**
 * How an {@link SshRouterChannel} decides that the router it reached is the router it meant: a
 * known_hosts file, one pinned public key, or — for throw-away labs only — no check at all.
 * There is no default: whoever builds {@link SshSettings} chooses one, and the insecure choice has
 * a name nobody picks by accident.
 *
 * <p>CloudStack itself connects with {@code StrictHostKeyChecking=no}: each router generates a new
 * host key when it is (re)created, so a fleet needs the controller to record the key at first
 * boot (e.g. read it through the hypervisor) and write it to the known_hosts file.
 */
public sealed interface HostKeyPolicy permits KnownHostsFile, PinnedHostKey, InsecureAcceptAnyHostKey {
    /**
     * Accept the router only if {@code file} (OpenSSH known_hosts format) lists its key under
     * {@code [<control ip>]:<port>} (or the bare address for port 22). Hashed entries are
     * understood. The file is read at each connection, so a controller may add routers while
     * channels are in use.
     */
    static HostKeyPolicy knownHosts(Path file) {
        return new KnownHostsFile(file);
    }

    /**
     * Accept only the key in {@code publicKeyLine}, an OpenSSH public key line
     * ({@code ssh-ed25519 AAAA... comment}, as in {@code ssh_host_ed25519_key.pub}).
     */
    static HostKeyPolicy pinned(String publicKeyLine) {
        return PinnedHostKey.parse(publicKeyLine);
    }

    /**
     * Accept any host key: anyone on the path to the router can impersonate it and read every
     * password and key sent to it. For labs with throw-away routers only; every connection made
     * under this policy logs a warning.
     */
    static HostKeyPolicy insecureAcceptAnyHostKey() {
        return new InsecureAcceptAnyHostKey();
    }
}
