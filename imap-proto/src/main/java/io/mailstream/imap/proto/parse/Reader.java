package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.types.Chars;
import io.mailstream.imap.proto.types.SequenceSet;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads the tokens of RFC 9051 9 from a framed command. Every violation throws
 * {@link SyntaxException}; reaching a literal whose octets are still to come throws
 * {@link SyntaxException#INCOMPLETE}.
 */
final class Reader {
    private final List<Chunk> chunks;
    private final int maxDepth;
    private final boolean utf8Names;
    private int chunk;
    private byte[] line;
    private int pos;
    private int depth;

    Reader(List<Chunk> chunks, int maxDepth, boolean utf8Names) {
        this.chunks = chunks;
        this.maxDepth = maxDepth;
        this.utf8Names = utf8Names;
        this.line = ((Chunk.Line) chunks.get(0)).octets();
    }

    boolean utf8Names() {
        return utf8Names;
    }

    /** The current octet, or -1 at the end of a line. */
    int peek() {
        return pos < line.length ? line[pos] & 0xff : -1;
    }

    /** The octet {@code k} positions ahead, or -1 past the end of the line. */
    int peekAt(int k) {
        return pos + k < line.length ? line[pos + k] & 0xff : -1;
    }

    boolean peekIs(char c) {
        return peek() == c;
    }

    /** At the end of the whole command. */
    boolean atEnd() {
        return pos >= line.length && chunk == chunks.size() - 1;
    }

    void end() {
        if (!atEnd()) {
            throw new SyntaxException(peek() == ' ' ? "unexpected extra arguments" : "unexpected characters");
        }
    }

    void expect(char c) {
        if (peek() != c) {
            throw new SyntaxException(peek() < 0 ? "missing '" + c + "'" : "expected '" + c + "'");
        }
        pos++;
    }

    void sp() {
        if (peek() != ' ') {
            throw new SyntaxException(peek() < 0 ? "missing argument" : "expected a space");
        }
        pos++;
        if (peek() == ' ') {
            throw new SyntaxException("extra space");
        }
    }

    /** Consumes one SP if present. */
    boolean trySp() {
        if (peek() == ' ') {
            sp();
            return true;
        }
        return false;
    }

    /** "(" with the nesting limit. */
    void open() {
        expect('(');
        enter();
    }

    void close() {
        expect(')');
        leave();
    }

    void enter() {
        if (++depth > maxDepth) {
            throw new SyntaxException("nested too deeply", ParseResult.Kind.TOO_DEEP);
        }
    }

    void leave() {
        depth--;
    }

    /** 1*ATOM-CHAR. */
    String atom() {
        int start = pos;
        while (pos < line.length && Chars.isAtomChar(line[pos] & 0xff)) {
            pos++;
        }
        if (pos == start) {
            throw new SyntaxException(describe("an atom"));
        }
        return ascii(start, pos);
    }

    /** An atom, upper-cased (keywords are case-insensitive, RFC 9051 9 note 1). */
    String keyword() {
        return atom().toUpperCase(Locale.ROOT);
    }

    /** Reads {@code kw} (case-insensitive) if it is next, followed by a non-atom character. */
    boolean tryKeyword(String kw) {
        int n = kw.length();
        if (pos + n > line.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (Character.toUpperCase((char) (line[pos + i] & 0xff)) != kw.charAt(i)) {
                return false;
            }
        }
        if (pos + n < line.length && Chars.isAtomChar(line[pos + n] & 0xff)) {
            return false;
        }
        pos += n;
        return true;
    }

    /** tag = 1*&lt;any ASTRING-CHAR except "+"&gt;. */
    String tag() {
        int start = pos;
        while (pos < line.length && line[pos] != '+' && Chars.isAstringChar(line[pos] & 0xff)) {
            pos++;
        }
        if (pos == start || (pos < line.length && line[pos] != ' ')) {
            throw new SyntaxException("invalid tag");
        }
        return ascii(start, pos);
    }

    /** astring = 1*ASTRING-CHAR / string. */
    String astring() {
        int c = peek();
        if (c == '"' || c == '{') {
            return string();
        }
        int start = pos;
        while (pos < line.length && Chars.isAstringChar(line[pos] & 0xff)) {
            pos++;
        }
        if (pos == start) {
            throw new SyntaxException(describe("a string"));
        }
        return ascii(start, pos);
    }

    /** list-mailbox = 1*list-char / string. */
    String listMailbox() {
        int c = peek();
        if (c == '"' || c == '{') {
            return string();
        }
        int start = pos;
        while (pos < line.length && Chars.isListChar(line[pos] & 0xff)) {
            pos++;
        }
        if (pos == start) {
            throw new SyntaxException(describe("a mailbox pattern"));
        }
        return ascii(start, pos);
    }

    /** string = quoted / literal, decoded as UTF-8. */
    String string() {
        return decode(stringOctets());
    }

    /** nstring = string / nil. */
    String nstring() {
        if (tryKeyword("NIL")) {
            return null;
        }
        return string();
    }

    byte[] stringOctets() {
        int c = peek();
        if (c == '"') {
            return quoted();
        }
        if (c == '{') {
            Chunk.Literal lit = literal(false);
            for (byte b : lit.octets()) {
                if (b == 0) {
                    throw new SyntaxException("NUL in literal");
                }
            }
            return lit.octets();
        }
        throw new SyntaxException(describe("a string"));
    }

    /** quoted = DQUOTE *QUOTED-CHAR DQUOTE; only \" and \\ may be escaped. */
    private byte[] quoted() {
        pos++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (pos >= line.length) {
                throw new SyntaxException("unterminated quoted string");
            }
            int b = line[pos++] & 0xff;
            if (b == '"') {
                return out.toByteArray();
            }
            if (b == '\\') {
                if (pos >= line.length || (line[pos] != '"' && line[pos] != '\\')) {
                    throw new SyntaxException("invalid escape in quoted string");
                }
                b = line[pos++];
            } else if (b == 0) {
                throw new SyntaxException("NUL in quoted string");
            }
            out.write(b);
        }
    }

    /**
     * A literal ({@code {n}}, {@code {n+}}) or, if allowed, literal8 ({@code ~{n}}): the marker
     * must end the current line; its octets are the next chunk.
     */
    Chunk.Literal literal(boolean allowLiteral8) {
        boolean eight = false;
        if (peek() == '~') {
            if (!allowLiteral8) {
                throw new SyntaxException("literal8 not allowed here");
            }
            eight = true;
            pos++;
        }
        expect('{');
        int start = pos;
        while (pos < line.length && line[pos] >= '0' && line[pos] <= '9') {
            pos++;
        }
        if (pos == start || pos - start > 19) {
            throw new SyntaxException("invalid literal size");
        }
        if (peek() == '+') {
            pos++;
        }
        expect('}');
        if (pos != line.length) {
            throw new SyntaxException("literal marker must end the line");
        }
        if (chunk + 1 >= chunks.size()) {
            throw SyntaxException.INCOMPLETE;
        }
        Chunk.Literal lit = (Chunk.Literal) chunks.get(chunk + 1);
        if (lit.literal8() != eight) {
            throw new SyntaxException("literal kind mismatch");
        }
        chunk += 2;
        line = ((Chunk.Line) chunks.get(chunk)).octets();
        pos = 0;
        return lit;
    }

    /** Whether a literal or literal8 marker starts here. */
    boolean atLiteral() {
        int c = peek();
        return c == '{' || (c == '~' && pos + 1 < line.length && line[pos + 1] == '{');
    }

    /** number (32-bit unsigned). */
    long number() {
        long v = digits(10);
        if (v > 0xFFFF_FFFFL) {
            throw new SyntaxException("number too large");
        }
        return v;
    }

    long nzNumber() {
        long v = number();
        if (v == 0) {
            throw new SyntaxException("number must not be zero");
        }
        return v;
    }

    /** number64 (63-bit unsigned). */
    long number64() {
        return digits(19);
    }

    private long digits(int maxDigits) {
        int start = pos;
        long v = 0;
        while (pos < line.length && line[pos] >= '0' && line[pos] <= '9') {
            if (pos - start >= maxDigits) {
                throw new SyntaxException("number too large");
            }
            long next = v * 10 + (line[pos] - '0');
            if (next < v) {
                throw new SyntaxException("number too large");
            }
            v = next;
            pos++;
        }
        if (pos == start) {
            throw new SyntaxException(describe("a number"));
        }
        return v;
    }

    /** sequence-set (with * and $). */
    SequenceSet sequenceSet() {
        int start = pos;
        while (pos < line.length) {
            int c = line[pos] & 0xff;
            if ((c >= '0' && c <= '9') || c == ':' || c == ',' || c == '*' || c == '$') {
                pos++;
            } else {
                break;
            }
        }
        if (pos == start) {
            throw new SyntaxException(describe("a sequence set"));
        }
        if (pos < line.length && Chars.isAtomChar(line[pos] & 0xff)) {
            throw new SyntaxException("invalid sequence set");
        }
        try {
            return SequenceSet.parse(ascii(start, pos));
        } catch (IllegalArgumentException e) {
            throw new SyntaxException("invalid sequence set");
        }
    }

    /** Whether a sequence-set starts here (digit, * or $). */
    boolean atSequenceSet() {
        int c = peek();
        return (c >= '0' && c <= '9') || c == '*' || c == '$';
    }

    /** Raw ASCII up to (not including) one of {@code stops} or the end of the line. */
    String until(String stops) {
        int start = pos;
        while (pos < line.length && stops.indexOf(line[pos]) < 0) {
            if (line[pos] < 0x20 || line[pos] >= 0x7f) {
                throw new SyntaxException("invalid character");
            }
            pos++;
        }
        return ascii(start, pos);
    }

    private String ascii(int from, int to) {
        return new String(line, from, to - from, StandardCharsets.US_ASCII);
    }

    private String describe(String what) {
        int c = peek();
        if (c < 0) {
            return "missing argument: expected " + what;
        }
        if (c >= 0x80) {
            return "8-bit character where " + what + " was expected";
        }
        return "expected " + what;
    }

    static String decode(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw new SyntaxException("string is not valid UTF-8");
        }
    }
}
