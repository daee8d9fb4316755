package org.vrouter.router.lb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.vrouter.router.converge.IsolatedRouter;
import org.vrouter.router.databag.Databags;

class LoadBalancerInputsTest {
    @Test
    void anEmptyBagIsNoLoadBalancer() {
        assertThat(LoadBalancerInputs.from(Databags.empty())).isEqualTo(LoadBalancerInput.none());
    }

    @Test
    void takesTheConfigurationOfTheFirstRule() {
        LoadBalancerInput input = LoadBalancerInputs.from(IsolatedRouter.bags());

        assertThat(input.text()).startsWith("global\n\tlog 127.0.0.1:3914   local0 warning\n")
                .endsWith("\tserver 203_0_113_22-80_1 10.1.1.25:80 check\n");
    }
}
