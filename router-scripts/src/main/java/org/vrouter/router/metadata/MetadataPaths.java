package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.net.IpAddress;

/**
 * Where the VM data and passwords live on the router (router paths, under a host's root). The web tree is
 * CloudStack's ({@code /var/www/html/<userdata|metadata>/<vm ip>/<file>}, with the {@code meta-data}
 * index of each VM's metadata names); the password store and the server's configuration are vrouter's.
 */
public final class MetadataPaths {
    /** The document root of CloudStack's metadata web server. */
    public static final String WEB_ROOT = "/var/www/html";
    /** The folder of user data files, one directory per VM address under it. */
    public static final String USERDATA = "userdata";
    /** The folder of metadata files, one directory per VM address under it. */
    public static final String METADATA = "metadata";
    /** The index of a VM's metadata names, one per line, in its metadata directory. */
    public static final String MANIFEST = "meta-data";
    /** Root-only store of passwords waiting for their VM: {@code <vm ip>} pending, {@code <vm ip>.served} handed out. */
    public static final String PASSWORD_STORE = "/var/lib/vrouter/passwords";
    /** The suffix of a password that has been handed out (or acknowledged) once. */
    public static final String SERVED_SUFFIX = ".served";
    /** The server's listeners, written by the converge and re-read by the running server. */
    public static final String SERVER_CONFIG = "/etc/vrouter/metadata-server.conf";

    private MetadataPaths() {}

    /** {@code /var/www/html/<folder>}. */
    public static String folder(String folder) {
        return WEB_ROOT + "/" + requireNonNull(folder, "folder is null");
    }

    /** {@code /var/www/html/<folder>/<vm ip>}. */
    public static String vmDirectory(String folder, IpAddress vm) {
        return folder(folder) + "/" + requireNonNull(vm, "vm is null");
    }

    /** The pending password of a VM. */
    public static String pendingPassword(IpAddress vm) {
        return PASSWORD_STORE + "/" + requireNonNull(vm, "vm is null");
    }

    /** The password a VM was already given. */
    public static String servedPassword(IpAddress vm) {
        return pendingPassword(vm) + SERVED_SUFFIX;
    }
}
