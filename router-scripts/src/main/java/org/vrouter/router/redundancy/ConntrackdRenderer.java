package org.vrouter.router.redundancy;

import static java.util.Objects.requireNonNull;

/**
 * Renders {@code conntrackd.conf} for one member of a redundant pair: a pure function of the
 * {@link RedundancyInput} and the daemon's runtime paths.
 *
 * <p>FTFW (the reliable mode: resend queue, acknowledgements) with the external cache enabled, so that
 * the BACKUP holds the PRIMARY's connections and commits them into its kernel on promotion; sync over
 * multicast {@value #SYNC_GROUP} port {@value #SYNC_PORT} on the VRRP interface (CloudStack's group and port,
 * which the firewall accepts), from this router's own address there. Connections of loopback and the
 * router's own addresses are not replicated. The paths come resolved under the router's root, so several
 * namespace routers on one machine do not share a lock or socket.
 */
public final class ConntrackdRenderer {
    public static final String SYNC_GROUP = "225.0.0.50";
    public static final int SYNC_PORT = 3780;
    /** A unix socket path is at most 107 bytes. */
    private static final int MAX_SOCKET_PATH = 107;

    private ConntrackdRenderer() {}

    /**
     * @param lockFile the resolved path of conntrackd's lock file
     * @param socket the resolved path of its control socket ({@code conntrackd -C <file> -c} talks to it)
     */
    public static String render(RedundancyInput input, String lockFile, String socket) {
        requireNonNull(input, "input is null");
        requireNonNull(lockFile, "lockFile is null");
        requireNonNull(socket, "socket is null");
        if (socket.length() > MAX_SOCKET_PATH || socket.contains(" ") || lockFile.contains(" ")) {
            throw new IllegalArgumentException("conntrackd socket path must be at most " + MAX_SOCKET_PATH + " bytes, without blanks: "
                    + socket);
        }
        StringBuilder text = new StringBuilder();
        text.append("# rendered by vrouter from the databags\n");
        text.append("Sync {\n");
        text.append("\tMode FTFW {\n");
        text.append("\t\tResendQueueSize 131072\n");
        text.append("\t\tPurgeTimeout 5\n");
        text.append("\t\tACKWindowSize 300\n");
        text.append("\t\tDisableExternalCache off\n");
        text.append("\t}\n");
        text.append("\tMulticast {\n");
        text.append("\t\tIPv4_address ").append(SYNC_GROUP).append('\n');
        text.append("\t\tGroup ").append(SYNC_PORT).append('\n');
        text.append("\t\tIPv4_interface ").append(input.source()).append('\n');
        text.append("\t\tInterface ").append(input.device()).append('\n');
        text.append("\t\tSndSocketBuffer 1249280\n");
        text.append("\t\tRcvSocketBuffer 1249280\n");
        text.append("\t\tChecksum on\n");
        text.append("\t}\n");
        text.append("}\n");
        text.append("General {\n");
        text.append("\tHashSize 32768\n");
        text.append("\tHashLimit 131072\n");
        text.append("\tLogFile off\n");
        text.append("\tSyslog off\n");
        text.append("\tLockFile ").append(lockFile).append('\n');
        text.append("\tUNIX {\n");
        text.append("\t\tPath ").append(socket).append('\n');
        text.append("\t}\n");
        text.append("\tNetlinkBufferSize 2097152\n");
        text.append("\tNetlinkBufferSizeMaxGrowth 8388608\n");
        text.append("\tFilter From Userspace {\n");
        text.append("\t\tProtocol Accept {\n");
        text.append("\t\t\tTCP\n");
        text.append("\t\t\tUDP\n");
        text.append("\t\t\tICMP\n");
        text.append("\t\t}\n");
        text.append("\t\tAddress Ignore {\n");
        input.syncIgnored().forEach(address -> text.append("\t\t\tIPv4_address ").append(address).append('\n'));
        text.append("\t\t}\n");
        text.append("\t}\n");
        text.append("}\n");
        return text.toString();
    }
}
