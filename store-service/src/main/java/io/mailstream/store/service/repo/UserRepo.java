package io.mailstream.store.service.repo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.service.domain.Docs;
import io.mailstream.store.service.domain.UserRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/** The {@code users} collection. */
@ApplicationScoped
public class UserRepo {
    private final MongoCollections db;

    @Inject
    public UserRepo(MongoCollections db) {
        this.db = db;
    }

    public Uni<UserRecord> insert(String username, String passwordHash, long quotaBytes, long quotaMessages) {
        Date now = new Date();
        Document d = new Document("_id", new ObjectId().toHexString())
                .append(UserRecord.USERNAME, username)
                .append(UserRecord.PASSWORD_HASH, passwordHash)
                .append(UserRecord.QUOTA_BYTES, quotaBytes)
                .append(UserRecord.QUOTA_MESSAGES, quotaMessages)
                .append(UserRecord.USED_BYTES, 0L)
                .append(UserRecord.USED_MESSAGES, 0L)
                .append(UserRecord.UID_VALIDITY_SEQ, now.getTime() / 1000)
                .append(UserRecord.SUBSCRIPTIONS, List.of())
                .append("maildrop", new Document("owner", null).append("until", MailboxLeases.RELEASED))
                .append(UserRecord.CREATED_AT, now);
        return db.users().insertOne(d).map(r -> UserRecord.from(d))
                .onFailure(MongoWriteException.class).transform(e -> duplicate(e)
                        ? new StoreException(StoreErrorCode.ALREADYEXISTS, "user exists") : e);
    }

    public Uni<UserRecord> byId(String userId) {
        return db.users().find(eq("_id", userId)).collect().first()
                .map(d -> d == null ? null : UserRecord.from(d));
    }

    /** The user or NONEXISTENT. */
    public Uni<UserRecord> require(String userId) {
        return byId(userId).onItem().ifNull()
                .failWith(() -> new StoreException(StoreErrorCode.NONEXISTENT, "no such user"));
    }

    public Uni<UserRecord> byUsername(String canonicalUsername) {
        return db.users().find(eq(UserRecord.USERNAME, canonicalUsername)).collect().first()
                .map(d -> d == null ? null : UserRecord.from(d));
    }

    /** Next uidValidity for one of the user's mailboxes: strictly increasing per user (RFC 9051 2.3.1.1). */
    public Uni<Long> nextUidValidity(String userId) {
        return db.users().findOneAndUpdate(eq("_id", userId), inc(UserRecord.UID_VALIDITY_SEQ, 1L),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))
                .onItem().ifNull().failWith(() -> new StoreException(StoreErrorCode.NONEXISTENT, "no such user"))
                .map(d -> Docs.getLong(d, UserRecord.UID_VALIDITY_SEQ, 1) & 0xFFFFFFFFL);
    }

    /** Adjusts usage counters (negative to give back). */
    public Uni<Void> addUsage(String userId, long bytes, long messages) {
        if (bytes == 0 && messages == 0) {
            return Uni.createFrom().voidItem();
        }
        return db.users().updateOne(eq("_id", userId),
                        com.mongodb.client.model.Updates.combine(inc(UserRecord.USED_BYTES, bytes),
                                inc(UserRecord.USED_MESSAGES, messages)))
                .replaceWithVoid();
    }

    /**
     * Reserves {@code bytes}/{@code messages} more of the user's quota (RFC 9208 STORAGE and
     * MESSAGE) or fails with OVERQUOTA. The check and the increment are one atomic conditional
     * update of the user document: {@code $inc} only where {@code usedBytes <= quotaBytes - bytes}
     * (and the same for messages), with the limits read just before as part of the condition.
     * So concurrent reservations never pass a limit together. If the limits changed in between
     * (an admin set the quota), the update matches nothing and the reservation is retried with
     * the new limits. Callers give a reservation back ({@link #addUsage} negative) on any failure.
     */
    public Uni<Void> reserve(String userId, long bytes, long messages) {
        return reserve(userId, bytes, messages, RESERVE_ATTEMPTS);
    }

    private static final int RESERVE_ATTEMPTS = 5;

    private Uni<Void> reserve(String userId, long bytes, long messages, int attempts) {
        return require(userId).onItem().transformToUni(u -> {
            if (u.quotaBytes() >= 0 && u.usedBytes() + bytes > u.quotaBytes()) {
                return Uni.createFrom().failure(new StoreException(StoreErrorCode.OVERQUOTA, "storage quota exceeded"));
            }
            if (u.quotaMessages() >= 0 && u.usedMessages() + messages > u.quotaMessages()) {
                return Uni.createFrom().failure(new StoreException(StoreErrorCode.OVERQUOTA, "message quota exceeded"));
            }
            List<Bson> cond = new ArrayList<>(List.of(eq("_id", userId),
                    limit(UserRecord.QUOTA_BYTES, UserRecord.USED_BYTES, u.quotaBytes(), bytes),
                    limit(UserRecord.QUOTA_MESSAGES, UserRecord.USED_MESSAGES, u.quotaMessages(), messages)));
            return db.users().updateOne(and(cond), combine(inc(UserRecord.USED_BYTES, bytes),
                            inc(UserRecord.USED_MESSAGES, messages)))
                    .onItem().transformToUni(r -> {
                        if (r.getMatchedCount() > 0) {
                            return Uni.createFrom().voidItem();
                        }
                        // Usage passed the limit since the read (the re-read says OVERQUOTA) or the limits changed.
                        if (attempts <= 1) {
                            return Uni.createFrom().failure(
                                    new StoreException(StoreErrorCode.UNAVAILABLE, "quota changing, try again"));
                        }
                        return reserve(userId, bytes, messages, attempts - 1);
                    });
        });
    }

    /** The limit is still {@code quota} and, if limited, {@code used + more <= quota}. */
    private static Bson limit(String quotaField, String usedField, long quota, long more) {
        if (quota < 0) {
            return or(lt(quotaField, 0L), exists(quotaField, false));
        }
        return and(eq(quotaField, quota), lte(usedField, quota - more));
    }

    static boolean duplicate(Throwable e) {
        return e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
