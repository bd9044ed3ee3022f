package io.mailstream.imap.proto.encode;

import io.mailstream.imap.proto.types.Chars;
import io.mailstream.imap.proto.types.ModifiedUtf7;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one response's octets with the quoting rules of RFC 9051 4.3 and 9: atoms where the
 * grammar allows and the value is an atom, quoted strings where possible, literals for CR, LF,
 * 8-bit octets in IMAP4rev1 sessions, and long values.
 */
public final class ResponseWriter {
    /** Strings longer than this go out as literals even when they could be quoted. */
    static final int MAX_QUOTED = 1024;

    private final EncoderContext ctx;
    private final List<EncodedResponse.Segment> segments = new ArrayList<>();
    private ByteArrayOutputStream buf = new ByteArrayOutputStream(128);

    public ResponseWriter(EncoderContext ctx) {
        this.ctx = ctx;
    }

    public EncoderContext context() {
        return ctx;
    }

    /** ASCII octets as they are (caller guarantees the grammar). */
    public ResponseWriter raw(String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            buf.write(ascii.charAt(i));
        }
        return this;
    }

    public ResponseWriter raw(char c) {
        buf.write(c);
        return this;
    }

    public ResponseWriter sp() {
        buf.write(' ');
        return this;
    }

    public ResponseWriter crlf() {
        buf.write('\r');
        buf.write('\n');
        return this;
    }

    public ResponseWriter nil() {
        return raw("NIL");
    }

    public ResponseWriter number(long n) {
        return raw(Long.toString(n));
    }

    /** {@code string}: quoted when possible, otherwise a literal. */
    public ResponseWriter string(String s) {
        return string(utf8(s));
    }

    /** {@code string} from octets. */
    public ResponseWriter string(byte[] b) {
        if (quotable(b)) {
            return quoted(b);
        }
        return literal(b);
    }

    /** {@code nstring}: NIL for null. */
    public ResponseWriter nstring(String s) {
        return s == null ? nil() : string(s);
    }

    /** {@code astring}: an atom when {@code s} is one (and not "NIL"), else a string. */
    public ResponseWriter astring(String s) {
        if (isAstringAtom(s)) {
            return raw(s);
        }
        return string(s);
    }

    /** A {@code mailbox}: modified UTF-7 for rev1 sessions, UTF-8 otherwise, as an astring. */
    public ResponseWriter mailbox(String name) {
        return astring(ctx.utf8() ? name : ModifiedUtf7.encode(name));
    }

    /** Always a quoted string (falls back to a literal if the octets cannot be quoted). */
    public ResponseWriter quotedOrLiteral(String s) {
        byte[] b = utf8(s);
        return quotableIgnoringLength(b) ? quoted(b) : literal(b);
    }

    /** {@code {n}CRLF} and the octets. */
    public ResponseWriter literal(byte[] b) {
        raw("{").number(b.length).raw("}").crlf();
        buf.writeBytes(b);
        return this;
    }

    /** {@code ~{n}CRLF} and the octets (RFC 9051 literal8). */
    public ResponseWriter literal8(byte[] b) {
        raw("~{").number(b.length).raw("}").crlf();
        buf.writeBytes(b);
        return this;
    }

    /** A literal header whose octets the connection streams from {@code source}. */
    public ResponseWriter streamedLiteral(long size, boolean literal8, Object source) {
        raw(literal8 ? "~{" : "{").number(size).raw("}").crlf();
        if (size > 0) {
            segments.add(new EncodedResponse.Segment.Bytes(buf.toByteArray()));
            segments.add(new EncodedResponse.Segment.Stream(size, source));
            buf = new ByteArrayOutputStream(64);
        }
        return this;
    }

    /**
     * {@code text} of resp-text: CR and LF become spaces; non-ASCII is kept only where UTF-8
     * is allowed (RFC 9051 9 "text": after ENABLE IMAP4rev2), else replaced by "?".
     */
    public ResponseWriter text(String s) {
        if (s == null || s.isEmpty()) {
            return raw("completed");
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                sb.append(' ');
            } else if (c >= 0x80 && !ctx.utf8()) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                    i++;
                }
                sb.append('?');
            } else {
                sb.append(c);
            }
        }
        buf.writeBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
        return this;
    }

    EncodedResponse finish() {
        if (buf.size() > 0 || segments.isEmpty()) {
            segments.add(new EncodedResponse.Segment.Bytes(buf.toByteArray()));
        }
        return new EncodedResponse(segments);
    }

    private ResponseWriter quoted(byte[] b) {
        buf.write('"');
        for (byte x : b) {
            if (x == '"' || x == '\\') {
                buf.write('\\');
            }
            buf.write(x);
        }
        buf.write('"');
        return this;
    }

    private boolean quotable(byte[] b) {
        return b.length <= MAX_QUOTED && quotableIgnoringLength(b);
    }

    private boolean quotableIgnoringLength(byte[] b) {
        boolean eightBit = false;
        for (byte x : b) {
            if (x == 0 || x == '\r' || x == '\n') {
                return false;
            }
            if (x < 0) {
                eightBit = true;
            }
        }
        // RFC 9051 9 QUOTED-CHAR allows UTF8-2/3/4 (rev2); RFC 3501 quoted is 7-bit only.
        return !eightBit || ctx.utf8() && Utf8.isValid(b);
    }

    static boolean isAstringAtom(String s) {
        if (s.isEmpty() || s.equalsIgnoreCase("NIL")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Chars.isAstringChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static byte[] utf8(String s) {
        if (s.indexOf('\0') >= 0) {
            // RFC 9051 9: NUL may appear only in literal8; strings never carry it.
            s = s.replace("\0", "");
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
