package org.vrouter.hypervisor.xen.xapi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The test server's wire, spoken with the Apache XML-RPC client the 8.1.0 SDK is built on but
 * without the SDK's typing: the envelope, the encodings, and the errors a real host answers for
 * calls the SDK would never send.
 */
class XapiTestServerTest {
    private XapiTestServer server;
    private XmlRpcClient client;
    private String session;

    @BeforeEach
    void start() throws Exception {
        server = XapiTestServer.start();
        XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
        config.setServerURL(server.url().toURL());
        client = new XmlRpcClient();
        client.setConfig(config);
        session = (String) success(call("session.login_with_password", XapiTestServer.USER, XapiTestServer.PASSWORD, "2.14"));
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void loginReturnsAnOpaqueReferenceAndIntegersTravelAsStrings() throws Exception {
        assertThat(session).matches("OpaqueRef:[0-9a-f-]{36}");
        Object host = success(call("session.get_this_host", session, session));
        assertThat(success(call("host.get_API_version_major", session, host))).isEqualTo("2");
        assertThat(success(call("host.get_API_version_minor", session, host))).isEqualTo("14");
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() throws Exception {
        assertThat(failure(call("session.login_with_password", "root", "nope"))).containsExactly("SESSION_AUTHENTICATION_FAILED", "root",
                "Authentication failure");
    }

    @Test
    void anUnknownMethodIsMessageMethodUnknown() throws Exception {
        assertThat(failure(call("VM.teleport", session, "OpaqueRef:NULL"))).containsExactly("MESSAGE_METHOD_UNKNOWN", "VM.teleport");
        assertThat(failure(call("VM.get_no_such_field", session, "OpaqueRef:NULL"))).containsExactly("MESSAGE_METHOD_UNKNOWN",
                "VM.get_no_such_field");
    }

    @Test
    void aWrongParameterCountIsAMismatchCountingTheSession() throws Exception {
        assertThat(failure(call("VM.get_by_name_label", session))).containsExactly("MESSAGE_PARAMETER_COUNT_MISMATCH", "VM.get_by_name_label",
                "2", "1");
    }

    @Test
    void anUnknownSessionIsSessionInvalid() throws Exception {
        assertThat(failure(call("VM.get_all", "OpaqueRef:forged"))).containsExactly("SESSION_INVALID", "OpaqueRef:forged");
        success(call("session.logout", session));
        assertThat(failure(call("VM.get_all", session))).containsExactly("SESSION_INVALID", session);
    }

    @Test
    void aDeadOrForeignReferenceIsHandleInvalid() throws Exception {
        assertThat(failure(call("VM.get_record", session, "OpaqueRef:0000"))).containsExactly("HANDLE_INVALID", "VM", "OpaqueRef:0000");
        Object host = success(call("session.get_this_host", session, session));
        assertThat(failure(call("VM.get_record", session, host))).containsExactly("HANDLE_INVALID", "VM", host);
    }

    @Test
    void anIntegerSentAsAnXmlRpcIntIsAFieldTypeError() throws Exception {
        Object pif = ((Object[]) success(call("PIF.get_all", session)))[0];
        Object network = ((Object[]) success(call("network.get_all", session)))[0];
        assertThat(failure(call("VLAN.create", session, pif, 100, network))).containsExactly("FIELD_TYPE_ERROR", "tag");
        assertThat(failure(call("VLAN.create", session, pif, "5000", network))).containsExactly("VLAN_TAG_INVALID", "5000");
    }

    @Test
    void powerTransitionsAreCheckedAsOnAHost() throws Exception {
        server.addVm("r-1-VM", "Halted");
        Object vm = ((Object[]) success(call("VM.get_by_name_label", session, "r-1-VM")))[0];
        assertThat(failure(call("VM.clean_shutdown", session, vm))).containsExactly("VM_BAD_POWER_STATE", vm, "running", "halted");
        success(call("VM.start", session, vm, false, false));
        assertThat(failure(call("VM.start", session, vm, false, false))).containsExactly("VM_BAD_POWER_STATE", vm, "halted", "running");
        assertThat(failure(call("VM.destroy", session, vm))).containsExactly("VM_BAD_POWER_STATE", vm, "halted", "running");
        Object template = ((Object[]) success(call("VM.get_by_name_label", session, XapiTestServer.TEMPLATE)))[0];
        assertThat(failure(call("VM.start", session, template, false, false))).containsExactly("VM_IS_TEMPLATE", template);
    }

    @Test
    void anAsyncCallAnswersATaskWithTheOutcome() throws Exception {
        server.addVm("r-1-VM", "Running");
        Object vm = ((Object[]) success(call("VM.get_by_name_label", session, "r-1-VM")))[0];
        Object done = success(call("Async.VM.hard_shutdown", session, vm));
        assertThat(success(call("task.get_status", session, done))).isEqualTo("success");
        Object refused = success(call("Async.VM.hard_shutdown", session, vm));
        assertThat(success(call("task.get_status", session, refused))).isEqualTo("failure");
        assertThat((Object[]) success(call("task.get_error_info", session, refused))).containsExactly("VM_BAD_POWER_STATE", vm, "running", "halted");
        success(call("task.destroy", session, refused));
        assertThat(failure(call("task.get_status", session, refused))).containsExactly("HANDLE_INVALID", "task", refused);
    }

    @Test
    void onlyPostToTheRootIsServed() throws IOException, InterruptedException {
        HttpResponse<String> get = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.url()).GET().build(),
                HttpResponse.BodyHandlers.ofString(UTF_8));
        assertThat(get.statusCode()).isEqualTo(404);
        HttpResponse<String> garbage = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + ""))
                .POST(HttpRequest.BodyPublishers.ofString("<methodCall><nonsense/>")).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
        assertThat(garbage.statusCode()).isEqualTo(400);
    }

    private Map<?, ?> call(String method, Object... parameters) throws XmlRpcException {
        return (Map<?, ?>) client.execute(method, parameters);
    }

    private static Object success(Map<?, ?> reply) {
        assertThat(reply.get("Status")).as("%s", reply.get("ErrorDescription") instanceof Object[] error ? List.of(error) : reply).isEqualTo("Success");
        return reply.get("Value");
    }

    private static List<Object> failure(Map<?, ?> reply) {
        assertThat(reply.get("Status")).isEqualTo("Failure");
        return List.of((Object[]) reply.get("ErrorDescription"));
    }
}
