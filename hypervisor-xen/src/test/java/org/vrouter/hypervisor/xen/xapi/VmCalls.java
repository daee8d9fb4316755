package org.vrouter.hypervisor.xen.xapi;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.vrouter.hypervisor.xen.xapi.XapiDatabase.XapiObject;

/**
 * The VM calls of the XenAPI test server: {@code VM.create} from a full record, {@code VM.destroy}
 * (with the VM's VBDs and VIFs, never its VDIs), the PV-args and xenstore setters, and the power
 * transitions {@code VM.start}, {@code VM.start_on}, {@code VM.clean_shutdown},
 * {@code VM.hard_shutdown} (each also as {@code Async.}), checked as xapi checks them:
 * <ul>
 *   <li>start: not a template ({@code VM_IS_TEMPLATE}), Halted; then Running (Paused when asked),
 *       resident on the host, its VIFs and VBDs attached;</li>
 *   <li>clean shutdown: Running; hard shutdown: Running, Paused or Suspended; then Halted. The VM
 *       stays (xapi applies {@code actions_after_shutdown} to shutdowns the guest starts itself);</li>
 *   <li>destroy: Halted;</li>
 *   <li>any other state is {@code VM_BAD_POWER_STATE [vm, expected, actual]} in lower case.</li>
 * </ul>
 * A create checks every field's wire type, the affinity reference and the memory and vCPU limits
 * ({@code MEMORY_CONSTRAINT_VIOLATION}, {@code INVALID_VALUE}).
 */
final class VmCalls {
    private final XapiDatabase database;
    private final XapiObject host;
    private final Map<String, Set<String>> hangs = new HashMap<>();
    private int nextDomid = 1;

    VmCalls(XapiDatabase database, XapiObject host, XapiMethods methods) {
        this.database = database;
        this.host = host;
        methods.method("VM.create", 2, arguments -> create(arguments.get(0)));
        methods.method("VM.destroy", 2, arguments -> destroy(vm(arguments.get(0))));
        methods.method("VM.set_PV_args", 3, arguments -> set(vm(arguments.get(0)), "PV_args", arguments.get(1)));
        methods.method("VM.set_xenstore_data", 3, arguments -> set(vm(arguments.get(0)), "xenstore_data", stringMap("value", arguments.get(1))));
        methods.withAsync("VM.start", 4, arguments -> start(vm(arguments.get(0)), host, flag("start_paused", arguments.get(1)),
                flag("force", arguments.get(2))));
        methods.withAsync("VM.start_on", 5, arguments -> start(vm(arguments.get(0)), database.get("host", arguments.get(1)),
                flag("start_paused", arguments.get(2)), flag("force", arguments.get(3))));
        methods.withAsync("VM.clean_shutdown", 2, arguments -> shutDown(vm(arguments.get(0)), true));
        methods.withAsync("VM.hard_shutdown", 2, arguments -> shutDown(vm(arguments.get(0)), false));
    }

    /** Makes {@code operation} ({@code start}, {@code clean_shutdown}) of VMs named {@code name} never finish. */
    void hang(String name, String operation) {
        hangs.computeIfAbsent(name, key -> new HashSet<>()).add(operation);
    }

    private XapiObject vm(Object ref) {
        return database.get("VM", ref);
    }

    private String create(Object record) {
        Map<String, Object> values = XapiDatabase.createFields("VM", record);
        database.getOrNull("host", values.getOrDefault("affinity", XapiSchema.NULL_REF));
        long staticMin = number(values, "memory_static_min");
        long dynamicMin = number(values, "memory_dynamic_min");
        long dynamicMax = number(values, "memory_dynamic_max");
        long staticMax = number(values, "memory_static_max");
        if (!(staticMin <= dynamicMin && dynamicMin <= dynamicMax && dynamicMax <= staticMax)) {
            throw new XapiError("MEMORY_CONSTRAINT_VIOLATION", "Memory limits must satisfy: static_min <= dynamic_min <= dynamic_max <= static_max");
        }
        long vcpus = number(values, "VCPUs_at_startup");
        if (vcpus < 1 || vcpus > number(values, "VCPUs_max")) {
            throw new XapiError("INVALID_VALUE", "VCPUs_at_startup", Long.toString(vcpus));
        }
        values.put("power_state", "Halted");
        values.put("domid", "-1");
        return database.add("VM", values).ref();
    }

    private Object destroy(XapiObject vm) {
        requireState(vm, "Halted");
        database.all("VBD", vbd -> vbd.fields().get("VM").equals(vm.ref())).forEach(database::remove);
        database.all("VIF", vif -> vif.fields().get("VM").equals(vm.ref())).forEach(database::remove);
        database.remove(vm);
        return null;
    }

    private Object start(XapiObject vm, XapiObject on, boolean paused, boolean force) {
        if (Boolean.TRUE.equals(vm.fields().get("is_a_template"))) {
            throw new XapiError("VM_IS_TEMPLATE", vm.ref());
        }
        requireState(vm, "Halted");
        if (hangs.getOrDefault(vm.string("name_label"), Set.of()).contains("start")) {
            throw new XapiMethods.Hang("VM.start of " + vm.string("name_label"));
        }
        vm.set("power_state", paused ? "Paused" : "Running");
        vm.set("resident_on", on.ref());
        vm.set("domid", Integer.toString(nextDomid++));
        attach(vm, true);
        return null;
    }

    private Object shutDown(XapiObject vm, boolean clean) {
        String state = vm.string("power_state");
        if (clean ? !state.equals("Running") : state.equals("Halted")) {
            throw badPowerState(vm, "Running");
        }
        if (clean && hangs.getOrDefault(vm.string("name_label"), Set.of()).contains("clean_shutdown")) {
            throw new XapiMethods.Hang("VM.clean_shutdown of " + vm.string("name_label"));
        }
        vm.set("power_state", "Halted");
        vm.set("resident_on", XapiSchema.NULL_REF);
        vm.set("domid", "-1");
        attach(vm, false);
        return null;
    }

    private void attach(XapiObject vm, boolean attached) {
        database.all("VIF", vif -> vif.fields().get("VM").equals(vm.ref())).forEach(vif -> vif.set("currently_attached", attached));
        database.all("VBD", vbd -> vbd.fields().get("VM").equals(vm.ref())).forEach(vbd -> vbd.set("currently_attached", attached));
    }

    private Object set(XapiObject vm, String field, Object value) {
        vm.set(field, value);
        return null;
    }

    private static void requireState(XapiObject vm, String expected) {
        if (!vm.string("power_state").equals(expected)) {
            throw badPowerState(vm, expected);
        }
    }

    private static XapiError badPowerState(XapiObject vm, String expected) {
        return new XapiError("VM_BAD_POWER_STATE", vm.ref(), expected.toLowerCase(Locale.ROOT), vm.string("power_state").toLowerCase(Locale.ROOT));
    }

    private static long number(Map<String, Object> values, String field) {
        Object value = values.get(field);
        if (value == null) {
            throw new XapiError("FIELD_TYPE_ERROR", field);
        }
        return Long.parseLong((String) value);
    }

    static boolean flag(String name, Object value) {
        if (!(value instanceof Boolean flag)) {
            throw XapiError.fieldTypeError(name);
        }
        return flag;
    }

    static Map<String, Object> stringMap(String name, Object value) {
        if (!(value instanceof Map<?, ?> map) || !map.values().stream().allMatch(String.class::isInstance)) {
            throw XapiError.fieldTypeError(name);
        }
        Map<String, Object> copy = new HashMap<>();
        map.forEach((key, entry) -> copy.put((String) key, entry));
        return copy;
    }
}
