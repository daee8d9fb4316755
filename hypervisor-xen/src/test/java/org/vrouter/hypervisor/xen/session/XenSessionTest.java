package org.vrouter.hypervisor.xen.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.xensource.xenapi.Types;
import com.xensource.xenapi.VM;

import org.vrouter.api.secret.Secret;
import org.vrouter.hypervisor.xen.xapi.XapiTestServer;

/** {@link XenSession} against the XenAPI test server: error translation, re-login, logout. */
class XenSessionTest {
    private XapiTestServer server;
    private XenSession session;

    @BeforeEach
    void start() throws Exception {
        server = XapiTestServer.start();
        session = new XenSession(server.url().toURL(), XapiTestServer.USER, Secret.of(XapiTestServer.PASSWORD), Duration.ofSeconds(10),
                Duration.ofSeconds(2));
    }

    @AfterEach
    void close() {
        session.close();
        server.close();
    }

    @Test
    void aXenApiErrorNamesTheCallTheCodeAndItsParameters() throws Exception {
        server.addVm("r-1-VM", "Running");
        VM vm = session.call("VM.get_by_name_label", connection -> VM.getByNameLabel(connection, "r-1-VM")).iterator().next();

        assertThatThrownBy(() -> session.run("VM.destroy", vm::destroy))
                .isInstanceOfSatisfying(XenCallException.class, e -> {
                    assertThat(e.call()).isEqualTo("VM.destroy");
                    assertThat(e.code()).isEqualTo("VM_BAD_POWER_STATE");
                    assertThat(e.parameters()).containsExactly(vm.toWireString(), "halted", "running");
                    assertThat(e.getCause()).isInstanceOf(Types.VmBadPowerState.class);
                })
                .hasMessage("VM.destroy: VM_BAD_POWER_STATE [" + vm.toWireString() + ", halted, running]");
    }

    @Test
    void errorCodesFollowTheSdksClassNames() {
        assertThat(XenSession.errorCode(Types.VmBadPowerState.class)).isEqualTo("VM_BAD_POWER_STATE");
        assertThat(XenSession.errorCode(Types.SessionInvalid.class)).isEqualTo("SESSION_INVALID");
        assertThat(XenSession.errorCode(Types.HandleInvalid.class)).isEqualTo("HANDLE_INVALID");
        assertThat(XenSession.errorCode(Types.PifVlanExists.class)).isEqualTo("PIF_VLAN_EXISTS");
    }

    @Test
    void aLostSessionIsRenewedOnce() throws Exception {
        Set<VM> before = session.call("VM.get_all", VM::getAll);
        server.invalidateSessions();

        assertThat(session.call("VM.get_all", VM::getAll)).isEqualTo(before);
        assertThat(server.calls()).containsSubsequence("session.login_with_password", "VM.get_all", "VM.get_all",
                "session.login_with_password", "VM.get_all");
    }

    @Test
    void aSessionLostAgainOnTheRepeatedCallFailsNamingTheCall() throws Exception {
        session.call("VM.get_all", VM::getAll);

        assertThatThrownBy(() -> session.call("VM.get_all", connection -> {
            server.invalidateSessions();
            return VM.getAll(connection);
        })).isInstanceOfSatisfying(XenCallException.class, e -> assertThat(e.code()).isEqualTo("SESSION_INVALID"))
                .hasMessageStartingWith("VM.get_all: SESSION_INVALID");
        assertThat(server.calls().stream().filter("session.login_with_password"::equals)).hasSize(2);
    }

    @Test
    void anUnreachableHostIsATransportFailure() throws Exception {
        server.close();

        assertThatThrownBy(() -> session.call("VM.get_all", VM::getAll))
                .isInstanceOfSatisfying(XenCallException.class, e -> {
                    assertThat(e.call()).isEqualTo("session.login_with_password");
                    assertThat(e.code()).isEqualTo(XenCallException.TRANSPORT);
                });
    }

    @Test
    void closeLogsOut() throws Exception {
        session.call("VM.get_all", VM::getAll);
        assertThat(server.openSessions()).isOne();

        session.close();

        assertThat(server.openSessions()).isZero();
    }
}
