package org.vrouter.hypervisor.kvm.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vrouter.hypervisor.kvm.LibvirtTestDriver;
import org.vrouter.hypervisor.kvm.RouterVms;
import org.vrouter.hypervisor.kvm.domain.DomainSettings;
import org.vrouter.hypervisor.kvm.domain.LibvirtDomainXml;
import org.vrouter.hypervisor.kvm.domain.RouterDomainPlanner;

/** libvirt-java through {@link LibvirtConnection} against libvirt's real test driver. */
class LibvirtConnectionTest {
    private LibvirtTestDriver driver;
    private LibvirtConnection libvirt;

    @BeforeEach
    void open() {
        driver = LibvirtTestDriver.open();
        libvirt = driver.connection();
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private String xml(String name) {
        return LibvirtDomainXml.render(new RouterDomainPlanner(DomainSettings.defaults())
                .plan(RouterVms.builder(name, "uuid-" + name).build(), Optional.empty(), List.of()));
    }

    @Test
    void seesTheTestDriversOwnDomain() {
        assertThat(libvirt.domainNames()).contains("test");
        assertThat(libvirt.state("test")).contains(DomainState.RUNNING);
    }

    @Test
    void definesStartsShutsDownAndUndefinesADomain() {
        String name = driver.name();

        libvirt.defineAndStart(name, xml(name));
        assertThat(libvirt.state(name)).contains(DomainState.RUNNING);
        assertThat(libvirt.isPersistent(name)).isTrue();
        libvirt.shutdown(name);
        assertThat(libvirt.state(name)).contains(DomainState.SHUT_OFF);
        libvirt.undefine(name);

        assertThat(libvirt.state(name)).isEmpty();
        assertThat(libvirt.domainNames()).doesNotContain(name);
    }

    @Test
    void badXmlFailsNamingTheOperationAndTheDomain() {
        String name = driver.name();

        assertThatThrownBy(() -> libvirt.createTransient(name, "<domain type='kvm'><name>" + name + "</name>"))
                .isInstanceOfSatisfying(LibvirtOperationException.class, e -> {
                    assertThat(e.operation()).isEqualTo("domainCreateXML");
                    assertThat(e.domain()).isEqualTo(name);
                    assertThat(e.errorCode()).hasValue("VIR_ERR_XML_DETAIL");
                })
                .hasMessageStartingWith("libvirt domainCreateXML of domain " + name + " failed: ");
        assertThat(libvirt.state(name)).isEmpty();
    }

    @Test
    void aMissingDomainIsEmptyForQueriesAndAnErrorForActions() {
        String name = driver.name();

        assertThat(libvirt.state(name)).isEmpty();
        assertThat(libvirt.isPersistent(name)).isFalse();
        assertThatThrownBy(() -> libvirt.destroy(name)).isInstanceOfSatisfying(LibvirtOperationException.class,
                e -> assertThat(e.errorCode()).hasValue("VIR_ERR_NO_DOMAIN")).hasMessageContaining("destroy of domain " + name);
    }

    @Test
    void destroyingAStoppedDomainIsLibvirtsError() {
        String name = driver.name();
        libvirt.defineAndStart(name, xml(name));
        libvirt.destroy(name);

        assertThatThrownBy(() -> libvirt.destroy(name)).isInstanceOf(LibvirtOperationException.class)
                .hasMessageContaining("libvirt destroy of domain " + name + " failed");
    }
}
