package org.vrouter.hypervisor.kvm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs {@code virt-xml-validate <file> domain} (Debian's libvirt-clients, which runs libxml2-utils' xmllint) on generated domain XML. */
public final class VirtXmlValidate {
    private VirtXmlValidate() {}

    /** Skips (fails under CI) unless virt-xml-validate and the xmllint it runs are installed. */
    public static void requireTools() {
        SystemTools.require("virt-xml-validate", "libvirt-clients");
        SystemTools.require("xmllint", "libxml2-utils"); // virt-xml-validate runs it; libvirt-clients only recommends it
    }

    /** Fails with the validator's output unless {@code xml} is a valid libvirt domain; skips (fails under CI) without the tool. */
    public static void assertValidDomain(String xml) throws IOException, InterruptedException {
        requireTools();
        Path file = Files.createTempFile("vrouter-domain-", ".xml");
        try {
            Files.writeString(file, xml, UTF_8);
            Process process = new ProcessBuilder("virt-xml-validate", file.toString(), "domain").redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("virt-xml-validate finished").isTrue();
            assertThat(process.exitValue()).as("virt-xml-validate on\n%s\nsaid: %s", xml, output).isZero();
        }
        finally {
            Files.deleteIfExists(file);
        }
    }
}
