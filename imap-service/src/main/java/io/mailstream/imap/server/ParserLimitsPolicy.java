package io.mailstream.imap.server;

import io.mailstream.imap.ImapSettings;
import io.mailstream.imap.proto.parse.ParserLimits;
import io.mailstream.imap.session.ImapSession;

/**
 * The parser limits of a connection in its current state: lower before authentication (a
 * stranger needs only LOGIN's few octets), and RFC 7888's 4096-octet non-synchronizing
 * literals when LITERAL- is advertised instead of LITERAL+.
 */
final class ParserLimitsPolicy {
    private final ParserLimits beforeAuth;
    private final ParserLimits afterAuth;

    ParserLimitsPolicy(ImapSettings s) {
        long pre = s.maxLiteralSizeBeforeAuth();
        int preLine = Math.max(64, Math.min(s.maxLineLength(), 8192));
        this.beforeAuth = new ParserLimits(preLine, pre, s.literalMinus() ? Math.min(pre, 4096) : pre, 16,
                preLine * 4L + pre);
        // One MULTIAPPEND command (RFC 3502) may carry up to maxAppendTotal; APPENDLIMIT is never
        // above maxLiteralSize (ImapSettings.effectiveAppendLimit).
        long lit = s.maxLiteralSize();
        long line = Math.max(64, s.maxLineLength());
        this.afterAuth = new ParserLimits((int) line, lit,
                s.literalMinus() ? Math.min(lit, ParserLimits.LITERAL_MINUS_MAX) : lit, 64,
                line * 4L + Math.max(lit, s.maxAppendTotal()));
    }

    ParserLimits forState(ImapSession session) {
        return session.loggedIn() == null ? beforeAuth : afterAuth;
    }
}
