package io.mailstream.lmtp.proto;

/** What {@link LmtpParser} made of one command line. */
public sealed interface ParseResult {

    record Ok(LmtpCommand command) implements ParseResult {
    }

    /** The line is not a valid command; {@code reply} (5xx) says why. */
    record Error(Reply reply) implements ParseResult {
    }
}
