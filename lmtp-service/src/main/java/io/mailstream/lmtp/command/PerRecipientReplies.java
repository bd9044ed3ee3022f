package io.mailstream.lmtp.command;

import io.mailstream.lmtp.delivery.MessageBuffer;
import io.mailstream.lmtp.delivery.Recipient;
import io.mailstream.lmtp.delivery.TraceHeaders;
import io.mailstream.lmtp.proto.Reply;
import io.mailstream.lmtp.session.LmtpSession;
import io.mailstream.lmtp.session.SessionState.Transaction;
import io.mailstream.lmtp.session.Transport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.ZonedDateTime;

/**
 * After the final dot or BDAT LAST: one delivery and one reply per successful RCPT, in RCPT order
 * (RFC 2033 4.2, 4.3), each reply sent as soon as that recipient is done (RFC 2033 5). One at a
 * time, so memory holds the content plus one recipient's copy. If the connection drops, the
 * remaining recipients are left undelivered: the client treats their missing replies as
 * temporary failures (RFC 2033 5) and retries them, instead of getting duplicates.
 */
final class PerRecipientReplies {
    private PerRecipientReplies() {
    }

    static Uni<Void> deliver(Transaction t, MessageBuffer message, LmtpSession session) {
        Transport transport = session.transport();
        TraceHeaders.Context trace = new TraceHeaders.Context(t.clientName(), transport.remoteAddress(),
                session.services().settings().hostname(), session.id(), transport.secure());
        ZonedDateTime now = ZonedDateTime.now();
        return Multi.createFrom().iterable(t.recipients())
                .onItem().transformToUniAndConcatenate(rcpt -> transport.closed() ? Uni.createFrom().nullItem()
                        : session.onContext(one(rcpt, t, message, trace, now, session)).invoke(transport::reply))
                .collect().last()
                .replaceWithVoid();
    }

    private static Uni<Reply> one(Recipient rcpt, Transaction t, MessageBuffer message, TraceHeaders.Context trace,
            ZonedDateTime now, LmtpSession session) {
        if (message.overflowed()) {
            return Uni.createFrom().item(session.services().deliverer().tooBig(rcpt.address()));
        }
        byte[] headers = TraceHeaders.build(trace, t.mail().sender(), rcpt.address(), now);
        byte[] bytes = new byte[headers.length + message.size()];
        System.arraycopy(headers, 0, bytes, 0, headers.length);
        System.arraycopy(message.array(), 0, bytes, headers.length, message.size());
        return session.services().deliverer().deliver(rcpt, bytes);
    }
}
