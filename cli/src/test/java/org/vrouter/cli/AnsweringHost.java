package org.vrouter.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * A test machine: files and the program log of another host (a dry run), but each program answered by a
 * function, so a test can make {@code haproxy -c} refuse or {@code iptables-save} print a ruleset.
 */
final class AnsweringHost implements Host {
    private final Host delegate;
    private final Function<ProgramCall, ProgramResult> answers;

    AnsweringHost(Host delegate, Function<ProgramCall, ProgramResult> answers) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.answers = requireNonNull(answers, "answers is null");
    }

    @Override
    public Path resolve(String path) {
        return delegate.resolve(path);
    }

    @Override
    public Optional<byte[]> read(String path) throws IOException {
        return delegate.read(path);
    }

    @Override
    public void write(String path, byte[] content, FileMode mode) throws IOException {
        delegate.write(path, content, mode);
    }

    @Override
    public boolean delete(String path) throws IOException {
        return delegate.delete(path);
    }

    @Override
    public boolean exists(String path) throws IOException {
        return delegate.exists(path);
    }

    @Override
    public List<String> list(String directory) throws IOException {
        return delegate.list(directory);
    }

    @Override
    public void createDirectories(String path) throws IOException {
        delegate.createDirectories(path);
    }

    @Override
    public ProgramResult run(ProgramCall call) throws IOException {
        delegate.run(call);
        return answers.apply(call);
    }
}
