package org.vrouter.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.commands.Fixtures.PUBLIC_IP;
import static org.vrouter.commands.Fixtures.VM_IP;
import static org.vrouter.commands.Fixtures.router;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vrouter.api.command.Command;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.commands.to.VpnUserTO;

/** Every command that carries a secret prints {@code ****} in its place. */
class SecretsNeverPrintedTest {
    private static final String SECRET = "Tr0ub4dor-3";
    private static final String SECRET_BASE64 = "VHIwdWI0ZG9yLTM=";

    private static List<Command> commandsCarryingTheSecret() {
        return List.of(
                new SavePasswordCommand(router(), Secret.of(SECRET), VM_IP, "vm-1", true),
                new RemoteAccessVpnCfgCommand(router(), true, false, PUBLIC_IP, IpRange.parse("ip_range", "10.1.2.1-10.1.2.8"),
                        Secret.of(SECRET), IpAddress.parse("10.1.1.1"), Cidr.parse("10.1.1.0/24")),
                new VpnUsersCfgCommand(router(), List.of(VpnUserTO.add("alice", Secret.of(SECRET)))),
                Site2SiteVpnCfgCommand.builder(router(), IpAddress.parse("203.0.113.30"), IpAddress.parse("203.0.113.1"),
                                Cidr.parse("172.16.0.0/16"), IpAddress.parse("198.51.100.7"))
                        .peerGuestCidrs(List.of(Cidr.parse("10.0.0.0/24"))).psk(Secret.of(SECRET))
                        .policies("aes128-sha1", "aes128-sha1").build(),
                VmDataCommand.builder(router(), VM_IP, "vm-1").userData(SECRET_BASE64).build(),
                StartCommand.of(VirtualMachineTO.builder("r-12-VM", VirtualMachine.Type.DOMAIN_ROUTER, "0b3c5f3e-12")
                        .bootArg("vmpassword", SECRET).bootArg("router_password", SECRET).password(Secret.of(SECRET)).build()));
    }

    @Test
    void toStringNeverShowsTheSecret() {
        for (Command command : commandsCarryingTheSecret()) {
            assertThat(command.toString()).as(command.getClass().getSimpleName())
                    .doesNotContain(SECRET).doesNotContain(SECRET_BASE64).contains("****");
        }
    }
}
