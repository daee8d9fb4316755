package org.vrouter.api.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vrouter.api.Fixtures.assertInvalid;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;

class BootArgsTest {
    @Test
    void keepsInsertionOrderAndReplacesInPlace() {
        BootArgs args = BootArgs.builder()
                .put("template", "domP")
                .put("name", "r-5-VM")
                .put("eth0ip", "10.1.1.1")
                .put("name", "r-6-VM")
                .put("redundant_router", false)
                .put("advert_int", 1)
                .build();
        assertThat(args.toCommandLine()).isEqualTo("template=domP name=r-6-VM eth0ip=10.1.1.1 redundant_router=false advert_int=1");
        assertThat(args.get("eth0ip")).hasValue("10.1.1.1");
        assertThat(args.toBuilder().remove("eth0ip").build().asMap()).doesNotContainKey("eth0ip");
    }

    @Test
    void acceptsEmptyValues() {
        assertThat(BootArgs.builder().put("dnssearchorder", "").build().toCommandLine()).isEqualTo("dnssearchorder=");
    }

    @Test
    void rejectsWhitespaceInValues() {
        assertInvalid(() -> BootArgs.builder().put("domain", "corp example"), "boot_args.domain").hasMessageContaining("whitespace");
    }

    @Test
    void rejectsInjection() {
        assertInvalid(() -> BootArgs.builder().put("domain", "x$(reboot)"), "boot_args.domain");
        assertInvalid(() -> BootArgs.builder().put("domain", "a\nb"), "boot_args.domain");
        assertInvalid(() -> BootArgs.builder().put("eth0 ip", "1"), "boot_args");
        assertInvalid(() -> BootArgs.builder().put("a=b", "1"), "boot_args");
    }

    @Test
    void neverPrintsPasswords() {
        BootArgs args = BootArgs.builder().put("name", "r-5-VM").put("vmpassword", "s3cret").build();
        assertThat(args.toString()).contains("name=r-5-VM").contains("vmpassword=****").doesNotContain("s3cret");
        assertThatThrownBy(() -> BootArgs.builder().put("router_password", "bad pw"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageNotContaining("bad pw");
    }

    @Test
    void equalityDependsOnOrder() {
        BootArgs ab = BootArgs.builder().put("a", "1").put("b", "2").build();
        BootArgs ba = BootArgs.builder().put("b", "2").put("a", "1").build();
        assertThat(ab).isEqualTo(BootArgs.builder().put("a", "1").put("b", "2").build()).isNotEqualTo(ba);
    }
}
