package org.vrouter.hypervisor.xen.vm;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

import com.xensource.xenapi.VM;

import org.vrouter.hypervisor.xen.session.XenException;
import org.vrouter.hypervisor.xen.session.XenSession;

/**
 * Finds VMs and templates by name label ({@code VM.get_by_name_label} returns both; name labels
 * are not unique on a XenServer host).
 */
final class VmLookup {
    private final XenSession session;

    VmLookup(XenSession session) {
        this.session = requireNonNull(session, "session is null");
    }

    /** The VMs (not templates) named {@code name}, in the host's order; empty when there are none. */
    List<VM> vms(String name) throws XenException {
        return byName(name, false);
    }

    /**
     * The one template named {@code name}.
     *
     * @throws XenException when the host has no such template, or several
     */
    VM template(String name) throws XenException {
        List<VM> templates = byName(name, true);
        if (templates.isEmpty()) {
            throw new XenException("no template '" + name + "' on host " + session.hostAddress() + " to create the router from");
        }
        if (templates.size() > 1) {
            throw new XenException(templates.size() + " templates are named '" + name + "' on host " + session.hostAddress()
                    + "; the router template must be unique");
        }
        return templates.get(0);
    }

    private List<VM> byName(String name, boolean templates) throws XenException {
        List<VM> matching = new ArrayList<>();
        for (VM vm : session.call("VM.get_by_name_label", connection -> VM.getByNameLabel(connection, name))) {
            if (session.call("VM.get_is_a_template", vm::getIsATemplate) == templates) {
                matching.add(vm);
            }
        }
        return matching;
    }
}
