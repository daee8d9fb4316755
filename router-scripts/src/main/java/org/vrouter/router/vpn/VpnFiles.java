package org.vrouter.router.vpn;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.vrouter.router.host.FileMode;

/**
 * The rendered VPN files: router path to content in write order, which of them hold secrets (written
 * mode 0600, never shown or logged) and which are scripts (mode 0755). {@link #toString()} names the
 * files only.
 */
public record VpnFiles(Map<String, String> files, Set<String> secretPaths, Set<String> scriptPaths) {
    public VpnFiles {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(files, "files is null")));
        secretPaths = Collections.unmodifiableSet(new TreeSet<>(requireNonNull(secretPaths, "secretPaths is null")));
        scriptPaths = Collections.unmodifiableSet(new TreeSet<>(requireNonNull(scriptPaths, "scriptPaths is null")));
        if (!files.keySet().containsAll(secretPaths) || !files.keySet().containsAll(scriptPaths)) {
            throw new IllegalArgumentException("secret or script paths that are not rendered files: " + secretPaths + scriptPaths);
        }
    }

    /** The mode a file is written with. */
    public FileMode mode(String path) {
        return secretPaths.contains(path) ? FileMode.SECRET : scriptPaths.contains(path) ? FileMode.EXECUTABLE : FileMode.PUBLIC;
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
