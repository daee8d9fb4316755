package org.vrouter.router.host;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A test host: real files under a root directory, and programs answered by a script instead of
 * run. Every call is recorded. By default a program succeeds with no output.
 */
public final class ScriptedHost implements Host {
    private final Host files;
    private final List<ProgramCall> calls = new ArrayList<>();
    private Function<ProgramCall, ProgramResult> script = call -> ProgramResult.success(call.argv());

    public ScriptedHost(Path root) {
        this.files = LocalHost.at(root);
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

    @Override
    public Path resolve(String path) {
        return files.resolve(path);
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        return files.read(path);
    }

    /** The kernel's answer, as a local host gives it: only programs are scripted. */
    @Override
    public Optional<String> liveProcessCommand(String pidFile) throws IOException {
        return files.liveProcessCommand(pidFile);
    }

    @Override
    public void write(String path, byte[] content, FileMode mode) throws IOException {
        files.write(path, content, mode);
    }

    @Override
    public boolean delete(String path) throws IOException {
        return files.delete(path);
    }

    @Override
    public boolean exists(String path) throws IOException {
        return files.exists(path);
    }

    @Override
    public List<String> list(String directory) throws IOException {
        return files.list(directory);
    }

    @Override
    public void createDirectories(String path) throws IOException {
        files.createDirectories(path);
    }

    @Override
    public ProgramResult run(ProgramCall call) {
        calls.add(call);
        return script.apply(call);
    }
}
