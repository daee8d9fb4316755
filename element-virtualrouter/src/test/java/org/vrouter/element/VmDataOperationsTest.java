package org.vrouter.element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.element.Fixtures.HOST;
import static org.vrouter.element.Fixtures.HOST_DESTINATION;
import static org.vrouter.element.Fixtures.ZONE_DESTINATION;
import static org.vrouter.element.Fixtures.element;
import static org.vrouter.element.Fixtures.network;
import static org.vrouter.element.Fixtures.nic;
import static org.vrouter.element.Fixtures.router;
import static org.vrouter.element.Fixtures.userVm;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.vrouter.api.address.IpAlias;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.metrics.Metrics;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.Netmask;
import org.vrouter.api.network.EgressPolicy;
import org.vrouter.api.network.Network;
import org.vrouter.api.network.Provider;
import org.vrouter.api.network.Service;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachine;
import org.vrouter.api.vm.VirtualMachineProfile;

/** DHCP, DNS, user data, SSH keys and passwords through the element. */
class VmDataOperationsTest {
    private final FakeRouterManager manager = new FakeRouterManager();

    private static VirtualMachineProfile withPassword(VirtualMachineProfile vm) {
        return vm.withSecrets(Optional.of(Secret.of("s3cret-pw")), Optional.of(Secret.of("dXNlcmRhdGE=")), Optional.empty());
    }

    @Test
    void savePasswordPushesToTheRunningRouters() {
        manager.with(router(1, RouterState.RUNNING), router(2, RouterState.STOPPED));

        element(manager).savePassword(network(), nic(), withPassword(userVm()));

        assertThat(manager.sent()).containsExactly("savePassword network=5 vm=i-2-10-VM");
    }

    @Test
    void savePasswordWithoutARunningRouterIsDeferredNotFailed() {
        manager.with(router(1, RouterState.STOPPED), router(2, RouterState.ERROR));

        element(manager).savePassword(network(), nic(), withPassword(userVm()));

        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void savePasswordNeedsAPasswordInTheProfile() {
        manager.with(router(1, RouterState.RUNNING));

        assertThatThrownBy(() -> element(manager).savePassword(network(), nic(), userVm()))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void userDataServicesLeaveSystemVmsAndOtherProvidersAlone() {
        manager.with(router(1, RouterState.RUNNING));
        Network configDrive = Fixtures.networkBuilder(Fixtures.offering(Map.of(Service.DHCP, Provider.VIRTUAL_ROUTER,
                Service.USER_DATA, Provider.CONFIG_DRIVE), false, EgressPolicy.DENY, false)).build();
        VirtualMachineProfile router = withPassword(Fixtures.vm(VirtualMachine.Type.DOMAIN_ROUTER, "r-7-VM"));
        VirtualRouterElement element = element(manager);

        element.savePassword(network(), nic(), router);
        element.saveUserData(network(), nic(), router);
        element.addPasswordAndUserdata(network(), nic(), router, HOST_DESTINATION);
        element.savePassword(configDrive, nic(), withPassword(userVm()));
        element.saveUserData(configDrive, nic(), userVm());
        element.saveSshKey(configDrive, nic(), userVm(), "ssh-ed25519 AAAAC3Nza user@host");

        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void vmStartSendsThePasswordWithTheData() {
        manager.with(router(1, RouterState.RUNNING));

        element(manager).addPasswordAndUserdata(network(), nic(), withPassword(userVm()), HOST_DESTINATION);

        assertThat(manager.sent()).containsExactly("applyVmData network=5 vm=i-2-10-VM password=true");
    }

    @Test
    void savingUserDataDoesNotResendThePassword() {
        manager.with(router(1, RouterState.RUNNING));

        element(manager).saveUserData(network(), nic(), withPassword(userVm()));

        assertThat(manager.sent()).containsExactly("applyVmData network=5 vm=i-2-10-VM password=false");
        assertThat(manager.vmDataProfiles).singleElement().satisfies(vm -> assertThat(vm.userData()).isPresent());
    }

    @Test
    void savingAnSshKeyPublishesItWithThePasswordOfTheProfile() {
        manager.with(router(1, RouterState.RUNNING));

        element(manager).saveSshKey(network(), nic(), withPassword(userVm()), "ssh-ed25519 AAAAC3Nza user@host");

        assertThat(manager.vmDataProfiles).singleElement().satisfies(vm -> {
            assertThat(vm.sshPublicKey()).contains("ssh-ed25519 AAAAC3Nza user@host");
            assertThat(vm.password()).isPresent();
        });
    }

    @Test
    void hypervisorHostnameIsSavedWithTheVmPlacedOnTheDestinationHost() {
        manager.with(router(1, RouterState.RUNNING));

        element(manager).saveHypervisorHostname(network(), nic(), withPassword(userVm()), HOST_DESTINATION);

        assertThat(manager.vmDataProfiles).singleElement().satisfies(vm -> {
            assertThat(vm.vm().hostId()).isEqualTo(OptionalLong.of(HOST.id()));
            assertThat(vm.vm().podId()).isEqualTo(OptionalLong.of(HOST.podId()));
            assertThat(vm.password()).isEmpty();
        });
    }

    @Test
    void hypervisorHostnameNeedsAHost() {
        assertThatThrownBy(() -> element(manager).saveHypervisorHostname(network(), nic(), userVm(), ZONE_DESTINATION))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field()).isEqualTo("host_id"));
    }

    @Test
    void removingADhcpEntryReachesOnlyRunningRoutersAndNeedsNone() {
        VirtualRouterElement element = element(manager);
        element.removeDhcpEntry(network(), nic(), userVm());
        manager.with(router(1, RouterState.STOPPED));
        element.removeDhcpEntry(network(), nic(), userVm());
        assertThat(manager.sent()).isEmpty();

        manager.with(router(2, RouterState.RUNNING));
        element.removeDhcpEntry(network(), nic(), userVm());

        assertThat(manager.sent()).containsExactly("removeDhcpEntry network=5 vm=i-2-10-VM");
    }

    @Test
    void dnsEntriesComeWithTheDhcpEntryWhenTheRouterServesBoth() {
        manager.with(router(1, RouterState.RUNNING));

        element(manager).addDnsEntry(network(), nic(), userVm(), HOST_DESTINATION);

        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void aDnsOnlyRouterWritesTheEntryItself() {
        Network dnsOnly = Fixtures.networkBuilder(Fixtures.offering(Map.of(Service.DNS, Provider.VIRTUAL_ROUTER,
                Service.DHCP, Provider.EXTERNAL_DHCP_SERVER), false, EgressPolicy.DENY, false)).build();
        manager.with(router(1, RouterState.RUNNING));

        element(manager).addDnsEntry(dnsOnly, nic(), userVm(), HOST_DESTINATION);
        element(manager).addDhcpEntry(dnsOnly, nic(), userVm(), HOST_DESTINATION);

        assertThat(manager.sent()).containsExactly("applyDhcpEntry network=5 vm=i-2-10-VM ip=10.1.1.10");
    }

    @Test
    void aNicInsideTheNetworkNeedsNoSubnetSupport() {
        manager.with(router(1, RouterState.RUNNING));
        VirtualRouterElement element = element(manager);

        element.configDhcpSupportForSubnet(network(), nic(), userVm(), HOST_DESTINATION);
        element.removeDhcpSupportForSubnet(network());
        element.removeDnsSupportForSubnet(network());

        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void aNicInAnotherSubnetWithoutAnAliasIsUnavailable() {
        VirtualRouterElement element = element(manager);
        Nic outside = nic().toBuilder().ipv4(Fixtures.ip("10.1.2.10"), Netmask.parse("255.255.255.0"), Fixtures.ip("10.1.2.1")).build();

        assertThatThrownBy(() -> element.configDhcpSupportForSubnet(network(), outside, userVm(), HOST_DESTINATION))
                .isInstanceOf(ResourceUnavailableException.class)
                .hasMessageContaining("10.1.2.10 outside 10.1.1.0/24");
        // The DHCP call covers DNS when the router serves both.
        element.configDnsSupportForSubnet(network(), outside, userVm(), HOST_DESTINATION);
        assertThat(manager.sent()).isEmpty();
    }

    @Test
    void aNicInAnotherSubnetGetsTheNetworksActiveAliasesOnTheRouters() {
        manager.with(router(1, RouterState.RUNNING));
        IpAlias alias = IpAlias.of(Fixtures.NETWORK_ID, 1, Fixtures.ip("10.1.2.2"), Cidr.parse("10.1.2.0/24"), Fixtures.ip("10.1.2.1"));
        IpAlias gone = IpAlias.of(Fixtures.NETWORK_ID, 2, Fixtures.ip("10.1.3.2"), Cidr.parse("10.1.3.0/24"), Fixtures.ip("10.1.3.1")).revoke();
        VirtualRouterElement element = Fixtures.element(manager, new FakeConfigurations().with(NetworkConfiguration.builder(network())
                .ipAliases(List.of(alias, gone)).build()), Metrics.NOOP);
        Nic outside = nic().toBuilder().ipv4(Fixtures.ip("10.1.2.10"), Netmask.parse("255.255.255.0"), Fixtures.ip("10.1.2.1")).build();

        element.configDhcpSupportForSubnet(network(), outside, userVm(), HOST_DESTINATION);
        element.removeDhcpSupportForSubnet(network());

        assertThat(manager.sent()).containsExactly("applyIpAliases network=5 aliases=1", "applyIpAliases network=5 aliases=2");
    }

    @Test
    void extraDhcpOptionsAreNotSupported() {
        assertThatThrownBy(() -> element(manager).setExtraDhcpOptions(network(), nic(), Map.of(66, "tftp.example")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(manager.calls).isEmpty();
    }
}
