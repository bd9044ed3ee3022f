package io.mailstream.store.service.ops;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.model.Sorts;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.service.config.StoreSettings;
import io.mailstream.store.service.domain.UserRecord;
import io.mailstream.store.service.domain.Users;
import io.mailstream.store.service.events.EventPublisher;
import io.mailstream.store.service.repo.MailboxRepo;
import io.mailstream.store.service.repo.MongoCollections;
import io.mailstream.store.service.repo.UserRepo;
import io.mailstream.sync.MailboxEvent;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** User management behind the admin REST API. */
@ApplicationScoped
public class UserAdmin {
    private final MongoCollections db;
    private final UserRepo users;
    private final MailboxRepo mailboxes;
    private final MailboxOps mailboxOps;
    private final MailboxLifecycle lifecycle;
    private final Passwords passwords;
    private final StoreSettings settings;
    private final EventPublisher events;

    @Inject
    public UserAdmin(MongoCollections db, UserRepo users, MailboxRepo mailboxes, MailboxOps mailboxOps,
            MailboxLifecycle lifecycle, Passwords passwords, StoreSettings settings, EventPublisher events) {
        this.db = db;
        this.users = users;
        this.mailboxes = mailboxes;
        this.mailboxOps = mailboxOps;
        this.lifecycle = lifecycle;
        this.passwords = passwords;
        this.settings = settings;
        this.events = events;
    }

    /** Creates the user and INBOX, Drafts, Sent, Trash, Junk, Archive (RFC 6154 special-use). */
    public Uni<UserRecord> create(String username, String password, Long quotaBytes, Long quotaMessages) {
        String name = Users.canonicalUsername(username);
        checkPassword(password);
        long qb = quotaBytes != null ? checkQuota(quotaBytes) : settings.defaultQuotaBytes();
        long qm = quotaMessages != null ? checkQuota(quotaMessages) : settings.defaultQuotaMessages();
        return passwords.hash(password)
                .onItem().transformToUni(hash -> users.insert(name, hash, qb, qm))
                .call(u -> Multi.createFrom().iterable(Users.DEFAULT_MAILBOXES)
                        .onItem().transformToUniAndConcatenate(
                                d -> mailboxOps.createOne(u.id(), d.name(), d.specialUse()))
                        .collect().last());
    }

    public Uni<List<UserRecord>> list() {
        return db.users().find(new org.bson.Document(), new FindOptions().sort(Sorts.ascending(UserRecord.USERNAME)))
                .map(UserRecord::from).collect().asList();
    }

    public Uni<UserRecord> get(String username) {
        return users.byUsername(Users.canonicalUsername(username)).onItem().ifNull()
                .failWith(() -> new StoreException(StoreErrorCode.NONEXISTENT, "no such user"));
    }

    /** Deletes the user, every mailbox and message (blob references given back). */
    public Uni<Void> delete(String username) {
        return get(username).onItem().transformToUni(u -> mailboxes.list(u.id())
                .onItem().transformToUni(all -> Multi.createFrom().iterable(all)
                        .onItem().transformToUniAndConcatenate(m -> lifecycle.removeAll(m)
                                .onItem().transformToUni(x -> db.mailboxes().deleteOne(eq("_id", m.id())))
                                .invoke(x -> events.publish(MailboxEvent.MailboxDeleted.of(u.id(), m.id(),
                                        m.stableModSeq(), m.name(), false))))
                        .collect().last())
                .onItem().transformToUni(x -> db.users().deleteOne(eq("_id", u.id())))
                .replaceWithVoid());
    }

    public Uni<Void> setPassword(String username, String password) {
        checkPassword(password);
        return get(username).onItem().transformToUni(u -> passwords.hash(password)
                .onItem().transformToUni(h -> db.users().updateOne(eq("_id", u.id()),
                        set(UserRecord.PASSWORD_HASH, h))))
                .replaceWithVoid();
    }

    public Uni<UserRecord> setQuota(String username, Long quotaBytes, Long quotaMessages) {
        return get(username).onItem().transformToUni(u -> db.users().updateOne(eq("_id", u.id()),
                        com.mongodb.client.model.Updates.combine(
                                set(UserRecord.QUOTA_BYTES,
                                        quotaBytes != null ? checkQuota(quotaBytes) : u.quotaBytes()),
                                set(UserRecord.QUOTA_MESSAGES,
                                        quotaMessages != null ? checkQuota(quotaMessages) : u.quotaMessages())))
                .onItem().transformToUni(r -> users.require(u.id())));
    }

    private static void checkPassword(String password) {
        if (password == null || password.isEmpty() || password.length() > UserOps.MAX_PASSWORD) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "password must be 1-" + UserOps.MAX_PASSWORD
                    + " characters");
        }
    }

    private static long checkQuota(long q) {
        if (q < -1) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "quota must be -1 (unlimited) or more");
        }
        return q;
    }
}
