package io.mailstream.store.service.ops;


import io.mailstream.store.api.AppendResult;
import io.mailstream.store.api.Flags;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.service.config.StoreSettings;
import io.mailstream.store.service.domain.MailboxNames;
import io.mailstream.store.service.domain.MailboxRecord;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.domain.SortDoc;
import io.mailstream.store.mime.sort.ObjectIds;
import io.mailstream.store.service.mime.StoredAnalysis;
import io.mailstream.store.service.repo.BlobRepo;
import io.mailstream.store.service.repo.MailboxRepo;
import io.mailstream.store.service.repo.UserRepo;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * APPEND (RFC 9051 6.3.12): limits, quota reservation, blob (idempotent, content-addressed),
 * then the message document under the mailbox lease. Durable before the Uni completes
 * (DESIGN.md invariant 7); any failure gives back the quota and the blob reference and removes
 * the document if it was written, so nothing is left behind.
 */
@ApplicationScoped
public class AppendOp {
    private final MailboxRepo mailboxes;
    private final UserRepo users;
    private final BlobRepo blobs;
    private final AppendBatcher batcher;
    private final StoreSettings settings;

    @Inject
    public AppendOp(MailboxRepo mailboxes, UserRepo users, BlobRepo blobs, AppendBatcher batcher,
            StoreSettings settings) {
        this.mailboxes = mailboxes;
        this.users = users;
        this.blobs = blobs;
        this.batcher = batcher;
        this.settings = settings;
    }

    /** An append whose internal date has no zone ({@code null}: now): +0000. */
    public Uni<AppendResult> append(String userId, String mailboxName, Set<String> rawFlags, Instant internalDate,
            byte[] message) {
        return appendAt(userId, mailboxName, rawFlags,
                internalDate == null ? null : internalDate.atOffset(ZoneOffset.UTC), message);
    }

    /** An append keeping the zone of the internal date (RFC 9051 2.3.3; {@code null}: now). */
    public Uni<AppendResult> appendAt(String userId, String mailboxName, Set<String> rawFlags,
            OffsetDateTime internalDate, byte[] message) {
        if (message == null || message.length == 0) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "empty message");
        }
        if (message.length > settings.maxMessageSize()) {
            throw new StoreException(StoreErrorCode.TOOBIG,
                    "message larger than " + settings.maxMessageSize() + " octets");
        }
        Set<String> flags = rawFlags == null ? Set.of() : Flags.canonical(rawFlags);
        String name = MailboxNames.normalize(mailboxName, StoreErrorCode.NONEXISTENT);
        OffsetDateTime date = internalDate == null ? OffsetDateTime.now(ZoneOffset.UTC) : internalDate;
        long size = message.length;
        return mailboxes.requireByName(userId, name).onItem().transformToUni(m -> users.reserve(userId, size, 1)
                // Quota reserved: from here on every failure gives it back.
                .onItem().transformToUni(x -> Uni.createFrom().item(() -> StoredAnalysis.of(message))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .onItem().transformToUni(a -> blobs.put(a.sha256(), message)
                                .onItem().transformToUni(y -> writeDocument(m, a, flags, date, size)
                                        .onFailure().call(f -> blobs.release(a.sha256(), 1))))
                        .onFailure().call(f -> users.addUsage(userId, -size, -1))));
    }

    private Uni<AppendResult> writeDocument(MailboxRecord target, StoredAnalysis a, Set<String> flags,
            OffsetDateTime date,
            long size) {
        return batcher.submit(target.userId(), target.id(), List.copyOf(flags),
                (m, uid, modSeq) -> messageDoc(m, uid, modSeq, a, flags, date, size));
    }

    /**
     * The message document of an append (public for the SORT/THREAD benchmark, which bulk-loads).
     * The internal date is kept as the instant, its zone offset in seconds (RFC 9051 2.3.3) and its
     * day in that zone (RFC 9051 6.4.4: SEARCH BEFORE/ON/SINCE compare that day, disregarding
     * time and timezone).
     */
    public static Document messageDoc(MailboxRecord m, long uid, long modSeq, StoredAnalysis a, Set<String> flags,
            OffsetDateTime date, long size) {
        String emailId = ObjectIds.emailId(a.sha256());
        Document d = new Document("_id", MessageDoc.id(m.id(), uid))
                .append(MessageDoc.MAILBOX_ID, m.id())
                .append(MessageDoc.USER_ID, m.userId())
                .append(MessageDoc.UID, uid)
                .append(MessageDoc.MODSEQ, modSeq)
                .append(MessageDoc.FLAGS, List.copyOf(flags))
                .append(MessageDoc.LFLAGS, MessageDoc.lower(flags))
                .append(MessageDoc.INTERNAL_DATE, Date.from(date.toInstant()))
                .append(MessageDoc.INTERNAL_DATE_OFFSET, date.getOffset().getTotalSeconds())
                .append(MessageDoc.INTERNAL_DAY, MessageDoc.day(date.toLocalDate()))
                .append(MessageDoc.SIZE, size)
                .append(MessageDoc.BLOB_ID, a.sha256())
                .append(MessageDoc.EMAIL_ID, emailId)
                .append(MessageDoc.THREAD_ID, ObjectIds.threadId(a.sort(), a.sha256()))
                .append(MessageDoc.ENVELOPE, a.envelopeJson())
                .append(MessageDoc.BODY_STRUCTURE, a.bodyStructureJson())
                .append(MessageDoc.PARTS, a.partsJson())
                .append(MessageDoc.SEARCH, a.searchJson());
        SortDoc.put(d, a.sort(), Date.from(date.toInstant()));
        return d;
    }
}
