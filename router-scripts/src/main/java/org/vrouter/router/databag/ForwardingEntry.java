package org.vrouter.router.databag;

import org.vrouter.api.net.IpAddress;

/**
 * One element of a public address's list in the {@code forwardingrules} bag: a port forward or the static
 * NAT of the address. On disk its {@code type} member tells them apart ({@code forward}, {@code staticnat}).
 */
public sealed interface ForwardingEntry permits PortForwardEntry, StaticNatEntry {
    /** The public address the entry belongs to (its key in the bag). */
    IpAddress publicIp();

    /** The guest address traffic is sent to. */
    IpAddress internalIp();

    /** {@code forward} or {@code staticnat}, the on-disk {@code type}. */
    String type();
}
