package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code vpn_user_list.json} ({@code vpnuserlist}): remote-access VPN users to add or remove, from
 * {@code VpnUsersCfgCommand}; CloudStack lists removals before additions.
 *
 * @param vpnType the VPN type, sent by older releases only
 */
public record VpnUserListPayload(
        @JsonProperty("vpn_users") List<VpnUser> vpnUsers,
        @JsonProperty("vpn_type") Optional<String> vpnType,
        @JsonProperty("delete_from_processed_cache") boolean deleteFromProcessedCache) implements Payload {

    public VpnUserListPayload {
        vpnUsers = WireChecks.list("vpn_users", vpnUsers);
        requireNonNull(vpnType, "vpnType is null");
        vpnType.ifPresent(value -> WireChecks.safeToken("vpn_type", value));
    }

    public static VpnUserListPayload of(List<VpnUser> vpnUsers) {
        return new VpnUserListPayload(vpnUsers, Optional.empty(), false);
    }
}
