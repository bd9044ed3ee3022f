package io.mailstream.lmtp.command;

import io.mailstream.lmtp.delivery.StoreCalls;
import io.mailstream.lmtp.proto.LmtpCommand.RcptTo;
import io.mailstream.lmtp.proto.MailAddress;
import io.mailstream.lmtp.proto.Replies;
import io.mailstream.lmtp.session.LmtpSession;
import io.mailstream.lmtp.session.SessionState;
import io.mailstream.store.api.StoreErrorCode;
import io.smallrye.mutiny.Uni;
import org.jboss.logging.Logger;

/**
 * RCPT TO (RFC 5321 4.1.1.3): resolves the recipient now, so unknown users are refused here
 * with 550 5.1.1 and only accepted recipients get a reply after the data (RFC 2033 4.2).
 */
public final class RcptHandler {
    private static final Logger LOG = Logger.getLogger(RcptHandler.class);

    private RcptHandler() {
    }

    public static Uni<Void> handle(RcptTo command, LmtpSession session) {
        if (!(session.state() instanceof SessionState.Transaction t)) {
            session.protocolError(Replies.badSequence("send MAIL first"), "bad_sequence");
            return LmtpSession.DONE;
        }
        if (t.chunks() != null) {
            session.protocolError(Replies.badSequence("RCPT after BDAT"), "bad_sequence");
            return LmtpSession.DONE;
        }
        int max = session.services().settings().maxRecipients();
        if (t.recipients().size() >= max) {
            // RFC 5321 4.5.3.1.10: 452 for too many recipients; the client retries them later.
            session.services().metrics().reject("too_many_recipients");
            session.transport().reply(Replies.tooManyRecipients(max));
            return LmtpSession.DONE;
        }
        MailAddress address = command.recipient();
        return session.onContext(session.services().resolver().resolve(address))
                .onItemOrFailure().invoke((rcpt, failure) -> {
                    if (failure == null) {
                        session.state(t.with(rcpt));
                        session.transport().reply(Replies.recipientOk(address));
                    } else if (StoreCalls.code(failure) == StoreErrorCode.NONEXISTENT) {
                        session.services().metrics().reject("unknown_user");
                        session.transport().reply(Replies.unknownUser(address));
                    } else {
                        LOG.debugf("RCPT <%s> deferred: %s", address, failure.getMessage());
                        session.services().metrics().reject("store_unavailable");
                        session.transport().reply(Replies.temporaryFailure(address));
                    }
                })
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
