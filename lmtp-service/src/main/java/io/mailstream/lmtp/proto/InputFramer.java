package io.mailstream.lmtp.proto;

import java.util.Arrays;

/**
 * Cuts the inbound byte stream into command lines and message content. Pure, resumable and
 * pull-based: the connection feeds whatever the network delivers, then takes events one at a
 * time with {@link #next()}. After a command that is followed by content (DATA answered 354,
 * any syntactically valid BDAT) the session switches the mode with {@link #expectData()} or
 * {@link #expectChunk(long)} before taking the next event, so a whole pipelined transaction
 * arriving in one packet is framed exactly as if it came line by line.
 *
 * <p>Memory is bounded: a command line longer than the limit is skipped up to its LF and
 * reported as {@link LineTooLong}; content is handed out as it arrives, never collected here.
 * Command lines end with LF; a CR before it is removed (RFC 5321 2.3.8 asks for CRLF; a bare LF
 * is accepted on command lines only, where it cannot change where a message ends).
 */
public final class InputFramer {

    /** What the framer found. */
    public sealed interface Event {
    }

    /** A command line without its line ending. */
    public record Line(byte[] bytes) implements Event {
    }

    /** A command line longer than the limit was skipped; {@code length} counts its octets. */
    public record LineTooLong(long length) implements Event {
    }

    /** A piece of message content: dot-unstuffed for DATA, raw for BDAT. */
    public record Content(byte[] bytes) implements Event {
    }

    /** The end of the DATA content (the end marker was consumed) or of a BDAT chunk. */
    public record ContentEnd() implements Event {
    }

    private enum Mode { LINE, SKIP_LINE, DATA, CHUNK }

    private static final ContentEnd CONTENT_END = new ContentEnd();

    private final int maxLine;
    private byte[] in = new byte[8192];
    private int start;
    private int end;
    private int scanned;
    private Mode mode = Mode.LINE;
    private long skipped;
    private long chunkRemaining;
    private DotUnstuffer unstuffer;
    private boolean endPending;

    /** @param maxLine longest command line in octets, line ending included */
    public InputFramer(int maxLine) {
        if (maxLine < 512) {
            // RFC 5321 4.5.3.1.4: at least 512 octets including CRLF.
            throw new IllegalArgumentException("line limit below RFC 5321 minimum of 512: " + maxLine);
        }
        this.maxLine = maxLine;
    }

    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    public void feed(byte[] data, int off, int len) {
        if (start == end) {
            start = end = scanned = 0;
        }
        if (end + len > in.length) {
            System.arraycopy(in, start, in, 0, end - start);
            end -= start;
            scanned -= start;
            start = 0;
            if (end + len > in.length) {
                in = Arrays.copyOf(in, Math.max(in.length * 2, end + len));
            }
        }
        System.arraycopy(data, off, in, end, len);
        end += len;
    }

    /** The next event, or null when more input is needed. */
    public Event next() {
        switch (mode) {
            case DATA:
                return nextData();
            case CHUNK:
                return nextChunk();
            case SKIP_LINE:
                return skipLine();
            default:
                return nextLine();
        }
    }

    /** The next octets are DATA content, up to and including the end marker (after a 354). */
    public void expectData() {
        mode = Mode.DATA;
        unstuffer = new DotUnstuffer();
        endPending = false;
    }

    /** The next {@code size} octets are a BDAT chunk (RFC 3030 2). */
    public void expectChunk(long size) {
        mode = Mode.CHUNK;
        chunkRemaining = size;
    }

    /** Drops everything received but not yet framed (RFC 3207 4.2: plaintext sent before TLS). */
    public void discardBuffered() {
        start = end = scanned = 0;
        mode = Mode.LINE;
    }

    /** Octets received and not yet handed out. */
    public int buffered() {
        return end - start;
    }

    /** True while content (DATA or BDAT) is being framed. */
    public boolean inContent() {
        return mode == Mode.DATA || mode == Mode.CHUNK;
    }

    private Event nextLine() {
        for (int i = scanned; i < end; i++) {
            if (in[i] == '\n') {
                int length = i + 1 - start;
                int n = i > start && in[i - 1] == '\r' ? i - 1 - start : i - start;
                byte[] line = Arrays.copyOfRange(in, start, start + n);
                start = scanned = i + 1;
                return length > maxLine ? new LineTooLong(length) : new Line(line);
            }
        }
        scanned = end;
        if (end - start >= maxLine) {
            // Even its LF would not fit: stop buffering, count what follows.
            skipped = end - start;
            start = end = scanned = 0;
            mode = Mode.SKIP_LINE;
        }
        return null;
    }

    private Event skipLine() {
        for (int i = start; i < end; i++) {
            if (in[i] == '\n') {
                long length = skipped + (i + 1 - start);
                start = scanned = i + 1;
                mode = Mode.LINE;
                return new LineTooLong(length);
            }
        }
        skipped += end - start;
        start = end = scanned = 0;
        return null;
    }

    private Event nextData() {
        if (endPending) {
            endPending = false;
            mode = Mode.LINE;
            return CONTENT_END;
        }
        if (start == end) {
            return null;
        }
        byte[] out = new byte[end - start + 1];
        int consumed = unstuffer.decode(in, start, end - start, out);
        int produced = unstuffer.produced();
        start += consumed;
        scanned = start;
        if (unstuffer.finished()) {
            unstuffer = null;
            if (produced == 0) {
                mode = Mode.LINE;
                return CONTENT_END;
            }
            endPending = true;
        } else if (produced == 0) {
            return null; // only a held-back dot or CR so far
        }
        return new Content(Arrays.copyOf(out, produced));
    }

    private Event nextChunk() {
        if (chunkRemaining == 0) {
            mode = Mode.LINE;
            return CONTENT_END;
        }
        if (start == end) {
            return null;
        }
        int n = (int) Math.min(chunkRemaining, end - start);
        byte[] piece = Arrays.copyOfRange(in, start, start + n);
        start += n;
        scanned = start;
        chunkRemaining -= n;
        return new Content(piece);
    }
}
