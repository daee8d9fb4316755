package org.vrouter.hypervisor.kvm;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.vrouter.commands.to.VirtualMachineTO;
import org.vrouter.hypervisor.kvm.bootargs.BootArgsDelivery;

/** A boot-argument carrier that records what it was asked to deliver (the test driver has no guest agent). */
final class ObservingBootArgs implements BootArgsDelivery {
    private final Map<String, String> delivered = new ConcurrentHashMap<>();
    private final List<String> released = new CopyOnWriteArrayList<>();
    private volatile String failure;

    @Override
    public void deliver(VirtualMachineTO vm) throws IOException {
        if (failure != null) {
            throw new IOException(failure);
        }
        delivered.put(vm.name(), vm.bootArgsLine());
    }

    @Override
    public void release(String vmName) {
        released.add(vmName);
    }

    /** The boot-argument line last delivered to {@code vmName}, or null. */
    String deliveredTo(String vmName) {
        return delivered.get(vmName);
    }

    List<String> released() {
        return List.copyOf(released);
    }

    void failWith(String message) {
        this.failure = message;
    }
}
