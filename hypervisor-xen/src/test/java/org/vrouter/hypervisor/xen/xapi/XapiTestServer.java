package org.vrouter.hypervisor.xen.xapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.vrouter.hypervisor.xen.xapi.XapiDatabase.XapiObject;

/**
 * An in-process XenAPI server for tests: XML-RPC over HTTP POST on loopback, as xapi serves the
 * 8.1.0 SDK (no XenServer can run here). It answers strictly, as a real host does:
 * <ul>
 *   <li>every reply is {@code {Status: "Success", Value}} or {@code {Status: "Failure",
 *       ErrorDescription: [code, params...]}}; int64 values travel as strings, references as
 *       {@code OpaqueRef:<uuid>} ({@code OpaqueRef:NULL} for none), dates as {@code dateTime.iso8601};</li>
 *   <li>an unknown method is {@code MESSAGE_METHOD_UNKNOWN [method]}; a wrong parameter count
 *       {@code MESSAGE_PARAMETER_COUNT_MISMATCH [method, expected, received]}; a session that was
 *       never made, logged out or {@linkplain #invalidateSessions() invalidated}
 *       {@code SESSION_INVALID [session]}; a dead or foreign reference {@code HANDLE_INVALID
 *       [class, ref]}; a value of the wrong wire type {@code FIELD_TYPE_ERROR [field]};</li>
 *   <li>calls: session login/logout/get_this_host; generic {@code get_record}, {@code get_by_uuid},
 *       {@code get_all}, {@code get_all_records}, {@code get_by_name_label} and
 *       {@code get_<field>} for VM, VIF, VBD, VDI, network, PIF, VLAN, host and task; the VM, VIF,
 *       VBD, network, VLAN, task and host-plugin calls of {@link VmCalls} and {@link DeviceCalls}.</li>
 * </ul>
 * The host starts with a physical network ({@link #PHYSICAL_NETWORK}, PIF eth0), the link-local
 * network ({@link #LINK_LOCAL_NETWORK}), the router template ({@link #TEMPLATE}) and one volume
 * ({@link #rootVolumeUuid()}). Calls are served one at a time. Close it to stop listening.
 */
public final class XapiTestServer implements AutoCloseable {
    public static final String USER = "root";
    public static final String PASSWORD = "xen-test-password";
    public static final String TEMPLATE = "vrouter System VM (Debian 12)";
    public static final String PHYSICAL_NETWORK = "Pool-wide network associated with eth0";
    public static final String LINK_LOCAL_NETWORK = "cloud_link_local_network";

    private final HttpServer http;
    private final XapiDatabase database = new XapiDatabase();
    private final Map<String, Registered> methods = new HashMap<>();
    private final Map<String, String> sessions = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final Map<String, String> racesAfter = new HashMap<>();
    private final XapiObject host;
    private final String rootVolumeUuid;
    private final VmCalls vmCalls;

    private record Registered(int minArity, int maxArity, boolean session, XapiMethods.Handler handler) {}

    private XapiTestServer(HttpServer http) {
        this.http = http;
        this.host = database.add("host", Map.of("name_label", "xen-test-host", "address", "127.0.0.1", "hostname", "xen-test-host",
                "API_version_major", "2", "API_version_minor", "14", "API_version_vendor", "XenSource", "enabled", true,
                "software_version", Map.of("product_brand", "XCP-ng", "product_version", "8.1.0")));
        XapiObject physical = database.add("network", Map.of("name_label", PHYSICAL_NETWORK, "bridge", "xenbr0", "MTU", "1500"));
        database.add("PIF", Map.of("device", "eth0", "network", physical.ref(), "host", host.ref(), "MAC", "52:54:00:00:00:01",
                "MTU", "1500", "VLAN", "-1", "physical", true, "currently_attached", true, "management", true));
        database.add("network", Map.of("name_label", LINK_LOCAL_NETWORK, "bridge", "xapi0", "MTU", "1500"));
        addTemplate(TEMPLATE);
        this.rootVolumeUuid = addVolume("ROOT-42");
        XapiMethods registry = registry();
        this.vmCalls = new VmCalls(database, host, registry);
        new DeviceCalls(database, registry);
        registerSessionAndTasks(registry);
    }

    /** Starts a server on 127.0.0.1 with an ephemeral port. */
    public static XapiTestServer start() throws IOException {
        // small request/response pairs on one keep-alive connection otherwise wait out delayed ACKs (~40 ms per call)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        XapiTestServer server = new XapiTestServer(http);
        http.createContext("/", server::handle);
        http.start();
        return server;
    }

    /** The XenAPI endpoint, {@code http://127.0.0.1:<port>/}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
    }

    // ---- test controls ----

    /** Every call received, by wire name, in order (also the failed ones). */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /** Forgets every session, as a toolstack restart does: the next call with one is {@code SESSION_INVALID}. */
    public synchronized void invalidateSessions() {
        sessions.clear();
    }

    public synchronized int openSessions() {
        return sessions.size();
    }

    /** Adds a template VM (a router template) named {@code name}. */
    public synchronized void addTemplate(String name) {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("name_label", name);
        template.put("is_a_template", true);
        template.put("is_default_template", false);
        template.put("memory_static_max", "268435456");
        template.put("memory_dynamic_max", "268435456");
        template.put("memory_dynamic_min", "268435456");
        template.put("memory_static_min", "134217728");
        template.put("VCPUs_max", "1");
        template.put("VCPUs_at_startup", "1");
        template.put("PV_bootloader", "pygrub");
        template.put("domid", "-1");
        template.put("other_config", Map.of("default_template", "true", "disks", "<provision/>", "mac_seed", UUID.randomUUID().toString()));
        database.add("VM", template);
    }

    /** Adds a VDI named {@code name} and returns its uuid. */
    public synchronized String addVolume(String name) {
        return database.add("VDI", Map.of("name_label", name, "virtual_size", "2147483648", "type", "user")).string("uuid");
    }

    public String rootVolumeUuid() {
        return rootVolumeUuid;
    }

    /** Makes the guest of VM {@code name} ignore clean shutdowns: the task stays pending until cancelled. */
    public synchronized void ignoreCleanShutdown(String name) {
        vmCalls.hang(name, "clean_shutdown");
    }

    /** Makes VM {@code name} never finish booting: its start task stays pending until cancelled. */
    public synchronized void hangStart(String name) {
        vmCalls.hang(name, "start");
    }

    /**
     * Plays another client that starts VM {@code name} right after this server has answered
     * {@code method} for anyone: the client's own start then finds the VM running.
     */
    public synchronized void startBehindTheClientsBack(String name, String method) {
        racesAfter.put(method, name);
    }

    /** Creates a non-template VM named {@code name} in power state {@code state} (a leftover, or one started elsewhere). */
    public synchronized void addVm(String name, String state) {
        XapiObject vm = database.add("VM", Map.of("name_label", name, "power_state", state, "memory_static_max", "268435456",
                "memory_dynamic_max", "268435456", "memory_dynamic_min", "268435456", "memory_static_min", "268435456",
                "VCPUs_max", "1", "VCPUs_at_startup", "1"));
        if (!state.equals("Halted")) {
            vm.set("resident_on", host.ref());
        }
    }

    /** The record of the (non-template) VM named {@code name}, derived fields included. */
    public synchronized Optional<Map<String, Object>> vm(String name) {
        return vms(name).stream().findFirst().map(database::record);
    }

    /** How many non-template VMs are named {@code name}. */
    public synchronized int vmCount(String name) {
        return vms(name).size();
    }

    /** The records of the VIFs of VM {@code name}, in creation order, each with {@code network_name} added. */
    public synchronized List<Map<String, Object>> vifs(String name) {
        return vms(name).stream().flatMap(vm -> database.all("VIF", vif -> vif.fields().get("VM").equals(vm.ref())).stream()).map(vif -> {
            Map<String, Object> record = database.record(vif);
            record.put("network_name", database.get("network", vif.fields().get("network")).string("name_label"));
            return record;
        }).toList();
    }

    /** The records of every object of {@code xapiClass}. */
    public synchronized List<Map<String, Object>> records(String xapiClass) {
        return database.all(xapiClass).stream().map(database::record).toList();
    }

    private List<XapiObject> vms(String name) {
        return database.all("VM", vm -> vm.fields().get("name_label").equals(name) && vm.fields().get("is_a_template").equals(false));
    }

    // ---- wire ----

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST") || !exchange.getRequestURI().getPath().equals("/")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            byte[] reply;
            try {
                reply = XmlRpcCodec.response(serve(XmlRpcCodec.parseCall(body)));
            }
            catch (IllegalArgumentException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    private synchronized Map<String, Object> serve(XmlRpcCodec.MethodCall call) {
        calls.add(call.method());
        Map<String, Object> reply = new LinkedHashMap<>();
        try {
            Object value = dispatch(call.method(), call.parameters());
            String racer = racesAfter.remove(call.method());
            if (racer != null) {
                vms(racer).forEach(vm -> {
                    vm.set("power_state", "Running");
                    vm.set("resident_on", host.ref());
                });
            }
            reply.put("Status", "Success");
            reply.put("Value", value == null ? "" : value);
        }
        catch (XapiError e) {
            reply.put("Status", "Failure");
            reply.put("ErrorDescription", e.description());
        }
        catch (XapiMethods.Hang e) {
            reply.put("Status", "Failure");
            reply.put("ErrorDescription", List.of("INTERNAL_ERROR", e.getMessage() + " (the test server does not block synchronous calls)"));
        }
        return reply;
    }

    private Object dispatch(String method, List<Object> parameters) {
        Registered registered = methods.get(method);
        if (registered == null) {
            registered = generic(method).orElseThrow(() -> new XapiError("MESSAGE_METHOD_UNKNOWN", method));
        }
        if (parameters.size() < registered.minArity() || parameters.size() > registered.maxArity()) {
            throw new XapiError("MESSAGE_PARAMETER_COUNT_MISMATCH", method, Integer.toString(registered.maxArity()),
                    Integer.toString(parameters.size()));
        }
        if (!registered.session()) {
            return registered.handler().call(parameters);
        }
        if (!(parameters.get(0) instanceof String session) || !sessions.containsKey(session)) {
            throw new XapiError("SESSION_INVALID", String.valueOf(parameters.get(0)));
        }
        return registered.handler().call(parameters.subList(1, parameters.size()));
    }

    /** The getters every class has: {@code get_record}, {@code get_by_uuid}, {@code get_all(_records)}, {@code get_by_name_label}, {@code get_<field>}. */
    private Optional<Registered> generic(String method) {
        int dot = method.indexOf('.');
        Map<String, Character> fields = dot < 0 ? null : XapiSchema.FIELDS.get(method.substring(0, dot));
        if (fields == null) {
            return Optional.empty();
        }
        String xapiClass = method.substring(0, dot);
        String operation = method.substring(dot + 1);
        XapiMethods.Handler handler = switch (operation) {
            case "get_record" -> arguments -> database.record(database.get(xapiClass, arguments.get(0)));
            case "get_by_uuid" -> arguments -> database.byUuid(xapiClass, arguments.get(0)).ref();
            case "get_all" -> arguments -> database.refs(database.all(xapiClass));
            case "get_all_records" -> arguments -> {
                Map<String, Object> records = new LinkedHashMap<>();
                database.all(xapiClass).forEach(object -> records.put(object.ref(), database.record(object)));
                return records;
            };
            case "get_by_name_label" -> fields.containsKey("name_label")
                    ? arguments -> database.refs(database.all(xapiClass, object -> object.fields().get("name_label").equals(arguments.get(0))))
                    : null;
            default -> operation.startsWith("get_") && fields.containsKey(operation.substring(4))
                    ? arguments -> database.record(database.get(xapiClass, arguments.get(0))).get(operation.substring(4))
                    : null;
        };
        int arity = operation.startsWith("get_all") ? 1 : 2;
        return Optional.ofNullable(handler).map(found -> new Registered(arity, arity, true, found));
    }

    private XapiMethods registry() {
        return new XapiMethods() {
            @Override
            public void method(String name, int arity, Handler handler) {
                methods.put(name, new Registered(arity, arity, true, handler));
            }

            @Override
            public void withAsync(String name, int arity, Handler handler) {
                method(name, arity, handler);
                method("Async." + name, arity, arguments -> runAsTask("Async." + name, arguments, handler));
            }
        };
    }

    private String runAsTask(String name, List<Object> arguments, XapiMethods.Handler handler) {
        XapiObject task = database.add("task", Map.of("name_label", name, "status", "pending", "created", Instant.now(),
                "resident_on", host.ref()));
        try {
            Object result = handler.call(arguments);
            task.set("result", result instanceof String ref && ref.startsWith("OpaqueRef:") ? "<value>" + ref + "</value>" : "");
            finish(task, "success");
        }
        catch (XapiError e) {
            task.set("error_info", new ArrayList<Object>(e.description()));
            finish(task, "failure");
        }
        catch (XapiMethods.Hang e) {
            // stays pending: the operation never completes on its own
        }
        return task.ref();
    }

    private static void finish(XapiObject task, String status) {
        task.set("status", status);
        task.set("progress", 1.0);
        task.set("finished", Instant.now());
    }

    private void registerSessionAndTasks(XapiMethods registry) {
        methods.put("session.login_with_password", new Registered(2, 4, false, arguments -> {
            if (!USER.equals(arguments.get(0)) || !PASSWORD.equals(arguments.get(1))) {
                throw new XapiError("SESSION_AUTHENTICATION_FAILED", String.valueOf(arguments.get(0)), "Authentication failure");
            }
            String session = "OpaqueRef:" + UUID.randomUUID();
            sessions.put(session, USER);
            return session;
        }));
        methods.put("session.logout", new Registered(1, 1, false, arguments -> {
            if (sessions.remove(String.valueOf(arguments.get(0))) == null) {
                throw new XapiError("SESSION_INVALID", String.valueOf(arguments.get(0)));
            }
            return null;
        }));
        registry.method("session.get_this_host", 2, arguments -> {
            if (!sessions.containsKey(String.valueOf(arguments.get(0)))) {
                throw XapiError.handleInvalid("session", String.valueOf(arguments.get(0)));
            }
            return host.ref();
        });
        registry.method("task.cancel", 2, arguments -> {
            XapiObject task = database.get("task", arguments.get(0));
            if (task.string("status").equals("pending")) {
                finish(task, "cancelled");
            }
            return null;
        });
        registry.method("task.destroy", 2, arguments -> {
            database.remove(database.get("task", arguments.get(0)));
            return null;
        });
    }

    @Override
    public void close() {
        http.stop(0);
    }

    @Override
    public synchronized String toString() {
        return "XapiTestServer[" + url() + ", " + database.census() + "]";
    }
}
