package org.vrouter.core.channel;

import static java.util.Objects.requireNonNull;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;

/**
 * An SSH server the channel goes through to reach a router it cannot reach directly: on KVM and
 * XenServer the router's control address is link-local and answers only from its hypervisor
 * host. The channel logs in here first and tunnels the router connection through it (an SSH
 * {@code direct-tcpip} channel, like {@code ssh -J}); the router's host key is still checked
 * against the router's own policy.
 *
 * @param host address or DNS name of the jump host
 * @param port its SSH port (22 on a hypervisor host)
 * @param user the login there
 * @param identity the key for that login
 * @param hostKeys how the jump host's own key is checked
 */
public record JumpHost(String host, int port, String user, SshIdentity identity, HostKeyPolicy hostKeys) {
    public JumpHost {
        requireNonNull(host, "host is null");
        if (host.contains(":")) {
            IpAddress.parse("jump_host", host);
        }
        else {
            FieldChecks.requireHostName("jump_host", host);
        }
        FieldChecks.requirePort("jump_port", port);
        FieldChecks.requireIdentifier("jump_user", user);
        requireNonNull(identity, "identity is null");
        requireNonNull(hostKeys, "hostKeys is null");
    }
}
