package org.vrouter.commands;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.commands.to.DhcpEntryTO;

/**
 * Adds or removes the DHCP/DNS entries of VM NICs: one or more of CloudStack's
 * {@code DhcpEntryCommand}s ({@code Commands} id {@code dhcp}). CloudStack sends one
 * {@code DhcpEntryCommand} per entry; this command groups them, and the wire codec emits <b>one
 * {@code vm_dhcp_entry.json} (type {@code dhcpentry}) per entry</b>, in list order, so a stock
 * router sees exactly what CloudStack would send.
 *
 * <p>Access details: {@code router.ip}, {@code router.name}, {@code router.guest.ip},
 * {@code zone.network.type}. Within one command an added MAC or IPv4 address appears once.
 *
 * @param entries never empty
 * @param executeInSequence CloudStack's flag: run in sequence with the VM's other commands
 */
public record SetDhcpConfigCommand(AccessDetails accessDetails, List<DhcpEntryTO> entries, boolean executeInSequence)
        implements NetworkElementCommand {

    public SetDhcpConfigCommand {
        CommandChecks.requireRouter(accessDetails);
        entries = CommandChecks.nonEmpty(entries, "entries");
        Set<MacAddress> macs = new HashSet<>();
        Set<IpAddress> addresses = new HashSet<>();
        CommandChecks.each(entries, "entries", entry -> {
            if (entry.remove()) {
                return;
            }
            if (!macs.add(entry.macAddress())) {
                throw new InvalidParameterException("mac_address", "added twice", entry.macAddress());
            }
            entry.ipv4Address().filter(ip -> !addresses.add(ip)).ifPresent(ip -> {
                throw new InvalidParameterException("ipv4_address", "added twice", ip);
            });
        });
    }

    /** One entry, not in sequence. */
    public static SetDhcpConfigCommand of(AccessDetails accessDetails, DhcpEntryTO entry) {
        return new SetDhcpConfigCommand(accessDetails, List.of(entry), false);
    }

    /** Two (file and script) per entry, as the CloudStack commands it stands for. */
    @Override
    public int answersCount() {
        return 2 * entries.size();
    }
}
