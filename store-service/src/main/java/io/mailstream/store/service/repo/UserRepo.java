package io.mailstream.store.service.repo;

import static com.mongodb.client.model.Filters.eq;
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
import java.util.Date;
import java.util.List;
import org.bson.Document;
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
     * Checks the quota (RFC 9208 STORAGE and MESSAGE) for {@code bytes}/{@code messages} more and
     * reserves them. The check and the increment are two steps, so concurrent appends may
     * overshoot a limit by a message or two; they never lose data.
     */
    public Uni<Void> reserve(String userId, long bytes, long messages) {
        return require(userId).onItem().transformToUni(u -> {
            if (u.quotaBytes() >= 0 && u.usedBytes() + bytes > u.quotaBytes()) {
                return Uni.createFrom().failure(new StoreException(StoreErrorCode.OVERQUOTA, "storage quota exceeded"));
            }
            if (u.quotaMessages() >= 0 && u.usedMessages() + messages > u.quotaMessages()) {
                return Uni.createFrom().failure(new StoreException(StoreErrorCode.OVERQUOTA, "message quota exceeded"));
            }
            return addUsage(userId, bytes, messages);
        });
    }

    static boolean duplicate(Throwable e) {
        return e instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
