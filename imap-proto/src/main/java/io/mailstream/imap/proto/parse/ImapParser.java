package io.mailstream.imap.proto.parse;

/**
 * The resumable byte-level parser of one connection (RFC 9051 2.2, 4 and 9). Pure: it never
 * writes to the socket and never throws on input.
 *
 * <p>How a connection drives it:
 * <pre>
 *   parser.feed(bytes);                       // whatever arrived, split anywhere
 *   loop: switch (parser.next())
 *     Request r     -> run r.command() (keep calling next() afterwards: pipelining)
 *     NeedLiteral l -> synchronizing: write "+ Ready\r\n" (or rejectLiteral() + tagged NO/BAD);
 *                      non-synchronizing: nothing; then call next() again
 *     Line l        -> only after expectLine(): AUTHENTICATE response / IDLE "DONE"
 *     Error e       -> write "tag BAD e.message()" (or "* BAD"); call next() again
 *     NeedMore      -> stop; wait for more bytes
 * </pre>
 * Pause reading from the socket while {@link #buffered()} is large (pipelined input) and while a
 * command runs. After STARTTLS call {@link #reset()} (RFC 9051 6.2.1: no plaintext injection);
 * after authentication call {@link #setLimits(ParserLimits)}; after ENABLE IMAP4rev2 or
 * UTF8=ACCEPT call {@link #setUtf8(boolean)}.
 */
public final class ImapParser {
    private final Framer framer;

    public ImapParser(ParserLimits limits) {
        this.framer = new Framer(limits);
    }

    /** Appends received octets; they are consumed by {@link #next()}. */
    public void feed(byte[] data) {
        feed(data, 0, data.length);
    }

    public void feed(byte[] data, int offset, int length) {
        framer.feed(data, offset, length);
    }

    /** The next result from the octets fed so far. Never throws, never returns null. */
    public ParseResult next() {
        return framer.next();
    }

    /** Octets fed but not yet consumed. */
    public int buffered() {
        return framer.buffered();
    }

    /** Limits for the following commands (e.g. higher after authentication). */
    public void setLimits(ParserLimits limits) {
        framer.setLimits(limits);
    }

    public ParserLimits limits() {
        return framer.limits();
    }

    /**
     * Mailbox names are UTF-8 (IMAP4rev2 or UTF8=ACCEPT enabled) instead of modified UTF-7
     * (RFC 3501 5.1.3).
     */
    public void setUtf8(boolean utf8) {
        framer.setUtf8(utf8);
    }

    /**
     * Refuses the literal just announced by {@link ParseResult.NeedLiteral}: the command is
     * dropped. A synchronizing literal's octets will not come (the client gets the connection's
     * tagged response instead of "+"); a non-synchronizing literal's octets and the rest of its
     * command are skipped without being stored.
     */
    public void rejectLiteral() {
        framer.rejectLiteral();
    }

    /** The next line is returned as {@link ParseResult.Line} instead of being parsed as a command. */
    public void expectLine() {
        framer.expectLine();
    }

    /** Discards every buffered octet and any partial command (after STARTTLS). */
    public void reset() {
        framer.reset();
    }
}
