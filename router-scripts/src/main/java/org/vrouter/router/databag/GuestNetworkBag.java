package org.vrouter.router.databag;

import java.util.Map;
import java.util.Optional;

import org.vrouter.commands.wire.payload.GuestNetworkPayload;

/**
 * The {@code guestnetwork} bag: one guest network or VPC tier per router device, as the management side
 * sent it (with {@code domain_name} defaulted to {@code cloudnine.internal}). On disk each device holds a
 * one-element list, CloudStack's shape; a device never holds two entries.
 */
public record GuestNetworkBag(Map<String, GuestNetworkPayload> devices) implements Databag {
    public GuestNetworkBag {
        devices = BagMaps.byDevice(devices, BagMaps.identity(), "devices");
        devices.forEach((device, network) -> {
            if (!network.device().equals(device)) {
                throw new IllegalArgumentException("guest network of " + network.device() + " listed under " + device);
            }
        });
    }

    public static GuestNetworkBag empty() {
        return new GuestNetworkBag(Map.of());
    }

    @Override
    public BagKey key() {
        return BagKey.GUEST_NETWORK;
    }

    @Override
    public boolean isEmpty() {
        return devices.isEmpty();
    }

    public Optional<GuestNetworkPayload> get(String device) {
        return Optional.ofNullable(devices.get(device));
    }

    /** This bag with a device's network set, or removed when {@code network} is empty. */
    public GuestNetworkBag with(String device, Optional<GuestNetworkPayload> network) {
        Map<String, GuestNetworkPayload> copy = BagMaps.mutableCopy(devices);
        network.ifPresentOrElse(value -> copy.put(device, value), () -> copy.remove(device));
        return new GuestNetworkBag(copy);
    }
}
