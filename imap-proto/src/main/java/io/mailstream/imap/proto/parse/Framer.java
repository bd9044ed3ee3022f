package io.mailstream.imap.proto.parse;

/** Splits the input into commands: lines and the literals announced at their ends. */
final class Framer {
    private ParserLimits limits;
    private boolean utf8;

    Framer(ParserLimits limits) {
        this.limits = limits;
    }

    void feed(byte[] data, int offset, int length) {
        throw new UnsupportedOperationException("not yet");
    }

    ParseResult next() {
        return ParseResult.NEED_MORE;
    }

    int buffered() {
        return 0;
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

    void rejectLiteral() {
    }

    void expectLine() {
    }

    void reset() {
    }
}
