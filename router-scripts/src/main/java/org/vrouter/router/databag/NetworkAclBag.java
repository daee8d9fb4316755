package org.vrouter.router.databag;

import java.util.Map;
import java.util.Optional;

import org.vrouter.commands.wire.payload.NetworkAclPayload;

/**
 * The {@code networkacl} bag: the ordered ACL of each VPC tier or private gateway, by device; each value
 * is the last {@code network_acl.json} received for that device (a full replace).
 */
public record NetworkAclBag(Map<String, NetworkAclPayload> devices) implements Databag {
    public NetworkAclBag {
        devices = BagMaps.byDevice(devices, BagMaps.identity(), "devices");
    }

    public static NetworkAclBag empty() {
        return new NetworkAclBag(Map.of());
    }

    @Override
    public BagKey key() {
        return BagKey.NETWORK_ACL;
    }

    @Override
    public boolean isEmpty() {
        return devices.isEmpty();
    }

    public Optional<NetworkAclPayload> get(String device) {
        return Optional.ofNullable(devices.get(device));
    }

    public NetworkAclBag with(NetworkAclPayload acl) {
        Map<String, NetworkAclPayload> copy = BagMaps.mutableCopy(devices);
        copy.put(acl.device(), acl);
        return new NetworkAclBag(copy);
    }
}
