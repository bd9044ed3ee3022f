package io.mailstream.imap.proto.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits the input into commands: lines, and the literals announced at their ends (RFC 9051
 * 4.3). Memory is bounded by the limits: a line longer than allowed or a literal too large is
 * refused and skipped without being stored. Grammar is checked by {@link CommandParser} once a
 * command is complete, and also before each literal is requested, so that a client is not asked
 * to send the octets of a command that is already wrong.
 */
final class Framer {
    private enum Mode { LINE, LITERAL, DISCARD_LINE, DISCARD_LITERAL }

    private ParserLimits limits;
    private boolean utf8;

    private byte[] in = new byte[256];
    private int inStart;
    private int inEnd;

    private Mode mode = Mode.LINE;
    private boolean expectLine;

    private final List<Chunk> chunks = new ArrayList<>();
    private final LineScanner line = new LineScanner();
    private long commandSize;
    private String tag;
    private String commandName;

    private byte[] literal;
    private int literalLen;
    private long literalRemaining;
    private boolean literal8;
    private boolean literalNonSync;
    private boolean literalAnnounced;

    Framer(ParserLimits limits) {
        this.limits = limits;
    }

    void feed(byte[] data, int offset, int length) {
        if (length <= 0) {
            return;
        }
        if (inEnd + length > in.length) {
            int live = inEnd - inStart;
            if (live + length <= in.length / 2 + in.length / 4) {
                System.arraycopy(in, inStart, in, 0, live);
            } else {
                byte[] bigger = new byte[Math.max(in.length * 2, live + length)];
                System.arraycopy(in, inStart, bigger, 0, live);
                in = bigger;
            }
            inStart = 0;
            inEnd = live;
        }
        System.arraycopy(data, offset, in, inEnd, length);
        inEnd += length;
    }

    int buffered() {
        return inEnd - inStart;
    }

    ParseResult next() {
        try {
            return step();
        } catch (RuntimeException e) {
            // Never throw at the connection: drop the command and go on with the next line.
            String t = tag;
            startDiscard();
            return new ParseResult.Error(t, "internal parser error");
        }
    }

    private ParseResult step() {
        while (true) {
            switch (mode) {
                case LINE -> {
                    ParseResult r = scanLine();
                    if (r != null) {
                        return r;
                    }
                }
                case DISCARD_LINE -> {
                    if (!discardLine()) {
                        return compactAndNeedMore();
                    }
                }
                case LITERAL -> {
                    if (!readLiteral()) {
                        return compactAndNeedMore();
                    }
                }
                case DISCARD_LITERAL -> {
                    if (!skipLiteral()) {
                        return compactAndNeedMore();
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private ParseResult compactAndNeedMore() {
        if (inStart == inEnd) {
            inStart = 0;
            inEnd = 0;
            if (in.length > 64 * 1024) {
                in = new byte[256];
            }
        }
        return ParseResult.NEED_MORE;
    }

    /** LINE mode: returns a result, or null to continue with the next mode. */
    private ParseResult scanLine() {
        int max = limits.maxLineLength();
        while (inStart < inEnd) {
            byte b = in[inStart++];
            if (b == '\n') {
                return lineEnd();
            }
            if (line.length() >= max + 1 || commandSize + line.length() >= limits.maxCommandSize()) {
                String t = tagFromLine();
                boolean wasExpectLine = expectLine;
                line.track(b);
                mode = Mode.DISCARD_LINE;
                expectLine = false;
                line.discarding = !wasExpectLine;
                dropCommand();
                boolean tooBig = line.length() <= max + 1;
                return new ParseResult.Error(t, tooBig ? "command too large" : "line too long",
                        tooBig ? ParseResult.Kind.TOO_BIG : ParseResult.Kind.LINE_TOO_LONG);
            }
            line.append(b);
        }
        return compactAndNeedMore();
    }

    private ParseResult lineEnd() {
        byte[] octets = line.octetsWithoutCr();
        if (expectLine) {
            expectLine = false;
            line.reset();
            return new ParseResult.Line(new String(octets, StandardCharsets.ISO_8859_1));
        }
        LineScanner.Marker marker = line.marker();
        line.reset();
        if (chunks.isEmpty() && octets.length == 0) {
            return null; // an empty line is not a command; ignore it
        }
        chunks.add(new Chunk.Line(octets));
        commandSize += octets.length + 2;
        if (chunks.size() == 1) {
            identify(octets);
        }
        if (marker == null) {
            ParseResult r = CommandParser.parse(chunks, limits.maxNestingDepth(), utf8, false);
            dropCommand();
            return r;
        }
        return literalAnnounced(marker);
    }

    private ParseResult literalAnnounced(LineScanner.Marker m) {
        long limit = m.nonSync() ? limits.maxNonSyncLiteral() : limits.maxLiteralSize();
        if (chunks.size() / 2 >= limits.maxLiterals()) {
            return refuse(m, new ParseResult.Error(tag, "too many literals in one command", ParseResult.Kind.TOO_BIG));
        }
        if (m.size() < 0 || m.size() > limit || commandSize + m.size() > limits.maxCommandSize()) {
            boolean literalMinus = m.nonSync() && m.size() >= 0 && m.size() <= limits.maxLiteralSize();
            String why = literalMinus
                    ? "non-synchronizing literal larger than " + limits.maxNonSyncLiteral()
                            + " octets (RFC 7888 LITERAL-): use a synchronizing literal"
                    : "literal too large";
            // RFC 7889 4: an APPEND over the size limit is a tagged NO [TOOBIG]; RFC 7888 5 keeps
            // BAD [TOOBIG] for a LITERAL- violation
            ParseResult.Kind kind = !literalMinus && "APPEND".equals(commandName) && tag != null
                    ? ParseResult.Kind.APPEND_TOO_BIG : ParseResult.Kind.TOO_BIG;
            return refuse(m, new ParseResult.Error(tag, why, kind));
        }
        ParseResult prefix = CommandParser.parse(chunks, limits.maxNestingDepth(), utf8, true);
        if (prefix instanceof ParseResult.Error e) {
            return refuse(m, e);
        }
        mode = Mode.LITERAL;
        literalRemaining = m.size();
        literalLen = 0;
        literal = new byte[(int) Math.min(m.size(), 64 * 1024)];
        literal8 = m.literal8();
        literalNonSync = m.nonSync();
        literalAnnounced = true;
        return new ParseResult.NeedLiteral(m.size(), m.nonSync(), tag, commandName);
    }

    /** Refuses a literal: its octets are skipped if the client sends them anyway. */
    private ParseResult refuse(LineScanner.Marker m, ParseResult.Error e) {
        dropCommand();
        if (m.nonSync()) {
            literalRemaining = m.size() < 0 ? Long.MAX_VALUE : m.size();
            mode = Mode.DISCARD_LITERAL;
        } else {
            mode = Mode.LINE;
        }
        return e;
    }

    void rejectLiteral() {
        if (mode != Mode.LITERAL || !literalAnnounced || literalLen > 0) {
            return;
        }
        long remaining = literalRemaining;
        dropCommand();
        literal = null;
        if (literalNonSync) {
            literalRemaining = remaining;
            mode = Mode.DISCARD_LITERAL;
        } else {
            mode = Mode.LINE;
        }
    }

    private boolean readLiteral() {
        literalAnnounced = false;
        while (literalRemaining > 0) {
            int avail = inEnd - inStart;
            if (avail == 0) {
                return false;
            }
            int n = (int) Math.min(avail, literalRemaining);
            if (literalLen + n > literal.length) {
                long want = Math.min((long) literalLen + literalRemaining, Math.max(literal.length * 2L, literalLen + n));
                byte[] bigger = new byte[(int) want];
                System.arraycopy(literal, 0, bigger, 0, literalLen);
                literal = bigger;
            }
            System.arraycopy(in, inStart, literal, literalLen, n);
            inStart += n;
            literalLen += n;
            literalRemaining -= n;
        }
        byte[] data = literal.length == literalLen ? literal : java.util.Arrays.copyOf(literal, literalLen);
        chunks.add(new Chunk.Literal(data, literal8));
        commandSize += data.length;
        literal = null;
        mode = Mode.LINE;
        return true;
    }

    private boolean skipLiteral() {
        long n = Math.min(inEnd - inStart, literalRemaining);
        inStart += (int) n;
        literalRemaining -= n;
        if (literalRemaining > 0) {
            return false;
        }
        mode = Mode.DISCARD_LINE;
        line.reset();
        line.discarding = true;
        return true;
    }

    /** Skips to the end of the line; a non-synchronizing literal there is skipped too. */
    private boolean discardLine() {
        while (inStart < inEnd) {
            byte b = in[inStart++];
            if (b == '\n') {
                LineScanner.Marker m = line.discarding ? line.marker() : null;
                line.reset();
                if (m != null && m.nonSync()) {
                    literalRemaining = m.size() < 0 ? Long.MAX_VALUE : m.size();
                    mode = Mode.DISCARD_LITERAL;
                } else {
                    mode = Mode.LINE;
                }
                return true;
            }
            line.track(b);
        }
        return false;
    }

    private void startDiscard() {
        dropCommand();
        literal = null;
        if (mode == Mode.LINE) {
            mode = Mode.DISCARD_LINE;
            line.discarding = true;
        } else {
            line.reset();
            mode = Mode.LINE;
        }
    }

    private void dropCommand() {
        chunks.clear();
        commandSize = 0;
        tag = null;
        commandName = null;
        literalAnnounced = false;
    }

    /** Tag and command name of the first line, for errors and NeedLiteral. */
    private void identify(byte[] first) {
        String s = new String(first, StandardCharsets.ISO_8859_1);
        int sp = s.indexOf(' ');
        String t = sp < 0 ? s : s.substring(0, sp);
        tag = io.mailstream.imap.proto.types.Tag.isValid(t) ? t : null;
        if (sp >= 0) {
            int sp2 = s.indexOf(' ', sp + 1);
            String name = sp2 < 0 ? s.substring(sp + 1) : s.substring(sp + 1, sp2);
            commandName = name.length() <= 32 ? name.toUpperCase(Locale.ROOT) : null;
        }
    }

    private String tagFromLine() {
        if (!chunks.isEmpty()) {
            return tag;
        }
        String t = line.firstToken();
        return io.mailstream.imap.proto.types.Tag.isValid(t) ? t : null;
    }

    void setLimits(ParserLimits limits) {
        this.limits = limits;
    }

    ParserLimits limits() {
        return limits;
    }

    void setUtf8(boolean utf8) {
        this.utf8 = utf8;
    }

    void expectLine() {
        expectLine = true;
    }

    void reset() {
        inStart = 0;
        inEnd = 0;
        in = new byte[256];
        dropCommand();
        line.reset();
        literal = null;
        mode = Mode.LINE;
        expectLine = false;
    }
}
