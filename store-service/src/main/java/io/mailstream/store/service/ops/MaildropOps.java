package io.mailstream.store.service.ops;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.model.Sorts;
import io.mailstream.store.api.Maildrop;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.service.domain.Docs;
import io.mailstream.store.service.domain.MailboxNames;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.domain.UserRecord;
import io.mailstream.store.service.repo.MailboxLeases;
import io.mailstream.store.service.repo.MailboxRepo;
import io.mailstream.store.service.repo.MongoCollections;
import io.mailstream.store.service.repo.UidFilters;
import io.mailstream.store.service.repo.UserRepo;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;

/**
 * The POP3 maildrop lock (RFC 1939 8, DESIGN.md invariant 6) as a lease on the user document:
 * taken when free, expired or already held by the same owner; INUSE otherwise. The listing is
 * INBOX at the moment the lock is taken; UIDL is {@code uidValidity.uid}, stable across sessions.
 */
@ApplicationScoped
public class MaildropOps {
    private static final Duration MAX_TTL = Duration.ofHours(1);
    private final MongoCollections db;
    private final MailboxRepo mailboxes;
    private final UserRepo users;

    @Inject
    public MaildropOps(MongoCollections db, MailboxRepo mailboxes, UserRepo users) {
        this.db = db;
        this.mailboxes = mailboxes;
        this.users = users;
    }

    public Uni<Maildrop> open(String userId, String owner, Duration ttl) {
        Date until = until(owner, ttl);
        Date now = new Date();
        return db.users().updateOne(
                        and(eq("_id", userId),
                                or(lt(UserRecord.MAILDROP_UNTIL, now), eq(UserRecord.MAILDROP_OWNER, owner))),
                        combine(set(UserRecord.MAILDROP_OWNER, owner), set(UserRecord.MAILDROP_UNTIL, until)))
                .onItem().transformToUni(r -> r.getMatchedCount() > 0 ? listing(userId)
                        : users.require(userId).onItem().transformToUni(u -> Uni.createFrom().failure(
                                new StoreException(StoreErrorCode.INUSE, "maildrop is locked by another session"))));
    }

    private Uni<Maildrop> listing(String userId) {
        return mailboxes.requireByName(userId, MailboxNames.INBOX).onItem().transformToUni(m -> db.messages()
                .find(UidFilters.of(m.id(), null, m.stableUidNext()), new FindOptions()
                        .projection(new Document(MessageDoc.UID, 1).append(MessageDoc.SIZE, 1))
                        .sort(Sorts.ascending(MessageDoc.UID)).batchSize(2000))
                .map(d -> new Maildrop.Entry(MessageDoc.uid(d), Docs.getLong(d, MessageDoc.SIZE, 0),
                        m.uidValidity() + "." + MessageDoc.uid(d)))
                .collect().asList()
                .map(entries -> new Maildrop(m.id(), m.uidValidity(), entries)));
    }

    public Uni<Void> renew(String userId, String owner, Duration ttl) {
        Date until = until(owner, ttl);
        return db.users().updateOne(and(eq("_id", userId), eq(UserRecord.MAILDROP_OWNER, owner)),
                        set(UserRecord.MAILDROP_UNTIL, until))
                .map(r -> {
                    if (r.getMatchedCount() == 0) {
                        throw new StoreException(StoreErrorCode.INUSE, "maildrop lock lost");
                    }
                    return null;
                });
    }

    public Uni<Void> close(String userId, String owner) {
        if (owner == null || owner.isEmpty()) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "missing owner");
        }
        return db.users().updateOne(and(eq("_id", userId), eq(UserRecord.MAILDROP_OWNER, owner)),
                        combine(set(UserRecord.MAILDROP_OWNER, null), set(UserRecord.MAILDROP_UNTIL,
                                MailboxLeases.RELEASED)))
                .replaceWithVoid();
    }

    private static Date until(String owner, Duration ttl) {
        if (owner == null || owner.isEmpty() || owner.length() > 200) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "owner must be 1-200 characters");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "ttl must be between 0 and 1 hour");
        }
        return new Date(System.currentTimeMillis() + ttl.toMillis());
    }
}
