package org.vrouter.hypervisor.xen.xapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The objects of the XenAPI test server: each has a class, an opaque reference
 * ({@code OpaqueRef:<uuid>}, never reused) and its fields in wire form (int64 as strings,
 * references as strings). Lookups that miss raise the errors a real host raises:
 * {@code HANDLE_INVALID [class, ref]} for a reference, {@code UUID_INVALID [class, uuid]} for a uuid.
 * Derived fields (a VM's VIFs and VBDs, a network's VIFs and PIFs, a host's resident VMs and PIFs, a
 * VDI's VBDs) are computed when read. Not thread-safe: the server serializes calls.
 */
final class XapiDatabase {
    private final Map<String, XapiObject> objects = new LinkedHashMap<>();

    /** One object: class, reference and fields (mutable: setters and power transitions change them). */
    record XapiObject(String xapiClass, String ref, Map<String, Object> fields) {
        String string(String field) {
            return (String) fields.get(field);
        }

        void set(String field, Object value) {
            XapiSchema.requireType(xapiClass, field, value);
            fields.put(field, value);
        }
    }

    /** Adds an object of {@code xapiClass}: the class's defaults, then {@code values}; a fresh uuid unless given. */
    XapiObject add(String xapiClass, Map<String, Object> values) {
        Map<String, Object> fields = XapiSchema.defaults(xapiClass);
        fields.put("uuid", UUID.randomUUID().toString());
        values.forEach((field, value) -> {
            XapiSchema.requireType(xapiClass, field, value);
            fields.put(field, value);
        });
        XapiObject object = new XapiObject(xapiClass, "OpaqueRef:" + UUID.randomUUID(), fields);
        objects.put(object.ref(), object);
        return object;
    }

    /**
     * The object {@code ref} of {@code xapiClass}.
     *
     * @throws XapiError HANDLE_INVALID when there is none (deleted, never existed, or of another class)
     */
    XapiObject get(String xapiClass, Object ref) {
        XapiObject object = ref instanceof String key ? objects.get(key) : null;
        if (object == null || !object.xapiClass().equals(xapiClass)) {
            throw XapiError.handleInvalid(xapiClass, String.valueOf(ref));
        }
        return object;
    }

    /** As {@link #get}, allowing {@code OpaqueRef:NULL} (returned as null). */
    XapiObject getOrNull(String xapiClass, Object ref) {
        return XapiSchema.NULL_REF.equals(ref) ? null : get(xapiClass, ref);
    }

    /** @throws XapiError UUID_INVALID when no object of {@code xapiClass} has that uuid */
    XapiObject byUuid(String xapiClass, Object uuid) {
        return all(xapiClass, object -> object.fields().get("uuid").equals(uuid)).stream().findFirst()
                .orElseThrow(() -> new XapiError("UUID_INVALID", xapiClass, String.valueOf(uuid)));
    }

    List<XapiObject> all(String xapiClass, Predicate<XapiObject> filter) {
        return objects.values().stream().filter(object -> object.xapiClass().equals(xapiClass)).filter(filter).toList();
    }

    List<XapiObject> all(String xapiClass) {
        return all(xapiClass, object -> true);
    }

    List<String> refs(List<XapiObject> found) {
        return found.stream().map(XapiObject::ref).toList();
    }

    void remove(XapiObject object) {
        objects.remove(object.ref());
    }

    /** The object's record as {@code <class>.get_record} returns it, derived fields included. */
    Map<String, Object> record(XapiObject object) {
        Map<String, Object> record = new LinkedHashMap<>(object.fields());
        String ref = object.ref();
        switch (object.xapiClass()) {
            case "VM" -> {
                record.put("VIFs", refs(all("VIF", vif -> vif.fields().get("VM").equals(ref))));
                record.put("VBDs", refs(all("VBD", vbd -> vbd.fields().get("VM").equals(ref))));
            }
            case "network" -> {
                record.put("VIFs", refs(all("VIF", vif -> vif.fields().get("network").equals(ref))));
                record.put("PIFs", refs(all("PIF", pif -> pif.fields().get("network").equals(ref))));
            }
            case "host" -> {
                record.put("resident_VMs", refs(all("VM", vm -> vm.fields().get("resident_on").equals(ref))));
                record.put("PIFs", refs(all("PIF", pif -> pif.fields().get("host").equals(ref))));
            }
            case "VDI" -> record.put("VBDs", refs(all("VBD", vbd -> vbd.fields().get("VDI").equals(ref))));
            default -> {
                // no derived fields
            }
        }
        return record;
    }

    /** Objects of every class by count, for messages: {@code {VM=2, VIF=3}}. */
    Map<String, Integer> census() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        objects.values().forEach(object -> counts.merge(object.xapiClass(), 1, Integer::sum));
        return counts;
    }

    /** A copy of the fields of {@code create}'s record that {@code xapiClass.create} takes, type-checked. */
    static Map<String, Object> createFields(String xapiClass, Object create) {
        if (!(create instanceof Map<?, ?> record)) {
            throw XapiError.fieldTypeError("args");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : XapiSchema.CREATE_FIELDS.get(xapiClass)) {
            if (record.containsKey(field)) {
                XapiSchema.requireType(xapiClass, field, record.get(field));
                values.put(field, record.get(field));
            }
        }
        return values;
    }

    static List<Object> list(Object value) {
        return new ArrayList<>((List<?>) value);
    }
}
