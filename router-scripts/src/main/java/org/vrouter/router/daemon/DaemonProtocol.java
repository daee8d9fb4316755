package org.vrouter.router.daemon;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vrouter.router.pipeline.EntryOutcome;

/**
 * The wire of {@code vrouterd}, one exchange per connection: the client sends one request line (UTF-8,
 * ended by LF, at most {@link DaemonRequest#MAX_LINE_BYTES} bytes; see {@link DaemonRequest}); the daemon
 * answers
 * <pre>
 * status N LF
 * stderr text: zero or more lines, each ended by LF
 * </pre>
 * and closes the connection. {@code N} is the exit status the one-shot {@code vrouter} command would
 * have returned (0, 1, 2, 64), and the text what it would have printed on stderr. A client that gets no
 * status line (no daemon, or one that died mid-request) runs the request one-shot itself: every request
 * is safe to run again.
 */
public final class DaemonProtocol {
    /** The first word of a reply. */
    public static final String STATUS = "status";

    private static final Pattern STATUS_LINE = Pattern.compile("status (\\d{1,3})");

    private DaemonProtocol() {}

    /** The bytes of a reply. */
    public static byte[] reply(EntryOutcome outcome) {
        String text = STATUS + " " + outcome.exitCode() + "\n" + outcome.stderrText();
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a reply.
     *
     * @throws IOException when it does not start with a status line (the daemon died before answering)
     */
    public static EntryOutcome parseReply(byte[] reply) throws IOException {
        String text = new String(reply, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        Matcher status = STATUS_LINE.matcher(end < 0 ? text : text.substring(0, end));
        if (end < 0 || !status.matches()) {
            throw new IOException("no status line in the reply of vrouterd (" + reply.length + " bytes)");
        }
        List<String> lines = new ArrayList<>();
        String rest = text.substring(end + 1);
        if (!rest.isEmpty()) {
            lines.addAll(List.of((rest.endsWith("\n") ? rest.substring(0, rest.length() - 1) : rest).split("\n", -1)));
        }
        return new EntryOutcome(Integer.parseInt(status.group(1)), lines);
    }

    /**
     * Reads the request line from a channel, without its LF; whatever follows the LF is ignored.
     *
     * @throws MalformedRequestException when the line is too long, is not UTF-8, or the client closed
     *     its side before the LF
     */
    static String readLine(ReadableByteChannel channel) throws IOException, MalformedRequestException {
        ByteBuffer buffer = ByteBuffer.allocate(DaemonRequest.MAX_LINE_BYTES);
        int end = -1;
        while (end < 0) {
            int from = buffer.position();
            if (!buffer.hasRemaining()) {
                throw new MalformedRequestException("request longer than " + DaemonRequest.MAX_LINE_BYTES + " bytes");
            }
            if (channel.read(buffer) < 0) {
                throw new MalformedRequestException("the request ended without a line end");
            }
            for (int i = from; i < buffer.position() && end < 0; i++) {
                if (buffer.get(i) == '\n') {
                    end = i;
                }
            }
        }
        buffer.position(0).limit(end);
        try {
            CharBuffer text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer);
            return text.toString();
        }
        catch (CharacterCodingException e) {
            throw new MalformedRequestException("the request is not UTF-8");
        }
    }
}
