package io.mailstream.lmtp.command;

import io.mailstream.lmtp.delivery.MessageBuffer;
import io.mailstream.lmtp.proto.LmtpCommand.Bdat;
import io.mailstream.lmtp.proto.Replies;
import io.mailstream.lmtp.session.Inbound;
import io.mailstream.lmtp.session.LmtpSession;
import io.mailstream.lmtp.session.SessionState;
import io.smallrye.mutiny.Uni;

/**
 * BDAT (RFC 3030 2, RFC 2033 4.3). The chunk follows the command line whatever the answer, so it
 * is always framed, and discarded when the command fails (RFC 3030 2: "MUST accept and discard
 * the associated message data before sending the appropriate 5XX or 4XX code").
 */
public final class BdatHandler {
    private BdatHandler() {
    }

    public static Uni<Void> start(Bdat command, LmtpSession session) {
        session.transport().expectChunk(command.size());
        if (!(session.state() instanceof SessionState.Transaction t)) {
            session.receive(new Inbound.Chunk(command, null, Replies.badSequence("send MAIL first")));
        } else if (t.recipients().isEmpty()) {
            // RFC 2033 4.3: BDAT LAST without a successful RCPT returns zero replies.
            session.receive(new Inbound.Chunk(command, null,
                    command.last() ? null : Replies.badSequence("no valid recipients")));
        } else {
            MessageBuffer buffer = t.chunks() != null ? t.chunks()
                    : new MessageBuffer(session.services().settings().maxMessageSize(), t.mail().declaredSize());
            session.state(t.withChunks(buffer));
            session.receive(new Inbound.Chunk(command, buffer, null));
        }
        return LmtpSession.DONE;
    }

    public static Uni<Void> finish(Inbound.Chunk chunk, LmtpSession session) {
        if (chunk.buffer() == null) {
            if (chunk.rejection() != null) {
                session.protocolError(chunk.rejection(), "bad_sequence");
            } else if (session.state() instanceof SessionState.Transaction t) {
                session.state(t.end());
            }
            return LmtpSession.DONE;
        }
        SessionState.Transaction t = (SessionState.Transaction) session.state();
        if (chunk.command().last()) {
            session.state(t.end());
            return PerRecipientReplies.deliver(t, chunk.buffer(), session);
        }
        if (chunk.buffer().overflowed()) {
            // RFC 1870 6.2 / RFC 3030 2: over the limit; later chunks are discarded the same way.
            session.services().metrics().reject("message_too_big");
            session.transport().reply(Replies.tooBig(null, chunk.buffer().limit()));
        } else {
            session.transport().reply(Replies.chunkReceived(chunk.command().size()));
        }
        return LmtpSession.DONE;
    }
}
