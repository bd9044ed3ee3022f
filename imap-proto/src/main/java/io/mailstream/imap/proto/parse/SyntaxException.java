package io.mailstream.imap.proto.parse;

/** A grammar violation found while reading a command; becomes {@link ParseResult.Error}. */
final class SyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Thrown when a prefix parse reaches a literal whose octets have not arrived yet. */
    static final SyntaxException INCOMPLETE = new SyntaxException("incomplete", ParseResult.Kind.SYNTAX);

    private final ParseResult.Kind kind;

    SyntaxException(String message) {
        this(message, ParseResult.Kind.SYNTAX);
    }

    SyntaxException(String message, ParseResult.Kind kind) {
        super(message, null, false, false);
        this.kind = kind;
    }

    ParseResult.Kind kind() {
        return kind;
    }
}
