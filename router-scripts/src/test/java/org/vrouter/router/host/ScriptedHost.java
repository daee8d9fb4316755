package org.vrouter.router.host;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A test host: real files under a root directory, and programs answered by a script instead of
 * run. Every call is recorded. By default a program succeeds with no output.
 */
public final class ScriptedHost extends ForwardingHost {
    private final List<ProgramCall> calls = new ArrayList<>();
    private Function<ProgramCall, ProgramResult> script = call -> ProgramResult.success(call.argv());

    public ScriptedHost(Path root) {
        super(LocalHost.at(root));
    }

    /** Answers every later program with {@code answer}. */
    public ScriptedHost answering(Function<ProgramCall, ProgramResult> answer) {
        this.script = requireNonNull(answer, "answer is null");
        return this;
    }

    public List<ProgramCall> calls() {
        return List.copyOf(calls);
    }

    /** The recorded command lines, shell-quoted. */
    public List<String> commandLines() {
        return calls.stream().map(ProgramCall::commandLine).toList();
    }

    public void clearCalls() {
        calls.clear();
    }

    /** The kernel's answer, as a local host gives it: only programs are scripted. */

    @Override
    public ProgramResult run(ProgramCall call) {
        calls.add(call);
        return script.apply(call);
    }
}
