package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.net.IpAddress;
import org.vrouter.commands.wire.payload.StaticNatRule;

/**
 * The static (one-to-one) NAT of a public address in the {@code forwardingrules} bag
 * ({@code type: staticnat}). An address has at most one.
 *
 * @param shouldApplyCrossNetworkSnat newer releases only; kept so the firewall can honour it
 */
public record StaticNatEntry(IpAddress publicIp, IpAddress internalIp, Optional<Boolean> shouldApplyCrossNetworkSnat)
        implements ForwardingEntry {

    public static final String TYPE = "staticnat";

    public StaticNatEntry {
        requireNonNull(publicIp, "publicIp is null");
        requireNonNull(internalIp, "internalIp is null");
        requireNonNull(shouldApplyCrossNetworkSnat, "shouldApplyCrossNetworkSnat is null");
    }

    public static StaticNatEntry of(StaticNatRule rule) {
        return new StaticNatEntry(rule.sourceIpAddress(), rule.destinationIpAddress(), rule.shouldApplyCrossNetworkSnat());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
