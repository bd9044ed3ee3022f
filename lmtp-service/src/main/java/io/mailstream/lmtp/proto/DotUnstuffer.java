package io.mailstream.lmtp.proto;

/**
 * Decodes the DATA content stream (RFC 5321 4.1.1.4, 4.5.2): removes the leading dot of every
 * line that starts with one and stops after the end marker {@code CRLF.CRLF}. Streaming and
 * resumable: input may be split anywhere, including inside the end marker.
 *
 * <p>Lines start only after CRLF. A bare LF does not start a line, so {@code LF.LF} neither ends
 * the data nor loses a dot: the strict reading that keeps a sender and this server agreeing on
 * where a message ends (the "SMTP smuggling" class of bugs comes from disagreeing).
 *
 * <p>The content keeps the CRLF that precedes the end marker: it ends the last line of the
 * message (RFC 5321 4.1.1.4).
 */
public final class DotUnstuffer {
    private static final int LINE_START = 0;
    private static final int MID_LINE = 1;
    private static final int AFTER_CR = 2;
    private static final int DOT = 3;
    private static final int DOT_CR = 4;
    private static final int DONE = 5;

    private int state = LINE_START;
    private int produced;

    /**
     * Decodes {@code in[off, off + len)} into {@code out} from index 0 and returns how many input
     * octets it consumed: all of them, or fewer when the end marker was reached (the rest belongs
     * to the next command). {@code out} must hold {@code len + 1} octets (a CR held back by the
     * previous call may come out together with this call's first octet).
     */
    public int decode(byte[] in, int off, int len, byte[] out) {
        int w = 0;
        int i = off;
        int end = off + len;
        while (i < end && state != DONE) {
            byte b = in[i++];
            switch (state) {
                case LINE_START:
                    if (b == '.') {
                        state = DOT; // dropped: either stuffing or the start of the end marker
                    } else {
                        out[w++] = b;
                        state = b == '\r' ? AFTER_CR : MID_LINE;
                    }
                    break;
                case DOT:
                    if (b == '\r') {
                        state = DOT_CR;
                    } else {
                        out[w++] = b;
                        state = MID_LINE;
                    }
                    break;
                case DOT_CR:
                    if (b == '\n') {
                        state = DONE;
                    } else {
                        // ".\r" then something else: a stuffed line beginning with CR.
                        out[w++] = '\r';
                        out[w++] = b;
                        state = b == '\r' ? AFTER_CR : MID_LINE;
                    }
                    break;
                case AFTER_CR:
                    out[w++] = b;
                    state = b == '\n' ? LINE_START : b == '\r' ? AFTER_CR : MID_LINE;
                    break;
                default:
                    out[w++] = b;
                    if (b == '\r') {
                        state = AFTER_CR;
                    }
                    break;
            }
        }
        produced = w;
        return i - off;
    }

    /** Octets written to {@code out} by the last {@link #decode} call. */
    public int produced() {
        return produced;
    }

    /** The end marker has been consumed. */
    public boolean finished() {
        return state == DONE;
    }
}
