package org.vrouter.router.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;
import org.vrouter.router.converge.IsolatedRouter;
import org.vrouter.router.converge.ServiceResult;
import org.vrouter.router.databag.Databags;

/** The password store as the converge fills it: each password once, a reset replacing a served one. */
class VmPasswordApplierTest {
    private static final IpAddress VM = IpAddress.parse("10.1.1.23");

    @TempDir
    Path root;

    private FileCountingHost host;
    private VmPasswordApplier applier;

    @BeforeEach
    void newMachine() {
        host = new FileCountingHost(root);
        applier = new VmPasswordApplier(host);
    }

    @Test
    void storesAPasswordOnceEvenWhenTheBagIsConvergedAgain() throws IOException {
        assertThat(applier.apply(Map.of(VM, Secret.of("first")))).containsExactly(VM);
        assertThat(applier.apply(Map.of(VM, Secret.of("first")))).isEmpty();

        Files.move(root.resolve("var/lib/vrouter/passwords/10.1.1.23"), root.resolve("var/lib/vrouter/passwords/10.1.1.23.served"));
        assertThat(applier.apply(Map.of(VM, Secret.of("first")))).as("served already").isEmpty();
        assertThat(applier.missing(Map.of(VM, Secret.of("first")))).isEmpty();
        assertThat(host.written()).containsExactly("/var/lib/vrouter/passwords/10.1.1.23");
    }

    @Test
    void aNewPasswordReplacesTheServedOne() throws IOException {
        applier.apply(Map.of(VM, Secret.of("first")));
        Files.move(root.resolve("var/lib/vrouter/passwords/10.1.1.23"), root.resolve("var/lib/vrouter/passwords/10.1.1.23.served"));

        assertThat(applier.missing(Map.of(VM, Secret.of("second")))).containsExactly(VM);
        assertThat(applier.apply(Map.of(VM, Secret.of("second")))).containsExactly(VM);

        assertThat(root.resolve("var/lib/vrouter/passwords/10.1.1.23")).hasContent("second");
        assertThat(root.resolve("var/lib/vrouter/passwords/10.1.1.23.served")).doesNotExist();
    }

    @Test
    void storesNoEmptyPassword() throws IOException {
        assertThat(applier.apply(Map.of(VM, Secret.of("")))).isEmpty();
        assertThat(host.written()).isEmpty();
    }

    @Test
    void theServiceNeverShowsThePassword() throws IOException {
        Databags bags = IsolatedRouter.mergeText(Databags.empty(), "vm_password.json",
                "{\"ip_address\":\"10.1.1.23\",\"password\":\"p4ssw0rd\",\"type\":\"vmpassword\",\"delete_from_processed_cache\":false}");
        VmPasswordService service = new VmPasswordService(applier);

        ServiceResult result = service.apply(bags);

        assertThat(result.detail()).isEqualTo("password stored for [10.1.1.23] (not shown)");
        assertThat(service.render(bags).files()).isEmpty();
        assertThat(service.render(bags).detail()).isEqualTo("password for 10.1.1.23 in /var/lib/vrouter/passwords (not shown)");
        assertThat(result + service.render(bags).toString() + service.verify(bags)).doesNotContain("p4ssw0rd");
    }
}
