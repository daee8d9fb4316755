package org.vrouter.api.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vrouter.api.Fixtures.assertInvalid;

import org.junit.jupiter.api.Test;
import org.vrouter.api.dc.HypervisorType;

class WireNamesTest {
    @Test
    void findsByWireNameOrJavaNameIgnoringCase() {
        assertThat(WireNames.fromWireName("hypervisor", "xenserver", HypervisorType.values(), HypervisorType::wireName))
                .isEqualTo(HypervisorType.XENSERVER);
        assertThat(WireNames.fromWireName("hypervisor", "VMWARE", HypervisorType.values(), HypervisorType::wireName))
                .isEqualTo(HypervisorType.VMWARE);
    }

    @Test
    void unknownNameListsTheValidWireNames() {
        assertInvalid(() -> WireNames.fromWireName("hypervisor", "hyperv", HypervisorType.values(), HypervisorType::wireName), "hypervisor")
                .hasMessageContaining("[KVM, XenServer, VMware, Netns, Simulator]")
                .hasMessageContaining("'hyperv'");
    }
}
