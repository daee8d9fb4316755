package org.vrouter.core.channel;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import com.jcraft.jsch.ChannelExec;

import org.vrouter.core.channel.RouterChannelException.Failure;

/**
 * The source side of the classic {@code scp} protocol, by hand, against the router's
 * {@code scp -t -d <directory>} sink — what CloudStack's SSH client speaks, and what any stock
 * router's OpenSSH answers:
 * <ol>
 *   <li>the sink sends a 0 byte when ready;
 *   <li>we send {@code C0600 <length> <name>\n}; the sink acknowledges with 0;
 *   <li>we send the bytes and a 0 byte; the sink acknowledges with 0 once the file is written;
 *   <li>we send EOF; the sink exits 0.
 * </ol>
 * A 1 or 2 instead of an acknowledgement is followed by a message line; both fail the upload.
 * Mode 0600 as CloudStack's client uses: the files may hold passwords.
 *
 * <p>Reads poll with the deadline, so a silent sink cannot hold the caller past it.
 */
final class ScpUpload {
    private static final int CHUNK = 32 * 1024;

    private final ChannelExec channel;
    private final InputStream fromSink;
    private final OutputStream toSink;
    private final Deadline deadline;
    private final String what;

    /**
     * @param channel a connected exec channel running {@code scp -t -d <directory>}
     * @param what how messages name the transfer ({@code router r-1 (ip): /var/cache/cloud/x})
     */
    ScpUpload(ChannelExec channel, InputStream fromSink, OutputStream toSink, Deadline deadline, String what) {
        this.channel = channel;
        this.fromSink = fromSink;
        this.toSink = toSink;
        this.deadline = deadline;
        this.what = what;
    }

    /** The remote command line that starts the sink. */
    static String sinkCommand(String directory) {
        return "scp -t -d " + directory;
    }

    void send(String name, byte[] contents) throws IOException, InterruptedException {
        expectAck("sink start");
        toSink.write(("C0600 " + contents.length + " " + name + "\n").getBytes(UTF_8));
        toSink.flush();
        expectAck("file header");
        for (int offset = 0; offset < contents.length; offset += CHUNK) {
            if (deadline.expired()) {
                throw timeout();
            }
            toSink.write(contents, offset, Math.min(CHUNK, contents.length - offset));
        }
        toSink.write(0);
        toSink.flush();
        expectAck("file contents");
        toSink.close();
    }

    private void expectAck(String step) throws IOException, InterruptedException {
        int code = readByte(step);
        if (code == 0) {
            return;
        }
        if (code == 1 || code == 2) {
            StringBuilder message = new StringBuilder();
            for (int c = readByte(step); c != '\n' && c != -1 && message.length() < 1024; c = readByte(step)) {
                message.append((char) c);
            }
            throw new RouterChannelException(Failure.PROTOCOL, what + ": scp refused the " + step + ": " + message.toString().strip());
        }
        if (code == -1) {
            throw new RouterChannelException(Failure.PROTOCOL, what + ": scp sink closed before the " + step
                    + " was acknowledged (exit " + channel.getExitStatus() + "; is scp installed on the router?)");
        }
        throw new RouterChannelException(Failure.PROTOCOL, what + ": unexpected scp reply " + code + " to the " + step);
    }

    /** One byte from the sink, or -1 at its end; polls so the deadline holds. */
    private int readByte(String step) throws IOException, InterruptedException {
        for (int round = 0; ; round++) {
            if (fromSink.available() > 0) {
                return fromSink.read();
            }
            if (channel.isClosed()) {
                return fromSink.available() > 0 ? fromSink.read() : -1;
            }
            if (deadline.expired()) {
                throw timeout();
            }
            deadline.pause(round);
        }
    }

    private RouterChannelException timeout() {
        return new RouterChannelException(Failure.TIMEOUT, what + ": upload did not finish within " + deadline.describeBound());
    }
}
