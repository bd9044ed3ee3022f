package io.mailstream.imap.proto.parse;

/**
 * Limits that keep a connection's memory bounded whatever it is sent.
 *
 * @param maxLineLength        octets of one line (text between literals), CRLF excluded
 * @param maxLiteralSize       octets of one literal
 * @param maxNonSyncLiteral    octets of one {@code {n+}} literal: 4096 for RFC 7888 LITERAL-,
 *                             {@code maxLiteralSize} when LITERAL+ is advertised
 * @param maxNestingDepth      parentheses / nested search keys
 * @param maxCommandSize       octets of the whole command, lines and literals together
 * @param maxLiterals          literals in one command (MULTIAPPEND messages, string arguments)
 */
public record ParserLimits(int maxLineLength, long maxLiteralSize, long maxNonSyncLiteral, int maxNestingDepth,
        long maxCommandSize, int maxLiterals) {

    /** Default for {@link #maxLiterals()}. */
    public static final int DEFAULT_MAX_LITERALS = 1000;

    /** RFC 7888 5: the LITERAL- limit for non-synchronizing literals. */
    public static final long LITERAL_MINUS_MAX = 4096;

    public ParserLimits {
        if (maxLineLength < 64 || maxLiteralSize < 0 || maxNonSyncLiteral < 0 || maxNestingDepth < 1
                || maxCommandSize < maxLineLength || maxLiterals < 1) {
            throw new IllegalArgumentException("bad parser limits");
        }
    }

    public ParserLimits(int maxLineLength, long maxLiteralSize, long maxNonSyncLiteral, int maxNestingDepth,
            long maxCommandSize) {
        this(maxLineLength, maxLiteralSize, maxNonSyncLiteral, maxNestingDepth, maxCommandSize, DEFAULT_MAX_LITERALS);
    }

    /** After authentication: 64 KiB lines, 64 MiB literals, LITERAL- non-sync limit, depth 64. */
    public static ParserLimits authenticated() {
        return new ParserLimits(64 * 1024, 64L * 1024 * 1024, LITERAL_MINUS_MAX, 64, 80L * 1024 * 1024);
    }

    /** Before authentication: 8 KiB lines and literals (LOGIN / AUTHENTICATE only need a few). */
    public static ParserLimits notAuthenticated() {
        return new ParserLimits(8 * 1024, 8 * 1024, LITERAL_MINUS_MAX, 16, 32 * 1024);
    }

    public ParserLimits withMaxLiteralSize(long size) {
        return new ParserLimits(maxLineLength, size, Math.min(maxNonSyncLiteral, size), maxNestingDepth,
                Math.max(maxCommandSize, size + maxLineLength), maxLiterals);
    }

    public ParserLimits withMaxNonSyncLiteral(long size) {
        return new ParserLimits(maxLineLength, maxLiteralSize, size, maxNestingDepth, maxCommandSize, maxLiterals);
    }
}
