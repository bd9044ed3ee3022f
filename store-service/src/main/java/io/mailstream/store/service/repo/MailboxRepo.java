package io.mailstream.store.service.repo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Sorts;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.service.domain.MailboxRecord;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;

/** The {@code mailboxes} collection (reads and creation; writes to contents go through the lease). */
@ApplicationScoped
public class MailboxRepo {
    private final MongoCollections db;

    @Inject
    public MailboxRepo(MongoCollections db) {
        this.db = db;
    }

    /** Every mailbox of the user, \Noselect placeholders included, sorted by name. */
    public Uni<List<MailboxRecord>> list(String userId) {
        return db.mailboxes().find(eq(MailboxRecord.USER_ID, userId),
                        new FindOptions().sort(Sorts.ascending(MailboxRecord.NAME)))
                .map(MailboxRecord::from).collect().asList();
    }

    public Uni<MailboxRecord> byName(String userId, String name) {
        return db.mailboxes().find(and(eq(MailboxRecord.USER_ID, userId), eq(MailboxRecord.NAME, name)))
                .collect().first().map(d -> d == null ? null : MailboxRecord.from(d));
    }

    /** A selectable mailbox by name, or NONEXISTENT. */
    public Uni<MailboxRecord> requireByName(String userId, String name) {
        return byName(userId, name).map(m -> {
            if (m == null || m.noselect()) {
                throw new StoreException(StoreErrorCode.NONEXISTENT, "no such mailbox: " + name);
            }
            return m;
        });
    }

    /** A selectable mailbox of this user by id, or NONEXISTENT (another user's id included). */
    public Uni<MailboxRecord> requireById(String userId, String mailboxId) {
        // By _id alone (a primary-key lookup everywhere), the owner checked here.
        return db.mailboxes().find(eq("_id", mailboxId))
                .collect().first().map(d -> {
                    if (d == null || !java.util.Objects.equals(userId, d.getString(MailboxRecord.USER_ID))
                            || Boolean.TRUE.equals(d.getBoolean(MailboxRecord.NOSELECT))) {
                        throw new StoreException(StoreErrorCode.NONEXISTENT, "no such mailbox");
                    }
                    return MailboxRecord.from(d);
                });
    }

    /** Inserts a new empty mailbox; ALREADYEXISTS if the name is taken (unique index). */
    public Uni<MailboxRecord> insert(String userId, String name, Set<String> specialUse, long uidValidity) {
        Document d = new Document("_id", new ObjectId().toHexString())
                .append(MailboxRecord.USER_ID, userId)
                .append(MailboxRecord.NAME, name)
                .append(MailboxRecord.SPECIAL_USE, List.copyOf(specialUse))
                .append(MailboxRecord.NOSELECT, false)
                .append(MailboxRecord.UID_VALIDITY, uidValidity)
                .append(MailboxRecord.UID_NEXT, 1L)
                // RFC 7162 3.1.1: HIGHESTMODSEQ is positive, also for an empty mailbox.
                .append(MailboxRecord.MOD_SEQ, 1L)
                .append(MailboxRecord.STABLE_MOD_SEQ, 1L)
                .append(MailboxRecord.STABLE_UID_NEXT, 1L)
                .append(MailboxRecord.RECENT_UID, 1L)
                .append(MailboxRecord.PURGED_MOD_SEQ, 0L)
                .append("lease", new Document("owner", null).append("until", MailboxLeases.RELEASED)
                        .append("token", 0L))
                .append("createdAt", new Date());
        return db.mailboxes().insertOne(d).map(r -> MailboxRecord.from(d))
                .onFailure(MongoWriteException.class).transform(e -> UserRepo.duplicate(e)
                        ? new StoreException(StoreErrorCode.ALREADYEXISTS, "mailbox exists: " + name) : e);
    }
}
