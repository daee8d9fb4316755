package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vrouter.router.host.ForwardingHost;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * A host that records every program before handing it to another host, and can pretend a program is
 * not installed (it then fails to start, as on a machine without it).
 */
final class RecordingHost extends ForwardingHost {
    private final List<ProgramCall> calls = new ArrayList<>();
    private final Set<String> missing = new HashSet<>();

    RecordingHost(Host delegate) {
        super(requireNonNull(delegate, "delegate is null"));
    }

    RecordingHost without(String program) {
        missing.add(program);
        return this;
    }

    synchronized List<ProgramCall> calls() {
        return List.copyOf(calls);
    }

    /** The programs run, by name ({@code ip}, {@code arping}). */
    synchronized List<String> programs() {
        return calls.stream().map(call -> call.argv().get(0)).toList();
    }

    synchronized void clear() {
        calls.clear();
    }

    @Override
    public synchronized ProgramResult run(ProgramCall call) throws IOException {
        calls.add(call);
        if (missing.contains(call.argv().get(0))) {
            throw new IOException("Cannot run program \"" + call.argv().get(0) + "\": error=2, No such file or directory");
        }
        return delegate().run(call);
    }
}
