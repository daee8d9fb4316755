package org.vrouter.core.testsupport.ssh;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.CommandFactory;

/**
 * The sink side of {@code scp -t [-d] <directory>}: one {@code C<mode> <length> <name>} record per
 * file, each step acknowledged with a 0 byte, errors reported with a 2 byte and a message line (as
 * OpenSSH's scp does). Files go to a {@link Receiver}: under a fake router's root directory
 * ({@link #underRoot}) or wherever a test keeps them ({@link #into}).
 */
public final class ScpSinkCommand extends ExecCommand {
    private static final Pattern HEADER = Pattern.compile("C([0-7]{4}) (\\d+) ([^/]+)");

    /** Where received files go. */
    @FunctionalInterface
    public interface Receiver {
        /** Whether {@code directory} (as the command line names it) exists; else scp's "No such file or directory". */
        default boolean accepts(String directory) {
            return true;
        }

        /** Keeps one received file. */
        void store(String directory, String name, byte[] contents) throws IOException;
    }

    private final String directory;
    private final Receiver receiver;

    private ScpSinkCommand(String commandLine, Receiver receiver) {
        List<String> words = CommandFactory.split(commandLine);
        this.directory = words.get(words.size() - 1);
        this.receiver = receiver;
    }

    /** A sink writing under {@code root}: {@code /var/cache/cloud/} is {@code <root>/var/cache/cloud/}, which must exist. */
    public static ScpSinkCommand underRoot(Path root, String commandLine) {
        return into(commandLine, new Receiver() {
            @Override
            public boolean accepts(String directory) {
                return Files.isDirectory(resolve(directory));
            }

            @Override
            public void store(String directory, String name, byte[] contents) throws IOException {
                Files.write(resolve(directory).resolve(name), contents);
            }

            private Path resolve(String directory) {
                return root.resolve(directory.replaceFirst("^/+", ""));
            }
        });
    }

    /** A sink handing each file to {@code receiver}. */
    public static ScpSinkCommand into(String commandLine, Receiver receiver) {
        return new ScpSinkCommand(commandLine, receiver);
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        Thread thread = new Thread(this::run, "fake-router-scp");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            if (!receiver.accepts(directory)) {
                fail("scp: " + directory + ": No such file or directory");
                return;
            }
            ack();
            for (String header = readLine(); header != null; header = readLine()) {
                Matcher matcher = HEADER.matcher(header);
                if (!matcher.matches()) {
                    fail("scp: protocol error: unexpected <" + header + ">");
                    return;
                }
                ack();
                byte[] contents = in.readNBytes(Integer.parseInt(matcher.group(2)));
                if (in.read() != 0) {
                    fail("scp: protocol error: no terminating 0 byte");
                    return;
                }
                receiver.store(directory, matcher.group(3), contents);
                ack();
            }
            exit.onExit(0);
        }
        catch (IOException e) {
            exit.onExit(1, e.toString());
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                return null;
            }
            line.write(c);
        }
        return line.toString(UTF_8);
    }

    private void ack() throws IOException {
        out.write(0);
        out.flush();
    }

    private void fail(String message) throws IOException {
        out.write(2);
        out.write((message + "\n").getBytes(UTF_8));
        out.flush();
        exit.onExit(1, message);
    }
}
