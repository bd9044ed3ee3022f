package io.mailstream.lmtp.proto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One SMTP reply (RFC 5321 4.2): a code, an optional enhanced status code (RFC 2034 / RFC 3463)
 * and one or more text lines. Multi-line replies use {@code code-text} on every line but the
 * last (RFC 5321 4.2.1); RFC 2034 4: the status code is repeated on every line.
 *
 * @param status enhanced status code such as {@code 2.1.5}, or null (greeting, LHLO, 3xx)
 */
public record Reply(int code, String status, List<String> lines) {

    public Reply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("reply code out of range: " + code);
        }
        if (status != null && status.charAt(0) != (char) ('0' + code / 100)) {
            // RFC 2034 4: the status class must agree with the reply code.
            throw new IllegalArgumentException("status " + status + " does not agree with " + code);
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one line");
        }
        for (String l : lines) {
            if (l.indexOf('\r') >= 0 || l.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("line break inside a reply line");
            }
        }
    }

    public static Reply of(int code, String status, String text) {
        return new Reply(code, status, List.of(text));
    }

    public boolean positive() {
        return code < 400;
    }

    /** The exact octets on the wire. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        for (int i = 0; i < lines.size(); i++) {
            StringBuilder b = new StringBuilder().append(code).append(i == lines.size() - 1 ? ' ' : '-');
            if (status != null) {
                b.append(status).append(' ');
            }
            b.append(lines.get(i)).append("\r\n");
            out.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return new String(encode(), StandardCharsets.UTF_8).trim();
    }
}
