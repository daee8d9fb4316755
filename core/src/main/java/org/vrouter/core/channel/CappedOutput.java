package org.vrouter.core.channel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects one output stream of a remote command up to a cap, so a runaway command cannot fill
 * the heap. Written by JSch's session thread and read by the caller after the channel closed:
 * every method is synchronized.
 */
final class CappedOutput extends OutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int cap;
    private long dropped;

    CappedOutput(int cap) {
        this.cap = cap;
    }

    @Override
    public synchronized void write(int b) {
        if (bytes.size() < cap) {
            bytes.write(b);
        }
        else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] data, int offset, int length) {
        int kept = Math.max(0, Math.min(length, cap - bytes.size()));
        bytes.write(data, offset, kept);
        dropped += length - kept;
    }

    /** The text written, as UTF-8, with a note at the end if anything was dropped. */
    synchronized String text() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        return dropped == 0 ? text : text + "\n[output truncated: " + dropped + " more bytes dropped]";
    }
}
