package org.vrouter.hypervisor.kvm.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.vrouter.api.golden.GoldenFiles;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.hypervisor.kvm.RouterVms;
import org.vrouter.hypervisor.kvm.VirtXmlValidate;
import org.w3c.dom.Document;

/** Golden domain XML of routers, each also checked by libvirt's own schema (virt-xml-validate). */
class LibvirtDomainXmlTest {
    private static final String CONCEPT = "domain-xml";
    private final RouterDomainPlanner planner = new RouterDomainPlanner(DomainSettings.defaults());

    @Test
    void rendersARouterDomainAsCloudStackShapesIt() throws Exception {
        String xml = LibvirtDomainXml.render(planner.plan(RouterVms.router("r-42-VM"), Optional.empty(), List.of()));

        GoldenFiles.assertMatches(CONCEPT, "router", "domain.xml", xml);
        VirtXmlValidate.assertValidDomain(xml);
    }

    @Test
    void rendersVncAndTheConfigDriveAndAnEmulator() throws Exception {
        DomainSettings settings = DomainSettings.defaults().withEmulator("/usr/bin/qemu-system-x86_64");
        String xml = LibvirtDomainXml.render(new RouterDomainPlanner(settings).plan(
                RouterVms.builder("r-43-VM", "r-43-uuid").password(Secret.of("s3cret")).build(), Optional.of(IpAddress.parse("192.0.2.10")),
                List.of("/var/lib/vrouter/iso/r-43-VM-cmdline.iso")));

        GoldenFiles.assertMatches(CONCEPT, "router-vnc-config-drive", "domain.xml", xml);
        VirtXmlValidate.assertValidDomain(xml);
    }

    @Test
    void injectedMarkupInUserValuesStaysText() throws Exception {
        String injection = "</name><devices><disk type='file'/></devices>";
        DomainDefinition domain = DomainDefinition.builder("r-44-VM", UUID.nameUUIDFromBytes(new byte[] {1}))
                .description(injection)
                .disk(DomainDisk.virtio("/pool/" + injection + ".qcow2", "vda", Optional.empty()))
                .nic(DomainInterface.of(MacAddress.parse("mac", "02:00:00:00:00:01"), "cloud0"))
                .build();
        String xml = LibvirtDomainXml.render(domain);

        Document parsed = XmlElementTest.parse(xml);
        assertThat(parsed.getElementsByTagName("description").item(0).getTextContent()).isEqualTo(injection);
        assertThat(parsed.getElementsByTagName("devices").getLength()).isEqualTo(1);
        assertThat(parsed.getElementsByTagName("disk").getLength()).isEqualTo(1);
        assertThat(((org.w3c.dom.Element) parsed.getElementsByTagName("source").item(0)).getAttribute("file"))
                .isEqualTo("/pool/" + injection + ".qcow2");
        VirtXmlValidate.assertValidDomain(xml);
    }

    @Test
    void rendersAHotPlugNicWithItsRateAndMtu() throws Exception {
        String nic = LibvirtDomainXml.nic(new DomainInterface(MacAddress.parse("mac", "06:00:00:00:00:09"), "brcloudbr0-200", OptionalInt.of(100),
                OptionalInt.of(1500))).render();

        GoldenFiles.assertMatches(CONCEPT, "hot-plug-nic", "interface.xml", nic);
    }

    @Test
    void theSchemaCheckRejectsAnInvalidDomain() {
        VirtXmlValidate.requireTools();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VirtXmlValidate.assertValidDomain("<domain type='kvm'><name>x</name><bogus/></domain>"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("virt-xml-validate");
    }

    @Test
    void aMinimalDomainIsValidForLibvirt() throws Exception {
        DomainDefinition minimal = DomainDefinition.builder("r-45-VM", UUID.nameUUIDFromBytes(new byte[] {2})).build();
        VirtXmlValidate.assertValidDomain(LibvirtDomainXml.render(minimal));
    }
}
