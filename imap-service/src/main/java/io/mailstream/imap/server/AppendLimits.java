package io.mailstream.imap.server;

import io.mailstream.imap.ImapSettings;
import io.mailstream.imap.proto.parse.ParseResult;
import io.mailstream.imap.session.ImapSession;

/**
 * The APPEND size policy applied when a literal is announced, before its octets are read:
 * RFC 7889 APPENDLIMIT for each message and the configured total of one MULTIAPPEND
 * (RFC 3502), so that a refused upload costs neither memory nor (for a synchronizing literal)
 * bandwidth. Tracks the literals of the command being received.
 */
final class AppendLimits {
    private final ImapSettings settings;
    private final ImapSession session;
    private long octets;
    private String reason;

    AppendLimits(ImapSettings settings, ImapSession session) {
        this.settings = settings;
        this.session = session;
    }

    /** Whether the announced literal must be refused; afterwards {@link #reason()} says why. */
    boolean refuses(ParseResult.NeedLiteral lit) {
        if (!"APPEND".equals(lit.command()) || session.loggedIn() == null || lit.tag() == null) {
            return false;
        }
        long limit = settings.effectiveAppendLimit();
        if (lit.size() > limit) {
            reason = "Message larger than the APPENDLIMIT of " + limit + " octets";
        } else if (octets + lit.size() > settings.maxAppendTotal()) {
            reason = "Messages larger than " + settings.maxAppendTotal() + " octets together";
        } else {
            octets += lit.size();
            return false;
        }
        octets = 0;
        return true;
    }

    String reason() {
        return reason;
    }

    /** A command was completed or rejected by the parser: the next literal starts a new count. */
    void commandEnded() {
        octets = 0;
    }
}
