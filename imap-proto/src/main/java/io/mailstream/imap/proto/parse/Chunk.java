package io.mailstream.imap.proto.parse;

/** A piece of a framed command: a line (without CRLF) or the octets of a literal. */
sealed interface Chunk {
    record Line(byte[] octets) implements Chunk {
    }

    record Literal(byte[] octets, boolean literal8) implements Chunk {
    }
}
