package org.vrouter.hypervisor.xen.network;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.OptionalInt;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.xensource.xenapi.Host;
import com.xensource.xenapi.Network;
import com.xensource.xenapi.PIF;
import com.xensource.xenapi.Types;
import com.xensource.xenapi.VLAN;

import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.network.TrafficType;
import org.vrouter.commands.to.NicTO;
import org.vrouter.hypervisor.xen.session.XenException;
import org.vrouter.hypervisor.xen.session.XenSession;

/**
 * Finds the XenAPI network of a router NIC, as CloudStack's Xen resource does:
 * <ul>
 *   <li>the control NIC goes on the link-local network (by name label), which the host's set-up
 *       made and plugged dom0 into with 169.254.0.1; a host without it fails the start;</li>
 *   <li>other NICs go on the physical network named by their traffic label (the NIC's
 *       {@code networkName}, else the configured default), untagged for {@code vlan://untagged}
 *       or no broadcast URI;</li>
 *   <li>a tagged NIC ({@code vlan://N}) goes on the network {@code VLAN-<physical network uuid>-N};
 *       when the host has none, it is created ({@code network.create}) together with its VLAN
 *       interface on the host's physical interface of that network ({@code VLAN.create}).</li>
 * </ul>
 * Other broadcast schemes (vxlan, lswitch...) are refused. Thread-safe: VLAN networks are looked up
 * and created under one lock, so two routers never create the same VLAN twice.
 */
public final class XenNetworks {
    private static final Logger log = LoggerFactory.getLogger(XenNetworks.class);
    /** XenServer's MTU for networks it creates. */
    static final long DEFAULT_MTU = 1500;

    private final XenSession session;
    private final String linkLocalNetwork;
    private final String defaultNetwork;
    private final Object vlanCreation = new Object();

    public XenNetworks(XenSession session, String linkLocalNetwork, String defaultNetwork) {
        this.session = requireNonNull(session, "session is null");
        this.linkLocalNetwork = requireNonNull(linkLocalNetwork, "linkLocalNetwork is null");
        this.defaultNetwork = requireNonNull(defaultNetwork, "defaultNetwork is null");
    }

    /**
     * The network {@code nic} goes on.
     *
     * @throws XenException when the network the NIC needs is missing and cannot be made, or its
     *     broadcast URI has a scheme XenServer routers do not support
     */
    public Network networkFor(NicTO nic) throws XenException {
        if (nic.trafficType() == TrafficType.CONTROL) {
            return byName(linkLocalNetwork, nic.deviceName() + " (control): the link-local network");
        }
        if (nic.broadcastUri().map(BroadcastUri::scheme).filter(scheme -> !scheme.equals("vlan")).isPresent()) {
            throw new XenException(nic.deviceName() + ": broadcast URI " + nic.broadcastUri().get() + " is not supported on XenServer (vlan:// only)");
        }
        String label = nic.networkName().orElse(defaultNetwork);
        Network physical = byName(label, nic.deviceName() + " (" + nic.trafficType().wireName() + "): the physical network");
        OptionalInt vlan = nic.vlanId();
        return vlan.isEmpty() ? physical : vlanNetwork(physical, label, vlan.getAsInt());
    }

    private Network byName(String name, String purpose) throws XenException {
        Set<Network> found = session.call("network.get_by_name_label", connection -> Network.getByNameLabel(connection, name));
        if (found.isEmpty()) {
            throw new XenException(purpose + " '" + name + "' does not exist on host " + session.hostAddress());
        }
        return found.iterator().next();
    }

    private Network vlanNetwork(Network physical, String label, int vlan) throws XenException {
        synchronized (vlanCreation) {
            String physicalUuid = session.call("network.get_uuid", physical::getUuid);
            String name = "VLAN-" + physicalUuid + "-" + vlan;
            Set<Network> found = session.call("network.get_by_name_label", connection -> Network.getByNameLabel(connection, name));
            if (!found.isEmpty()) {
                return found.iterator().next();
            }
            PIF pif = physicalInterface(physical, label, vlan);
            Network created = session.call("network.create", connection -> Network.create(connection, vlanRecord(name, label, vlan)));
            session.call("VLAN.create", connection -> VLAN.create(connection, pif, (long) vlan, created));
            log.info("created VLAN network {} (VLAN {} on {}) on host {}", name, vlan, label, session.hostAddress());
            return created;
        }
    }

    /** This host's untagged interface on {@code physical}: where the VLAN interface is stacked. */
    private PIF physicalInterface(Network physical, String label, int vlan) throws XenException {
        Host host = session.thisHost();
        for (PIF pif : session.call("network.get_PIFs", physical::getPIFs)) {
            if (session.call("PIF.get_host", pif::getHost).equals(host) && session.call("PIF.get_VLAN", pif::getVLAN) == -1L) {
                return pif;
            }
        }
        throw new XenException("network '" + label + "' has no physical interface on host " + session.hostAddress()
                + ", so VLAN " + vlan + " cannot be created there");
    }

    private static Network.Record vlanRecord(String name, String label, int vlan) {
        Network.Record record = new Network.Record();
        record.nameLabel = name;
        record.nameDescription = "VLAN " + vlan + " on " + label + ", created by vrouter";
        record.MTU = DEFAULT_MTU;
        record.otherConfig = new HashMap<>();
        record.tags = new LinkedHashSet<>();
        record.bridge = "";
        record.managed = true;
        record.defaultLockingMode = Types.NetworkDefaultLockingMode.UNLOCKED;
        return record;
    }
}
