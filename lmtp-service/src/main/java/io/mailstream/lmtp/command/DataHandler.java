package io.mailstream.lmtp.command;

import io.mailstream.lmtp.delivery.MessageBuffer;
import io.mailstream.lmtp.proto.LmtpCommand.BodyType;
import io.mailstream.lmtp.proto.Replies;
import io.mailstream.lmtp.session.Inbound;
import io.mailstream.lmtp.session.LmtpSession;
import io.mailstream.lmtp.session.SessionState;
import io.smallrye.mutiny.Uni;

/** DATA (RFC 5321 4.1.1.4 with RFC 2033 4.2): 354, the dot-terminated content, one reply per recipient. */
public final class DataHandler {
    private DataHandler() {
    }

    public static Uni<Void> start(LmtpSession session) {
        if (!(session.state() instanceof SessionState.Transaction t)) {
            session.protocolError(Replies.badSequence("send MAIL first"), "bad_sequence");
        } else if (t.chunks() != null) {
            // RFC 3030 2: DATA and BDAT cannot be mixed in one transaction.
            session.protocolError(Replies.badSequence("DATA after BDAT"), "bad_sequence");
        } else if (t.mail().body() == BodyType.BINARY_MIME) {
            // RFC 3030 3: BINARYMIME content can only come in BDAT chunks.
            session.protocolError(Replies.badSequence("BODY=BINARYMIME requires BDAT"), "bad_sequence");
        } else if (t.recipients().isEmpty()) {
            // RFC 2033 4.2: with no successful RCPT, DATA MUST fail with 503.
            session.protocolError(Replies.badSequence("no valid recipients"), "bad_sequence");
        } else {
            session.receive(new Inbound.Data(new MessageBuffer(session.services().settings().maxMessageSize(),
                    t.mail().declaredSize())));
            session.transport().expectData();
            session.transport().reply(Replies.startData());
        }
        return LmtpSession.DONE;
    }

    /** After the final dot. */
    public static Uni<Void> finish(Inbound.Data data, LmtpSession session) {
        SessionState.Transaction t = (SessionState.Transaction) session.state();
        // RFC 5321 4.1.1.4: the end of data ends the transaction, whatever the outcome.
        session.state(t.end());
        return PerRecipientReplies.deliver(t, data.buffer(), session);
    }
}
