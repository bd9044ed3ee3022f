package io.mailstream.lmtp.delivery;

import io.mailstream.lmtp.LmtpMetrics;
import io.mailstream.lmtp.LmtpMetrics.Outcome;
import io.mailstream.lmtp.LmtpSettings;
import io.mailstream.lmtp.proto.MailAddress;
import io.mailstream.lmtp.proto.Replies;
import io.mailstream.lmtp.proto.Reply;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.StoreErrorCode;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Stores one message for one recipient and turns the outcome into that recipient's reply
 * (RFC 2033 4.2). The store's append is durable before it completes, so a 250 here means the
 * message is safe (RFC 2033 4.2: "MUST NOT lose the message for frivolous reasons").
 */
public final class Deliverer {
    private static final Logger LOG = Logger.getLogger(Deliverer.class);

    private final MailStore store;
    private final LmtpMetrics metrics;
    private final Duration timeout;
    private final long maxMessageSize;

    public Deliverer(MailStore store, LmtpSettings settings, LmtpMetrics metrics) {
        this.store = store;
        this.metrics = metrics;
        this.timeout = settings.storeTimeout();
        this.maxMessageSize = settings.maxMessageSize();
    }

    /** Never fails: every outcome is a reply. {@code message} is trace headers plus content. */
    public Uni<Reply> deliver(Recipient rcpt, byte[] message) {
        return append(rcpt, rcpt.mailbox(), message)
                .onFailure(t -> StoreCalls.code(t) == StoreErrorCode.NONEXISTENT && !"INBOX".equals(rcpt.mailbox()))
                // The +detail mailbox went away since RCPT: deliver to INBOX instead.
                .recoverWithUni(() -> append(rcpt, "INBOX", message))
                .map(ok -> {
                    metrics.delivery(Outcome.DELIVERED, message.length);
                    return Replies.delivered(rcpt.address());
                })
                .onFailure().recoverWithItem(t -> failure(rcpt.address(), t));
    }

    private Uni<Void> append(Recipient rcpt, String mailbox, byte[] message) {
        return StoreCalls.guard(store.append(rcpt.user().userId(), mailbox, Set.of(), null, message), timeout)
                .replaceWithVoid();
    }

    /** The reply when the message was over the size limit: no store call at all. */
    public Reply tooBig(MailAddress rcpt) {
        metrics.delivery(Outcome.REJECTED, 0);
        metrics.reject("message_too_big");
        return Replies.tooBig(rcpt, maxMessageSize);
    }

    private Reply failure(MailAddress rcpt, Throwable t) {
        StoreErrorCode code = StoreCalls.code(t);
        switch (code) {
            case OVERQUOTA:
                metrics.delivery(Outcome.REJECTED, 0);
                metrics.reject("over_quota");
                return Replies.overQuota(rcpt);
            case TOOBIG:
                return tooBig(rcpt);
            case NONEXISTENT:
                // The account was removed between RCPT and the end of the data.
                metrics.delivery(Outcome.REJECTED, 0);
                metrics.reject("unknown_user");
                return Replies.unknownUser(rcpt);
            default:
                if (code == StoreErrorCode.SERVERBUG) {
                    LOG.warnf(t, "delivery to <%s> failed", rcpt);
                } else {
                    LOG.debugf("delivery to <%s> deferred: %s %s", rcpt, code, t.getMessage());
                }
                metrics.delivery(Outcome.DEFERRED, 0);
                metrics.reject("store_unavailable");
                return Replies.temporaryFailure(rcpt);
        }
    }
}
