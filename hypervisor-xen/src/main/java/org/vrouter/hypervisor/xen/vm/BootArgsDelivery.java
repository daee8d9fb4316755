package org.vrouter.hypervisor.xen.vm;

import java.util.Map;

/**
 * How boot arguments reach a Xen router (hypervisors.md §5.1 step 4): appended to the VM's
 * PV-args with every space as {@code %} (the router's early boot turns them back; values never
 * contain spaces), and, for HVM guests, in xenstore as {@value #XENSTORE_KEY} with the spaces
 * kept. Pure; the line holds secrets (passwords, keys) and is never logged.
 */
public final class BootArgsDelivery {
    /** Where the router reads its boot arguments from xenstore. */
    public static final String XENSTORE_KEY = "vm-data/cloudstack/init";

    private BootArgsDelivery() {}

    /** {@code current} (the template's PV-args) followed by {@code bootArgsLine} with {@code %} for spaces. */
    public static String pvArgs(String current, String bootArgsLine) {
        return (current == null ? "" : current) + bootArgsLine.replace(' ', '%');
    }

    /** The {@code xenstore_data} a router gets: its boot-argument line under {@value #XENSTORE_KEY}. */
    public static Map<String, String> xenstoreData(String bootArgsLine) {
        return Map.of(XENSTORE_KEY, bootArgsLine);
    }
}
