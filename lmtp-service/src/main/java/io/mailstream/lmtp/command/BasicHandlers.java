package io.mailstream.lmtp.command;

import io.mailstream.lmtp.proto.LmtpCommand;
import io.mailstream.lmtp.proto.Replies;
import io.mailstream.lmtp.session.LmtpSession;
import io.mailstream.lmtp.session.SessionState;
import io.smallrye.mutiny.Uni;

/** The one-line commands: RSET, NOOP, VRFY, QUIT, STARTTLS. */
public final class BasicHandlers {
    private BasicHandlers() {
    }

    public static Uni<Void> handle(LmtpCommand c, LmtpSession session) {
        var transport = session.transport();
        if (c instanceof LmtpCommand.Rset) {
            // RFC 5321 4.1.1.5: abort the transaction, keep the LHLO.
            if (session.state() instanceof SessionState.Transaction t) {
                session.state(t.end());
            }
            transport.reply(Replies.ok());
        } else if (c instanceof LmtpCommand.Noop) {
            transport.reply(Replies.ok());
        } else if (c instanceof LmtpCommand.Vrfy) {
            // RFC 5321 3.5.3: 252, neither confirming nor denying (no address harvesting).
            transport.reply(Replies.cannotVerify());
        } else if (c instanceof LmtpCommand.Quit) {
            transport.reply(Replies.bye(session.services().settings().hostname()));
            transport.close();
        } else if (c instanceof LmtpCommand.StartTls) {
            startTls(session);
        } else {
            throw new IllegalStateException("unhandled command " + c);
        }
        return LmtpSession.DONE;
    }

    private static void startTls(LmtpSession session) {
        var transport = session.transport();
        if (!session.services().settings().tlsConfigured()) {
            session.protocolError(Replies.tlsUnavailable(), "unknown_command");
        } else if (transport.secure()) {
            session.protocolError(Replies.badSequence("TLS already active"), "bad_sequence");
        } else {
            // RFC 3207 4: 220, then the handshake; RFC 3207 4.2: the session starts over.
            transport.reply(Replies.readyForTls());
            transport.startTls();
            session.onTlsStarted();
        }
    }
}
