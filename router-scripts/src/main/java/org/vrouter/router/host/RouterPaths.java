package org.vrouter.router.host;

/** Checks router paths and turns them into paths relative to a host's root. */
final class RouterPaths {
    private RouterPaths() {}

    /**
     * The path without its leading slash ({@code ""} for the root itself).
     *
     * @throws IllegalArgumentException unless the path is absolute and normalised
     */
    static String relative(String path) {
        if (path == null) {
            throw new IllegalArgumentException("router path is null");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("router path must be absolute: " + path);
        }
        if (path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("router path contains a NUL character: " + path.replace('\0', '?'));
        }
        if (path.equals("/")) {
            return "";
        }
        String relative = path.substring(1);
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("router path must be normalised (no empty, '.' or '..' segments): " + path);
            }
        }
        return relative;
    }
}
