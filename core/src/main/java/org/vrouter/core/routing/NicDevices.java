package org.vrouter.core.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.IpAssociationCommand;
import org.vrouter.commands.to.IpAddressTO;
import org.vrouter.commands.to.NicTO;

/**
 * What a hypervisor resource does to an IP association before the router gets it (CloudStack's
 * {@code prepareCommand}): every address learns the device number N of the router's {@code ethN} on
 * its VLAN ({@code nic_dev_id}), found by the NIC's MAC ({@code vif_mac_address}), else by the
 * VLAN's broadcast URI. Every hypervisor resource calls it before handing an IP association to
 * {@link VirtualRoutingResource}, with the router's NICs as started plus those hot-plugged since
 * ({@code PlugNicCommand}); an address on a VLAN the router has no NIC on is refused. Stateless.
 */
public final class NicDevices {
    private NicDevices() {}

    /**
     * {@code command} with every address's device number taken from {@code nics} (the router's, as started).
     *
     * @throws InvalidParameterException naming {@code ip_address[i].nic_dev_id} when no NIC matches the address
     */
    public static IpAssociationCommand fill(IpAssociationCommand command, List<NicTO> nics) {
        List<IpAddressTO> filled = new ArrayList<>();
        for (int i = 0; i < command.ipAddresses().size(); i++) {
            IpAddressTO ip = command.ipAddresses().get(i);
            int index = i;
            NicTO nic = nicFor(ip, nics).orElseThrow(() -> new InvalidParameterException("ip_address[" + index + "].nic_dev_id",
                    "the router has no NIC on the VLAN of " + ip.publicIp() + " (" + ip.broadcastUri().map(Object::toString).orElse("no VLAN")
                            + "): plug a NIC for it first"));
            filled.add(ip.withNicDeviceId(nic.deviceId()));
        }
        return command.withIpAddresses(filled);
    }

    private static Optional<NicTO> nicFor(IpAddressTO ip, List<NicTO> nics) {
        Optional<NicTO> byMac = ip.vifMacAddress().flatMap(mac -> nics.stream().filter(nic -> nic.macAddress().equals(mac)).findFirst());
        if (byMac.isPresent() || ip.broadcastUri().isEmpty()) {
            return byMac;
        }
        return nics.stream().filter(nic -> nic.broadcastUri().equals(ip.broadcastUri())).findFirst();
    }
}
