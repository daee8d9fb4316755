package org.vrouter.cli.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.wire.CommandCodec;
import org.vrouter.commands.wire.ConfigBatch;
import org.vrouter.commands.wire.payload.LoadBalancerPayload;
import org.vrouter.router.launcher.Subcommand;

/**
 * {@code vrouter demo}: deploys the {@link SampleNetwork}'s configuration and reports each step,
 * the commands it sends, what travels on the wire and what the router renders from it.
 */
public final class DemoCommand implements Subcommand {
    private final CommandCodec codec;

    public DemoCommand(CommandCodec codec) {
        this.codec = codec;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "deploy a sample network's router and show commands, wire files and rendered configs";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        DemoOptions options = DemoOptions.parse(args);
        Path workDirectory = options.workDirectory().orElse(Files.createTempDirectory("vrouter-demo-"));
        DemoReport report = new DemoReport(out);
        report.header(options.backend(), workDirectory);

        List<NetworkElementCommand> sent = new ArrayList<>();
        List<DemoStep> steps = SampleNetwork.steps();
        for (int i = 0; i < steps.size(); i++) {
            DemoStep step = steps.get(i);
            report.step(i + 1, steps.size(), step.title());
            for (NetworkElementCommand command : step.commands()) {
                report.command(command, codec.configItems(command));
                sent.add(command);
            }
        }

        ConfigBatch batch = codec.batch(sent);
        Path batchFile = workDirectory.resolve(ConfigBatch.fileName(UUID.randomUUID()));
        Files.writeString(batchFile, batch.render(), StandardCharsets.UTF_8);
        report.batch(batch, batchFile);
        report.loadBalancerConfig(sent.stream()
                .flatMap(command -> codec.payloads(command).stream())
                .filter(LoadBalancerPayload.class::isInstance).map(LoadBalancerPayload.class::cast)
                .flatMap(payload -> payload.rules().stream())
                .flatMap(rule -> rule.configuration().stream())
                .toList());
        report.footer(workDirectory);
        return 0;
    }
}
