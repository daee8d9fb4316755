package org.vrouter.router.launcher;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.function.Function;

import org.vrouter.router.host.ForwardingHost;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * A test machine: files and the program log of another host (a dry run), but each program answered by a
 * function, so a test can make {@code haproxy -c} refuse or {@code iptables-save} print a ruleset.
 */
final class AnsweringHost extends ForwardingHost {
    private final Function<ProgramCall, ProgramResult> answers;

    AnsweringHost(Host delegate, Function<ProgramCall, ProgramResult> answers) {
        super(requireNonNull(delegate, "delegate is null"));
        this.answers = requireNonNull(answers, "answers is null");
    }

    @Override
    public ProgramResult run(ProgramCall call) throws IOException {
        delegate().run(call);
        return answers.apply(call);
    }
}
