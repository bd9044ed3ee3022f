package io.mailstream.pop3.proto;

/** The outcome of parsing one command line. */
public sealed interface ParseResult {

    /** A well-formed command. */
    record Parsed(Pop3Command command) implements ParseResult {
    }

    /**
     * A line that is not a valid command; {@code reason} is safe to send after {@code -ERR}.
     * {@code keyword} is the upper-cased first word when it was recognisable, else null.
     */
    record Invalid(String keyword, String reason) implements ParseResult {
    }
}
