package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.command.Answer;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;

/**
 * The answer to a {@link CheckS2SVpnConnectionsCommand}: CloudStack's
 * {@code CheckS2SVpnConnectionsAnswer}, per peer whether its tunnel is up.
 *
 * @param peers each reported peer's status, in the script's order
 */
public record CheckS2SVpnConnectionsAnswer(boolean success, String details, Map<IpAddress, PeerStatus> peers) implements Answer {
    /** One peer as {@code checkbatchs2svpn.sh} reported it: its code ({@code 0} = connected) and text. */
    public record PeerStatus(int code, String detail) {
        public PeerStatus {
            requireNonNull(detail, "detail is null");
        }

        public boolean connected() {
            return code == 0;
        }
    }

    public CheckS2SVpnConnectionsAnswer {
        requireNonNull(details, "details is null");
        peers = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(peers, "peers is null")));
    }

    /**
     * Parses {@code checkbatchs2svpn.sh} output: entries separated by {@code &}, each
     * {@code <peer-ip>:<code>:<detail>} with an IPv4 peer (the format has no room for IPv6
     * colons); entries that do not parse (bad address or code) are skipped, as CloudStack skips them.
     */
    public static CheckS2SVpnConnectionsAnswer fromScriptOutput(String output) {
        requireNonNull(output, "output is null");
        Map<IpAddress, PeerStatus> peers = new LinkedHashMap<>();
        for (String entry : output.trim().split("&")) {
            String[] parts = entry.trim().split(":", 3);
            if (parts.length < 2) {
                continue;
            }
            try {
                IpAddress peer = IpAddress.parse("peer", parts[0].trim());
                int code = Integer.parseInt(parts[1].trim());
                peers.put(peer, new PeerStatus(code, parts.length == 3 ? parts[2].trim() : ""));
            }
            catch (InvalidParameterException | NumberFormatException e) {
                // a garbled entry says nothing about any peer; the caller treats unreported peers as down
                continue;
            }
        }
        return new CheckS2SVpnConnectionsAnswer(true, output, peers);
    }

    public static CheckS2SVpnConnectionsAnswer failure(String details) {
        return new CheckS2SVpnConnectionsAnswer(false, details, Map.of());
    }

    /** Whether the router reported on {@code peer} at all. */
    public boolean isIpPresent(IpAddress peer) {
        return peers.containsKey(peer);
    }

    /** Whether {@code peer}'s tunnel is up; false when it was not reported. */
    public boolean isConnected(IpAddress peer) {
        return Optional.ofNullable(peers.get(peer)).map(PeerStatus::connected).orElse(false);
    }
}
