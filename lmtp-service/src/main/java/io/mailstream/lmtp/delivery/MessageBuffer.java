package io.mailstream.lmtp.delivery;

import java.util.Arrays;

/**
 * The content of one message as it arrives, held up to a limit (the advertised SIZE). Octets
 * beyond the limit are counted and dropped, never stored: the transaction then fails with 552
 * per recipient (RFC 1870 6.2) once the client has finished sending.
 */
public final class MessageBuffer {
    static final long MAX_PRESIZE = 4L * 1024 * 1024;

    private final long limit;
    private byte[] data;
    private int size;
    private long received;

    public MessageBuffer(long limit) {
        this(limit, -1);
    }

    /**
     * @param expected the size the client declared (RFC 1870 SIZE), or -1: presizes the buffer,
     *                 up to {@link #MAX_PRESIZE} (a declared size is a hint, not a promise)
     */
    public MessageBuffer(long limit, long expected) {
        this.limit = Math.min(limit, Integer.MAX_VALUE - 16);
        long initial = expected > 0 ? Math.min(expected + 1024, MAX_PRESIZE) : 16 * 1024;
        initial = Math.min(initial, this.limit);
        this.data = new byte[(int) Math.max(initial, 0)];
    }

    public void append(byte[] bytes) {
        received += bytes.length;
        if (received > limit) {
            data = null; // over the limit: free what was held, keep counting
            size = 0;
            return;
        }
        if (size + bytes.length > data.length) {
            long grown = Math.max(Math.max((long) data.length * 2, 1024), (long) size + bytes.length);
            data = Arrays.copyOf(data, (int) Math.min(grown, limit));
        }
        System.arraycopy(bytes, 0, data, size, bytes.length);
        size += bytes.length;
    }

    /** More octets arrived than the limit allows. */
    public boolean overflowed() {
        return received > limit;
    }

    /** Octets received, including any beyond the limit. */
    public long received() {
        return received;
    }

    public long limit() {
        return limit;
    }

    /** The message content (valid only when not overflowed): the first {@link #size()} octets. */
    public byte[] array() {
        return data;
    }

    public int size() {
        return size;
    }
}
