package org.vrouter.core.routing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.command.Answer;
import org.vrouter.commands.GroupAnswer;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.wire.ConfigItem;
import org.vrouter.commands.wire.FileConfigItem;
import org.vrouter.commands.wire.ScriptConfigItem;
import org.vrouter.core.channel.ExecutionResult;
import org.vrouter.core.channel.RouterChannel;
import org.vrouter.core.channel.RouterChannelFactory;
import org.vrouter.core.channel.RouterEndpoint;

/**
 * Runs config items on one router over one channel, in order, and stops at the first item that
 * fails: a file that did not arrive is never followed by the script that would read it, and the
 * answer is a failure carrying that item's output (CloudStack runs every item and reports only the
 * last one's result, so a failed copy followed by a successful script reads as success).
 *
 * <p>Answer shapes follow CloudStack's: no items, {@code "Nothing to do"}; one item, a plain
 * answer with its output; several, a {@link GroupAnswer} with one entry per item,
 * {@code "<item> - success: <output>"}, {@code "<item> - failed: <output>"} or
 * {@code "<item> - skipped: ..."} for those after a failure. {@code <item>} is the file's path or
 * the script's command line where CloudStack writes {@code null}.
 *
 * <p>Logs names, sizes and statuses only: file contents and script output may hold secrets.
 */
final class ConfigItemRunner {
    private static final Logger log = LoggerFactory.getLogger(ConfigItemRunner.class);
    static final String NOTHING_TO_DO = "Nothing to do";
    static final String SKIPPED = "skipped: not run because an earlier item failed";

    private final RouterChannelFactory channels;

    ConfigItemRunner(RouterChannelFactory channels) {
        this.channels = requireNonNull(channels, "channels is null");
    }

    /** Applies a configuration command's items; see the class comment for the answer. */
    Answer apply(RouterEndpoint router, NetworkElementCommand command, List<ConfigItem> items, Duration timeout) {
        if (items.isEmpty()) {
            return Answer.success(NOTHING_TO_DO);
        }
        List<Step> steps = new ArrayList<>(items.size());
        try (RouterChannel channel = channels.open(router)) {
            for (ConfigItem item : items) {
                Step step = run(channel, item, timeout);
                steps.add(step);
                if (!step.success()) {
                    log.warn("router {}: {} failed at item {} of {}: {}", router, command.getClass().getSimpleName(),
                            steps.size(), items.size(), describe(item));
                    break;
                }
            }
        }
        if (items.size() == 1) {
            return steps.get(0).success() ? Answer.success(steps.get(0).details()) : Answer.failure(steps.get(0).details());
        }
        List<String> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String item = describe(items.get(i));
            results.add(i < steps.size()
                    ? item + " - " + (steps.get(i).success() ? "success: " : "failed: ") + steps.get(i).details()
                    : item + " - " + SKIPPED);
        }
        boolean success = steps.size() == items.size() && steps.stream().allMatch(Step::success);
        return GroupAnswer.of(success, results);
    }

    /**
     * Runs a query's scripts in order and answers from the last one's standard output, or with the
     * query's typed failure at the first script that fails.
     */
    Answer query(RouterEndpoint router, NetworkElementCommand query, List<ConfigItem> items, Duration timeout) {
        String stdout = "";
        try (RouterChannel channel = channels.open(router)) {
            for (ConfigItem item : items) {
                if (!(item instanceof ScriptConfigItem script)) {
                    return QueryAnswers.failure(query, "a query runs scripts only, not " + describe(item));
                }
                ExecutionResult result = channel.execute(script.commandLine(), timeout);
                if (!result.succeeded()) {
                    log.warn("router {}: query {} failed: {} exited {}", router, query.getClass().getSimpleName(), script.script(), result.exitStatus());
                    return QueryAnswers.failure(query, failureDetails(result));
                }
                stdout = result.stdout();
            }
        }
        catch (IOException e) {
            log.warn("router {}: query {} failed: {}", router, query.getClass().getSimpleName(), e.getMessage());
            return QueryAnswers.failure(query, messageOf(e));
        }
        return QueryAnswers.fromOutput(query, stdout);
    }

    /**
     * Writes a batch file into the cache directory and runs {@code vr_cfg.sh -c} on it, both within
     * {@code timeout} each. The answer carries the failing step's output, or {@code success}.
     */
    Answer applyBatch(RouterEndpoint router, String fileName, String contents, Duration timeout, String success) {
        byte[] bytes = contents.getBytes(UTF_8);
        try (RouterChannel channel = channels.open(router)) {
            channel.upload(FileConfigItem.CACHE_DIRECTORY, fileName, bytes, timeout);
            ScriptConfigItem script = ScriptConfigItem.of(ScriptConfigItem.VR_CFG, "-c", FileConfigItem.CACHE_DIRECTORY + fileName);
            ExecutionResult result = channel.execute(script.commandLine(), timeout);
            if (!result.succeeded()) {
                log.warn("router {}: batch {} ({} bytes) failed: {} exited {}", router, fileName, bytes.length, script.script(), result.exitStatus());
                return Answer.failure(failureDetails(result));
            }
            log.debug("router {}: batch {} ({} bytes) applied", router, fileName, bytes.length);
            return Answer.success(success);
        }
        catch (IOException e) {
            log.warn("router {}: batch {} ({} bytes) failed: {}", router, fileName, bytes.length, e.getMessage());
            return Answer.failure(messageOf(e));
        }
    }

    private static Step run(RouterChannel channel, ConfigItem item, Duration timeout) {
        try {
            if (item instanceof FileConfigItem file) {
                byte[] bytes = file.contents().getBytes(UTF_8);
                channel.upload(file.directory(), file.name(), bytes, timeout);
                return new Step(true, "wrote " + bytes.length + " bytes");
            }
            ScriptConfigItem script = (ScriptConfigItem) item;
            ExecutionResult result = channel.execute(script.commandLine(), timeout);
            return result.succeeded() ? new Step(true, result.combinedOutput()) : new Step(false, failureDetails(result));
        }
        catch (IOException e) {
            return new Step(false, messageOf(e));
        }
    }

    /** {@code exit <status>: <output>}, so a failure without output still says something. */
    static String failureDetails(ExecutionResult result) {
        String output = result.combinedOutput().strip();
        return "exit " + result.exitStatus() + (output.isEmpty() ? "" : ": " + output);
    }

    private static String messageOf(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String describe(ConfigItem item) {
        return item instanceof FileConfigItem file ? file.path() : ((ScriptConfigItem) item).commandLine();
    }

    private record Step(boolean success, String details) {
    }
}
