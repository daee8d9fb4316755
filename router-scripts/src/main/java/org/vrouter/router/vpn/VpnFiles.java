package org.vrouter.router.vpn;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rendered VPN files: router path to content in write order, and which of them hold secrets (written
 * mode 0600, never shown or logged). {@link #toString()} names the files only.
 */
public record VpnFiles(Map<String, String> files, Set<String> secretPaths) {
    public VpnFiles {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(files, "files is null")));
        secretPaths = Collections.unmodifiableSet(new TreeSet<>(requireNonNull(secretPaths, "secretPaths is null")));
        if (!files.keySet().containsAll(secretPaths)) {
            throw new IllegalArgumentException("secret paths that are not rendered files: " + secretPaths);
        }
    }

    public boolean isSecret(String path) {
        return secretPaths.contains(path);
    }

    /** The files without secrets, for showing ({@code vrouter render}). */
    public Map<String, String> shownFiles() {
        Map<String, String> shown = new LinkedHashMap<>(files);
        shown.keySet().removeAll(secretPaths);
        return shown;
    }

    @Override
    public String toString() {
        return "VpnFiles" + files.keySet() + ", secret " + secretPaths;
    }
}
