package io.mailstream.pop3.proto;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits the bytes a client sends into command lines, with bounded memory. Pure and resumable:
 * feed it whatever the network delivers (a byte at a time, or many pipelined commands at once)
 * and it emits each complete line without its terminator.
 *
 * <p>RFC 1939 3: lines end with CRLF; a bare LF is accepted too (a trailing CR is stripped).
 * RFC 2449 4: commands may be up to 255 octets including CRLF; the limit here is configurable
 * and never below that. A longer line is discarded up to its LF and reported as
 * {@link Frame.TooLong}, so the connection can answer {@code -ERR} and carry on.
 */
public final class LineFramer {
    /** RFC 2449 4: the smallest command length a CAPA-capable server must accept. */
    public static final int MIN_LINE_LENGTH = 255;

    /** What the framer found. */
    public sealed interface Frame {
        /** A complete line, terminator removed. */
        record Line(byte[] bytes) implements Frame {
        }

        /** A line longer than the limit was dropped; {@code length} counts its octets. */
        record TooLong(long length) implements Frame {
        }
    }

    private final int maxLength;
    private byte[] buffer = new byte[128];
    private int size;
    private long discarding = -1;

    /** @param maxLength longest accepted line in octets, including CRLF */
    public LineFramer(int maxLength) {
        if (maxLength < MIN_LINE_LENGTH) {
            throw new IllegalArgumentException("line limit below RFC 2449 minimum of 255: " + maxLength);
        }
        this.maxLength = maxLength;
    }

    public void feed(byte[] data, Consumer<Frame> out) {
        feed(data, 0, data.length, out);
    }

    public void feed(byte[] data, int offset, int length, Consumer<Frame> out) {
        int end = offset + length;
        int start = offset;
        for (int i = offset; i < end; i++) {
            if (data[i] != '\n') {
                continue;
            }
            if (discarding >= 0) {
                out.accept(new Frame.TooLong(discarding + (i - start) + 1));
                discarding = -1;
            } else if (size + (i - start) + 1 > maxLength) {
                out.accept(new Frame.TooLong(size + (i - start) + 1L));
            } else {
                append(data, start, i - start);
                int n = size > 0 && buffer[size - 1] == '\r' ? size - 1 : size;
                out.accept(new Frame.Line(Arrays.copyOf(buffer, n)));
            }
            size = 0;
            start = i + 1;
        }
        int tail = end - start;
        if (tail == 0) {
            return;
        }
        if (discarding >= 0) {
            discarding += tail;
        } else if (size + tail >= maxLength) {
            // Even its LF would not fit any more: stop buffering, count what follows.
            discarding = size + (long) tail;
            size = 0;
        } else {
            append(data, start, tail);
        }
    }

    /** Octets held for an incomplete line. */
    public int buffered() {
        return size;
    }

    /** Drops any partial line, e.g. plaintext that followed STLS (RFC 2595 4). */
    public void reset() {
        size = 0;
        discarding = -1;
    }

    private void append(byte[] data, int from, int n) {
        if (size + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(maxLength, Math.max(buffer.length * 2, size + n)));
        }
        System.arraycopy(data, from, buffer, size, n);
        size += n;
    }
}
