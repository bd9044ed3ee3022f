package io.mailstream.lmtp.command;

import io.mailstream.lmtp.proto.LmtpCommand.MailFrom;
import io.mailstream.lmtp.proto.Replies;
import io.mailstream.lmtp.session.LmtpSession;
import io.mailstream.lmtp.session.SessionState;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** MAIL FROM (RFC 5321 4.1.1.2): starts a mail transaction. */
public final class MailHandler {
    private MailHandler() {
    }

    public static Uni<Void> handle(MailFrom command, LmtpSession session) {
        SessionState state = session.state();
        if (state instanceof SessionState.Initial) {
            session.protocolError(Replies.badSequence("send LHLO first"), "bad_sequence");
        } else if (state instanceof SessionState.Transaction) {
            // RFC 5321 4.1.4: MAIL inside a transaction is a sequence error.
            session.protocolError(Replies.badSequence("nested MAIL command"), "bad_sequence");
        } else if (command.declaredSize() > session.services().settings().maxMessageSize()) {
            // RFC 1870 6.1: the declared size exceeds the fixed maximum: 552 on MAIL.
            session.services().metrics().reject("message_too_big");
            session.transport().reply(Replies.sizeExceedsLimit(session.services().settings().maxMessageSize()));
        } else {
            String client = ((SessionState.Ready) state).clientName();
            session.state(new SessionState.Transaction(client, command, List.of(), null));
            session.transport().reply(Replies.senderOk(command.sender()));
        }
        return LmtpSession.DONE;
    }
}
