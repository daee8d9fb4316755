package org.vrouter.hypervisor.kvm.domain;

import static java.util.Objects.requireNonNull;

import java.util.OptionalInt;

import org.vrouter.api.net.MacAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * One {@code <interface type='bridge'>} of a domain: a virtio NIC with its MAC on a host bridge,
 * link up, no PXE option ROM (system VMs never network-boot).
 *
 * @param mac the NIC's MAC address, as the router expects it
 * @param bridge the host bridge ({@link BridgeNaming#requireBridgeName})
 * @param rateMbps inbound and outbound average limit, when set
 * @param mtu the MTU, when set
 */
public record DomainInterface(MacAddress mac, String bridge, OptionalInt rateMbps, OptionalInt mtu) {
    public DomainInterface {
        requireNonNull(mac, "mac is null");
        BridgeNaming.requireBridgeName("bridge", bridge);
        requireNonNull(rateMbps, "rateMbps is null");
        rateMbps.ifPresent(rate -> FieldChecks.requireRange("network_rate", rate, 1, 1_000_000));
        requireNonNull(mtu, "mtu is null");
        mtu.ifPresent(value -> FieldChecks.requireRange("mtu", value, 68, 65535));
    }

    public static DomainInterface of(MacAddress mac, String bridge) {
        return new DomainInterface(mac, bridge, OptionalInt.empty(), OptionalInt.empty());
    }
}
