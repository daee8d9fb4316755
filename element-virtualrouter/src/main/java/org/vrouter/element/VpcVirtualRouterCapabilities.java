package org.vrouter.element;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.vrouter.api.network.Capability;
import org.vrouter.api.network.Service;

/**
 * The capabilities of the VPC virtual router (CloudStack's {@code VpcVirtualRouterElement.setCapabilities}):
 * the virtual router's, with source NAT declaring redundant routers, the VPN offering site-to-site
 * ({@code VpnTypes=s2svpn}), and the NetworkACL service added with the protocols an ACL item may
 * name. The reference does not list these values; they follow CloudStack's code as known and are
 * pinned by a golden file.
 */
final class VpcVirtualRouterCapabilities {
    static final Map<Service, Map<Capability, String>> CAPABILITIES = build();

    private VpcVirtualRouterCapabilities() {
    }

    private static Map<Service, Map<Capability, String>> build() {
        Map<Service, Map<Capability, String>> all = new LinkedHashMap<>(VirtualRouterCapabilities.CAPABILITIES);
        Map<Capability, String> sourceNat = new LinkedHashMap<>(all.get(Service.SOURCE_NAT));
        sourceNat.put(Capability.REDUNDANT_ROUTER, "true");
        all.put(Service.SOURCE_NAT, Collections.unmodifiableMap(sourceNat));
        Map<Capability, String> vpn = new LinkedHashMap<>(all.get(Service.VPN));
        vpn.put(Capability.VPN_TYPES, "s2svpn");
        all.put(Service.VPN, Collections.unmodifiableMap(vpn));
        all.put(Service.NETWORK_ACL, Map.of(Capability.SUPPORTED_PROTOCOLS, "tcp,udp,icmp"));
        return Collections.unmodifiableMap(all);
    }
}
