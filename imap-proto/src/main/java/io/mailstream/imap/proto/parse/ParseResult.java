package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.command.ImapCommand;
import java.util.Locale;

/** What {@link ImapParser#next()} found in the bytes fed so far. */
public sealed interface ParseResult {

    NeedMore NEED_MORE = new NeedMore();

    /** A complete, valid command. */
    record Request(ImapCommand command) implements ParseResult {
    }

    /** The buffered input ends inside a command (or is empty): feed more bytes. */
    record NeedMore() implements ParseResult {
    }

    /**
     * A literal header {@code {size}} / {@code {size+}} / {@code ~{size}} ended a line and the
     * size is within the limits. Returned once per literal. For a synchronizing literal the
     * connection writes {@code + } (RFC 9051 7.5), or refuses it with
     * {@link ImapParser#rejectLiteral()} and a tagged NO/BAD; for a non-synchronizing literal it
     * writes nothing (the client is already sending the octets).
     *
     * @param tag      the command's tag
     * @param command  the upper-cased command name (e.g. {@code "APPEND"}, {@code "UID"})
     */
    record NeedLiteral(long size, boolean nonSynchronizing, String tag, String command) implements ParseResult {
    }

    /**
     * A line requested with {@link ImapParser#expectLine()} (AUTHENTICATE responses, IDLE's
     * DONE), without its CRLF.
     */
    record Line(String text) implements ParseResult {
        /** RFC 2177 / RFC 9051 6.3.13: the client ends IDLE with "DONE" (case-insensitive). */
        public boolean isDone() {
            return text.toUpperCase(Locale.ROOT).equals("DONE");
        }

        /** RFC 9051 6.2.2: a client cancels AUTHENTICATE with a line of "*". */
        public boolean isCancel() {
            return text.equals("*");
        }
    }

    /**
     * A malformed or refused command: answer {@code tag BAD message} ({@code * BAD} when tag is
     * null), or for {@link Kind#BAD_CHARSET} {@code tag NO [BADCHARSET (UTF-8 US-ASCII)]}. The
     * parser has already arranged to skip the rest of the command (up to the next CRLF that is
     * not inside a literal) and continues with the next one.
     */
    record Error(String tag, String message, Kind kind) implements ParseResult {
        public Error(String tag, String message) {
            this(tag, message, Kind.SYNTAX);
        }
    }

    /** Why a command was refused. */
    enum Kind {
        /** Syntax error: BAD. */
        SYNTAX,
        /** SEARCH CHARSET other than UTF-8 / US-ASCII: NO [BADCHARSET (UTF-8 US-ASCII)]. */
        BAD_CHARSET,
        /** Line longer than the limit: BAD. */
        LINE_TOO_LONG,
        /** Literal or whole command over the limit: BAD [TOOBIG] (RFC 7888 5 for APPEND). */
        TOO_BIG,
        /** Parentheses or search keys nested deeper than the limit: BAD. */
        TOO_DEEP,
        /** An APPEND literal over the size limit: NO [TOOBIG] (RFC 7889 4, RFC 4469). */
        APPEND_TOO_BIG
    }
}
