package org.vrouter.commands;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.vrouter.api.net.IpAddress;

/**
 * Asks a VPC router which site-to-site peers are connected: CloudStack's
 * {@code CheckS2SVpnConnectionsCommand}, a query with a 30-second timeout. The resource runs
 * {@code checkbatchs2svpn.sh "<peer1> <peer2> "}; {@link CheckS2SVpnConnectionsAnswer#fromScriptOutput}
 * parses the output.
 *
 * @param peerGatewayIps the peers to check; never empty; duplicates are dropped
 */
public record CheckS2SVpnConnectionsCommand(AccessDetails accessDetails, List<IpAddress> peerGatewayIps) implements NetworkElementCommand {
    public CheckS2SVpnConnectionsCommand {
        CommandChecks.requireRouter(accessDetails);
        peerGatewayIps = CommandChecks.nonEmpty(peerGatewayIps, "peer_gateway_ips").stream().distinct().toList();
    }

    @Override
    public boolean isQuery() {
        return true;
    }

    @Override
    public Optional<Duration> timeout() {
        return Optional.of(Duration.ofSeconds(30));
    }
}
