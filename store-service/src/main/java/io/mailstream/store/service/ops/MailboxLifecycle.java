package io.mailstream.store.service.ops;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.model.Sorts;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.service.domain.MailboxNames;
import io.mailstream.store.service.domain.MailboxRecord;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.events.EventPublisher;
import io.mailstream.store.service.repo.MailboxRepo;
import io.mailstream.store.service.repo.MongoCollections;
import io.mailstream.sync.MailboxEvent;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.bson.Document;

/** DELETE (RFC 9051 6.3.9) and RENAME (RFC 9051 6.3.10). */
@ApplicationScoped
public class MailboxLifecycle {
    private final MongoCollections db;
    private final MailboxRepo mailboxes;
    private final MailboxOps mailboxOps;
    private final MailboxWriter writer;
    private final ExpungeOps expunge;
    private final CopyMoveOps copyMove;
    private final EventPublisher events;

    @Inject
    public MailboxLifecycle(MongoCollections db, MailboxRepo mailboxes, MailboxOps mailboxOps, MailboxWriter writer,
            ExpungeOps expunge, CopyMoveOps copyMove, EventPublisher events) {
        this.db = db;
        this.mailboxes = mailboxes;
        this.mailboxOps = mailboxOps;
        this.writer = writer;
        this.expunge = expunge;
        this.copyMove = copyMove;
        this.events = events;
    }

    /**
     * RFC 9051 6.3.9: a mailbox with children loses its messages and becomes \Noselect; one
     * without is removed; a \Noselect name with children cannot be deleted; INBOX never.
     */
    public Uni<Void> delete(String userId, String rawName) {
        String name = MailboxNames.normalize(rawName, StoreErrorCode.NONEXISTENT);
        if (MailboxNames.isInbox(name)) {
            throw new StoreException(StoreErrorCode.CANNOT, "INBOX cannot be deleted");
        }
        return mailboxOps.withDescendants(userId, name).onItem().transformToUni(family -> {
            MailboxRecord target = family.stream().filter(m -> m.name().equals(name)).findFirst()
                    .orElseThrow(() -> new StoreException(StoreErrorCode.NONEXISTENT, "no such mailbox: " + name));
            boolean hasChildren = family.size() > 1;
            if (target.noselect()) {
                if (hasChildren) {
                    throw new StoreException(StoreErrorCode.CANNOT,
                            "a \\Noselect mailbox with children cannot be deleted");
                }
                return db.mailboxes().deleteOne(and(eq("_id", target.id()), eq(MailboxRecord.NOSELECT, true)))
                        .replaceWithVoid();
            }
            return writer.write(userId, target.id(), ctx -> {
                Uni<?> flip = hasChildren
                        ? db.mailboxes().updateOne(eq("_id", target.id()), set(MailboxRecord.NOSELECT, true))
                        : db.mailboxes().deleteOne(eq("_id", target.id()));
                return flip.onItem().transformToUni(x -> removeAll(target))
                        .invoke(x -> events.publish(MailboxEvent.MailboxDeleted.of(userId, target.id(),
                                ctx.mailbox().stableModSeq(), name, hasChildren)));
            }).replaceWithVoid();
        });
    }

    /** Every message and tombstone of a mailbox that is going away. */
    Uni<Void> removeAll(MailboxRecord m) {
        return db.messages().find(eq(MessageDoc.MAILBOX_ID, m.id()), new FindOptions()
                        .projection(new Document(MessageDoc.UID, 1).append(MessageDoc.BLOB_ID, 1)
                                .append(MessageDoc.SIZE, 1)).sort(Sorts.ascending(MessageDoc.UID)).batchSize(1000))
                .collect().asList()
                .onItem().transformToUni(docs -> expunge.deleteMessages(m.id(), m.userId(), docs))
                .onItem().transformToUni(x -> db.tombstones().deleteMany(eq("mailboxId", m.id())))
                .onItem().transformToUni(x -> db.changes().deleteMany(eq("mailboxId", m.id())))
                .replaceWithVoid();
    }

    /**
     * RFC 9051 6.3.10: children move with the mailbox and missing parents of the new name are
     * created; renaming INBOX moves its messages to a new mailbox and leaves INBOX empty.
     */
    public Uni<Void> rename(String userId, String rawFrom, String rawTo) {
        String from = MailboxNames.normalize(rawFrom, StoreErrorCode.NONEXISTENT);
        String to = MailboxNames.normalize(rawTo, StoreErrorCode.CANNOT);
        if (MailboxNames.isInbox(to) || to.startsWith(MailboxNames.childPrefix(from)) || to.equals(from)) {
            throw new StoreException(StoreErrorCode.CANNOT, "cannot rename " + from + " to " + to);
        }
        return mailboxes.byName(userId, to).onItem().transformToUni(existing -> {
            if (existing != null) {
                throw new StoreException(StoreErrorCode.ALREADYEXISTS, "mailbox exists: " + to);
            }
            return MailboxNames.isInbox(from) ? renameInbox(userId, to) : renameTree(userId, from, to);
        });
    }

    private Uni<Void> renameInbox(String userId, String to) {
        return mailboxes.requireByName(userId, MailboxNames.INBOX).onItem().transformToUni(inbox -> mailboxOps
                .create(userId, to, Set.of())
                .onItem().transformToUni(created -> db.messages().find(eq(MessageDoc.MAILBOX_ID, inbox.id()),
                                new FindOptions().projection(new Document(MessageDoc.UID, 1)))
                        .map(MessageDoc::uid).collect().asList())
                .onItem().transformToUni(uids -> uids.isEmpty() ? Uni.createFrom().voidItem()
                        : copyMove.move(userId, inbox.id(), UidSet.ofAll(uids), to).replaceWithVoid()));
    }

    private Uni<Void> renameTree(String userId, String from, String to) {
        return mailboxOps.withDescendants(userId, from).onItem().transformToUni(family -> {
            if (family.stream().noneMatch(m -> m.name().equals(from))) {
                throw new StoreException(StoreErrorCode.NONEXISTENT, "no such mailbox: " + from);
            }
            return mailboxOps.ensureParents(userId, to).onItem().transformToUni(x -> Multi.createFrom()
                    .iterable(family)
                    .onItem().transformToUniAndConcatenate(m -> {
                        String newName = to + m.name().substring(from.length());
                        return db.mailboxes().updateOne(eq("_id", m.id()), set(MailboxRecord.NAME, newName))
                                .invoke(r -> events.publish(MailboxEvent.MailboxRenamed.of(userId, m.id(),
                                        m.stableModSeq(), m.name(), newName)));
                    })
                    .collect().asList().replaceWithVoid());
        });
    }
}
