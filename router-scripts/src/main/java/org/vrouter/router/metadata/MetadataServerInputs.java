package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vrouter.api.bootargs.BootArgs;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.network.TrafficType;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.databag.IpEntry;

/**
 * Maps the databags into the {@link MetadataServerConfig}: a pure function. Both services listen on every
 * guest address of the router (each {@code ips} entry of a guest device: isolated and shared networks, VPC
 * tiers), where CloudStack binds its apache vhosts and password servers, and on a redundant pair also on
 * the VRRP guest gateway {@code guestgw}, which only the primary holds (the server binds it when it
 * appears). IPv4 only, as CloudStack's metadata service.
 */
public final class MetadataServerInputs {
    private MetadataServerInputs() {}

    /**
     * @throws InvalidParameterException naming {@code cmdline.<key>} for an invalid boot argument
     */
    public static MetadataServerConfig from(Databags bags) {
        requireNonNull(bags, "bags is null");
        Set<IpAddress> addresses = new LinkedHashSet<>();
        for (String device : bags.ips().devicesOf(TrafficType.GUEST)) {
            bags.ips().entries(device).stream().map(IpEntry::publicIp).forEach(addresses::add);
        }
        if (bags.cmdLine().isRedundant()) {
            try {
                BootArgs.fromCmdLineMap(bags.cmdLine().config()).guestGateway().ifPresent(addresses::add);
            }
            catch (InvalidParameterException e) {
                throw e.within("cmdline.");
            }
        }
        return MetadataServerConfig.on(List.copyOf(addresses));
    }
}
