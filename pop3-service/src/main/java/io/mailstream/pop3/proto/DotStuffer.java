package io.mailstream.pop3.proto;

/**
 * Byte-stuffs a message body for a multi-line response, chunk by chunk (RFC 1939 3): a line
 * beginning with "." gets a second ".". State carries across chunks, so the body can be streamed
 * in any split.
 *
 * <p>A line starts after any LF, not only after CRLF: clients that split on LF (python poplib,
 * most others) would otherwise read a stored bare-LF line "." as the end of the response. The
 * stored bytes are sent unchanged otherwise, so the octet count LIST reported stays exact.
 */
public final class DotStuffer {
    /** The terminating line of a multi-line response. */
    static final byte[] END = {'.', '\r', '\n'};
    private static final byte[] CRLF_END = {'\r', '\n', '.', '\r', '\n'};

    private boolean lineStart = true;
    private boolean empty = true;
    private byte last;
    private byte beforeLast;

    public byte[] stuff(byte[] chunk) {
        if (chunk.length == 0) {
            return chunk;
        }
        int dots = 0;
        boolean start = lineStart;
        for (byte b : chunk) {
            if (start && b == '.') {
                dots++;
            }
            start = b == '\n';
        }
        byte[] out = dots == 0 ? chunk : new byte[chunk.length + dots];
        if (dots > 0) {
            int j = 0;
            start = lineStart;
            for (byte b : chunk) {
                if (start && b == '.') {
                    out[j++] = '.';
                }
                out[j++] = b;
                start = b == '\n';
            }
        }
        lineStart = chunk[chunk.length - 1] == '\n';
        beforeLast = chunk.length > 1 ? chunk[chunk.length - 2] : last;
        last = chunk[chunk.length - 1];
        empty = false;
        return out;
    }

    /**
     * The end of the response: ".CRLF", preceded by a CRLF when the body did not end with one
     * (otherwise the terminator would join its last line).
     */
    public byte[] terminator() {
        return empty || (beforeLast == '\r' && last == '\n') ? END.clone() : CRLF_END.clone();
    }
}
