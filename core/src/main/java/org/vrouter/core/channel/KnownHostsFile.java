package org.vrouter.core.channel;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** {@link HostKeyPolicy#knownHosts(Path)}: router keys listed in an OpenSSH known_hosts file. */
public record KnownHostsFile(Path file) implements HostKeyPolicy {
    public KnownHostsFile {
        requireNonNull(file, "file is null");
    }
}
