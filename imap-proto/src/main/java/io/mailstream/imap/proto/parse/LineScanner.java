package io.mailstream.imap.proto.parse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The current line: its octets (unless discarding), whether it ends inside a quoted string, and
 * its last octets, enough to recognise a literal marker {@code {n}}, {@code {n+}} or
 * {@code ~{n}} at its end (RFC 9051 4.3, RFC 7888).
 */
final class LineScanner {
    private static final int TAIL = 48;

    /** A literal marker ending a line; size -1 when it does not fit in 63 bits. */
    record Marker(long size, boolean nonSync, boolean literal8) {
    }

    /** When discarding, whether a marker at the end still announces a literal to skip. */
    boolean discarding;

    private byte[] buf = new byte[128];
    private int len;
    private long seen;
    private final byte[] tail = new byte[TAIL];
    private int tailLen;
    private int tailEnd;
    private boolean inQuote;
    private boolean escape;

    void append(byte b) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[len++] = b;
        track(b);
    }

    /** Notes an octet without storing it. */
    void track(byte b) {
        seen++;
        if (inQuote) {
            if (escape) {
                escape = false;
            } else if (b == '\\') {
                escape = true;
            } else if (b == '"') {
                inQuote = false;
            }
        } else if (b == '"') {
            inQuote = true;
        }
        // ring buffer of the last TAIL octets: tailEnd is where the next octet goes
        tail[tailEnd] = b;
        tailEnd = (tailEnd + 1) % TAIL;
        if (tailLen < TAIL) {
            tailLen++;
        }
    }

    /** The k-th last octet seen (0 = the last one); k < tailLen. */
    private byte back(int k) {
        return tail[Math.floorMod(tailEnd - 1 - k, TAIL)];
    }

    long length() {
        return seen;
    }

    byte[] octetsWithoutCr() {
        int n = len > 0 && buf[len - 1] == '\r' ? len - 1 : len;
        return Arrays.copyOf(buf, n);
    }

    /** The first token of the stored line (up to SP), for the tag of an error. */
    String firstToken() {
        int i = 0;
        while (i < len && buf[i] != ' ' && i < 64) {
            i++;
        }
        return i < len && buf[i] == ' ' ? new String(buf, 0, i, StandardCharsets.ISO_8859_1) : null;
    }

    /** The literal marker ending the line, or null. */
    Marker marker() {
        if (inQuote) {
            return null;
        }
        int k = 0;
        if (k < tailLen && back(k) == '\r') {
            k++;
        }
        if (k >= tailLen || back(k) != '}') {
            return null;
        }
        k++;
        boolean nonSync = false;
        if (k < tailLen && back(k) == '+') {
            nonSync = true;
            k++;
        }
        int firstDigit = k;
        while (k < tailLen && back(k) >= '0' && back(k) <= '9') {
            k++;
        }
        int digits = k - firstDigit;
        if (digits == 0) {
            return null;
        }
        if (k >= tailLen) {
            // more digits than the tail holds: certainly too large (if it is a marker at all)
            return seen > tailLen ? new Marker(-1, nonSync, false) : null;
        }
        if (back(k) != '{') {
            return null;
        }
        boolean eight = k + 1 < tailLen && back(k + 1) == '~';
        if (digits > 19) {
            return new Marker(-1, nonSync, eight);
        }
        long size = 0;
        for (int d = k - 1; d >= firstDigit; d--) {
            size = size * 10 + (back(d) - '0');
            if (size < 0) {
                return new Marker(-1, nonSync, eight);
            }
        }
        return new Marker(size, nonSync, eight);
    }

    void reset() {
        if (buf.length > 64 * 1024) {
            buf = new byte[128];
        }
        len = 0;
        seen = 0;
        tailLen = 0;
        tailEnd = 0;
        inQuote = false;
        escape = false;
        discarding = false;
    }
}
