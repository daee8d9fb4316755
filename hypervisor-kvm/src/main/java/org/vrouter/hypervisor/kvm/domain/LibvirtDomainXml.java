package org.vrouter.hypervisor.kvm.domain;

/**
 * Renders a {@link DomainDefinition} as libvirt domain XML ({@code <domain type='kvm'>}), and single
 * devices for hot-plug. Shaped like CloudStack's system-VM domains: {@code pc} machine, ACPI,
 * UTC clock with kvmclock, destroy on power-off and crash, a serial console, the guest-agent
 * channel, virtio disks and NICs without option ROM, a virtio balloon. Every value goes through
 * {@link XmlElement}, so it is escaped. Pure and deterministic; stateless.
 */
public final class LibvirtDomainXml {
    private LibvirtDomainXml() {}

    /** The whole domain definition. */
    public static String render(DomainDefinition domain) {
        XmlElement root = XmlElement.of("domain").attribute("type", "kvm");
        root.add("name", domain.name());
        root.add("uuid", domain.uuid().toString());
        if (!domain.description().isEmpty()) {
            root.add("description", domain.description());
        }
        root.add("memory").attribute("unit", "KiB").text(domain.memoryKib());
        root.add("currentMemory").attribute("unit", "KiB").text(domain.currentMemoryKib());
        root.add("vcpu").attribute("placement", "static").text(domain.vcpus());
        root.add("cputune").add("shares").text(domain.cpuShares());
        XmlElement os = root.add("os");
        os.add("type").attribute("arch", "x86_64").attribute("machine", "pc").text("hvm");
        os.add("boot").attribute("dev", "cdrom");
        os.add("boot").attribute("dev", "hd");
        XmlElement features = root.add("features");
        features.add("acpi");
        features.add("apic");
        features.add("pae");
        root.add("clock").attribute("offset", "utc").add("timer").attribute("name", "kvmclock").attribute("present", "yes");
        root.add("on_poweroff", "destroy");
        root.add("on_reboot", "restart");
        root.add("on_crash", "destroy");
        root.child(devices(domain));
        return root.render();
    }

    private static XmlElement devices(DomainDefinition domain) {
        XmlElement devices = XmlElement.of("devices");
        domain.emulator().ifPresent(path -> devices.add("emulator", path));
        domain.disks().forEach(disk -> devices.child(disk(disk)));
        domain.interfaces().forEach(nic -> devices.child(nic(nic)));
        devices.add("serial").attribute("type", "pty").add("target").attribute("port", 0);
        devices.add("console").attribute("type", "pty").add("target").attribute("type", "serial").attribute("port", 0);
        XmlElement channel = devices.add("channel").attribute("type", "unix");
        channel.add("source").attribute("mode", "bind").attribute("path", domain.guestAgentSocket());
        channel.add("target").attribute("type", "virtio").attribute("name", DomainDefinition.GUEST_AGENT_CHANNEL);
        domain.vncListen().ifPresent(listen -> {
            XmlElement graphics = devices.add("graphics").attribute("type", "vnc").attribute("port", -1).attribute("autoport", "yes")
                    .attribute("listen", listen);
            domain.vncPassword().ifPresent(password -> graphics.attribute("passwd", password.reveal()));
        });
        devices.add("memballoon").attribute("model", "virtio");
        return devices;
    }

    /** One {@code <disk>} element, as {@code attachDevice} takes it. */
    public static XmlElement disk(DomainDisk disk) {
        XmlElement element = XmlElement.of("disk").attribute("type", "file").attribute("device", disk.device().xmlName());
        XmlElement driver = element.add("driver").attribute("name", "qemu").attribute("type", disk.format());
        if (disk.device() == DomainDisk.Device.DISK) {
            driver.attribute("cache", "none");
        }
        disk.sourceFile().ifPresent(file -> element.add("source").attribute("file", file));
        element.add("target").attribute("dev", disk.targetDevice()).attribute("bus", disk.bus().xmlName());
        if (disk.device() == DomainDisk.Device.CDROM) {
            element.add("readonly");
        }
        disk.serial().ifPresent(serial -> element.add("serial", serial));
        return element;
    }

    /** One {@code <interface>} element, as {@code attachDevice} takes it. */
    public static XmlElement nic(DomainInterface nic) {
        XmlElement element = XmlElement.of("interface").attribute("type", "bridge");
        element.add("mac").attribute("address", nic.mac().toString());
        element.add("source").attribute("bridge", nic.bridge());
        element.add("model").attribute("type", "virtio");
        nic.rateMbps().ifPresent(rate -> {
            // libvirt's average is in KiB/s; CloudStack converts Mbps × 1024 / 8
            XmlElement bandwidth = element.add("bandwidth");
            bandwidth.add("inbound").attribute("average", rate * 128L);
            bandwidth.add("outbound").attribute("average", rate * 128L);
        });
        nic.mtu().ifPresent(mtu -> element.add("mtu").attribute("size", mtu));
        element.add("link").attribute("state", "up");
        element.add("rom").attribute("bar", "off");
        return element;
    }
}
