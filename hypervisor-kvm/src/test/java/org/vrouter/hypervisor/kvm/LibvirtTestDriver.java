package org.vrouter.hypervisor.kvm;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.vrouter.hypervisor.kvm.libvirt.LibvirtConnection;
import org.vrouter.hypervisor.kvm.libvirt.LibvirtOperationException;

/**
 * libvirt's test driver ({@code test:///default}) for one test: its state is shared by the whole
 * JVM, so every domain gets a unique name from {@link #name()} and {@link #close()} removes every
 * domain of those names that still exists. Skips (fails under CI) when libvirt0 is missing.
 */
public final class LibvirtTestDriver implements AutoCloseable {
    public static final String URI = "test:///default";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Integer.toString((int) (UUID.randomUUID().getLeastSignificantBits() & 0xffff), 36);

    private final LibvirtConnection connection;
    private final List<String> names = new ArrayList<>();

    private LibvirtTestDriver(LibvirtConnection connection) {
        this.connection = connection;
    }

    public static LibvirtTestDriver open() {
        try {
            return new LibvirtTestDriver(LibvirtConnection.open(URI));
        }
        catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            SystemTools.missing("libvirt's library cannot be loaded (Debian package libvirt0): " + e.getMessage());
            throw new IllegalStateException("unreachable");
        }
    }

    public LibvirtConnection connection() {
        return connection;
    }

    /** A domain name no other test of this JVM uses ({@code r-<n>-<run>}), removed again by {@link #close()}. */
    public synchronized String name() {
        String name = "r-" + COUNTER.incrementAndGet() + "-" + RUN;
        names.add(name);
        return name;
    }

    /** Removes domain {@code name} in {@link #close()} too (a name the test did not get from {@link #name()}). */
    public synchronized void track(String name) {
        names.add(name);
    }

    @Override
    public synchronized void close() {
        try {
            for (String name : names) {
                remove(name);
            }
        }
        finally {
            connection.close();
        }
    }

    private void remove(String name) {
        try {
            if (connection.state(name).map(state -> state.powerState() == org.vrouter.api.vm.PowerState.ON).orElse(false)) {
                connection.destroy(name);
            }
            if (connection.isPersistent(name)) {
                connection.undefine(name);
            }
        }
        catch (LibvirtOperationException e) {
            throw new IllegalStateException("could not clean up test domain " + name, e);
        }
    }
}
