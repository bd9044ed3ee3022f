package io.mailstream.pop3.proto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Formats responses as exact bytes. RFC 1939 3: "+OK" and "-ERR" in upper case; RFC 2449 3: a
 * single line (and its first line) is at most 512 octets including CRLF; multi-line responses
 * are dot-stuffed and end with ".CRLF".
 */
public final class Responses {
    /** RFC 2449 4: longest response line, CRLF included. */
    public static final int MAX_LINE = 512;
    private static final byte[] CRLF = {'\r', '\n'};

    private Responses() {
    }

    public static String ok(String text) {
        return line("+OK", null, text);
    }

    public static String ok() {
        return "+OK\r\n";
    }

    public static String err(String text) {
        return line("-ERR", null, text);
    }

    /** RFC 2449 8: {@code -ERR [CODE] text}. */
    public static String err(RespCode code, String text) {
        return line("-ERR", code, text);
    }

    /** "1 message", "2 messages": the maildrop summaries of RFC 1939's examples. */
    public static String messages(long n) {
        return n == 1 ? "1 message" : n + " messages";
    }

    /** A status line followed by dot-stuffed {@code lines} and the terminating ".CRLF". */
    public static byte[] multiLine(String firstLine, Iterable<String> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(firstLine.getBytes(StandardCharsets.UTF_8));
        for (String l : lines) {
            // RFC 1939 3: a line beginning with the termination octet is byte-stuffed.
            if (l.startsWith(".")) {
                out.write('.');
            }
            out.writeBytes(clean(l).getBytes(StandardCharsets.UTF_8));
            out.writeBytes(CRLF);
        }
        out.writeBytes(DotStuffer.END);
        return out.toByteArray();
    }

    private static String line(String status, RespCode code, String text) {
        StringBuilder sb = new StringBuilder(status);
        if (code != null) {
            sb.append(" [").append(code.wire()).append(']');
        }
        if (text != null && !text.isEmpty()) {
            sb.append(' ').append(clean(text));
        }
        String s = sb.toString();
        // Keep under the 512-octet limit; texts are ours, so cutting by chars is enough.
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_LINE - 2) {
            s = s.substring(0, Math.min(s.length(), (MAX_LINE - 2) / 4));
        }
        return s + "\r\n";
    }

    /** No CR or LF may end up inside a line (a reply must never read as two). */
    private static String clean(String text) {
        return text.indexOf('\r') < 0 && text.indexOf('\n') < 0 ? text : text.replace('\r', ' ').replace('\n', ' ');
    }
}
