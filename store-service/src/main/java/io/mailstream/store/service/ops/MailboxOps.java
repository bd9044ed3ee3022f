package io.mailstream.store.service.ops;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;

import io.mailstream.store.api.MailboxInfo;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.service.domain.MailboxNames;
import io.mailstream.store.service.domain.MailboxRecord;
import io.mailstream.store.service.domain.UserRecord;
import io.mailstream.store.service.domain.Users;
import io.mailstream.store.service.events.EventPublisher;
import io.mailstream.store.service.repo.MailboxRepo;
import io.mailstream.store.service.repo.MongoCollections;
import io.mailstream.store.service.repo.UserRepo;
import io.mailstream.sync.MailboxEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/** LIST, CREATE and SUBSCRIBE (RFC 9051 6.3.4, 6.3.7-6.3.9). */
@ApplicationScoped
public class MailboxOps {
    private final MongoCollections db;
    private final MailboxRepo mailboxes;
    private final UserRepo users;
    private final EventPublisher events;

    @Inject
    public MailboxOps(MongoCollections db, MailboxRepo mailboxes, UserRepo users, EventPublisher events) {
        this.db = db;
        this.mailboxes = mailboxes;
        this.users = users;
        this.events = events;
    }

    public Uni<List<MailboxInfo>> list(String userId) {
        return users.require(userId).onItem().transformToUni(u -> subscriptions(userId).onItem()
                .transformToUni(subs -> mailboxes.list(userId).map(all -> {
                    Set<String> parents = new HashSet<>();
                    for (MailboxRecord m : all) {
                        parents.addAll(MailboxNames.parents(m.name()));
                    }
                    List<MailboxInfo> out = new ArrayList<>(all.size());
                    for (MailboxRecord m : all) {
                        out.add(info(m, subs.contains(m.name()), parents.contains(m.name())));
                    }
                    return out;
                })));
    }

    static MailboxInfo info(MailboxRecord m, boolean subscribed, boolean hasChildren) {
        return new MailboxInfo(m.id(), m.name(), m.specialUse(), subscribed, hasChildren, m.noselect(),
                m.uidValidity());
    }

    /** Every subscribed name, sorted, existing or not (RFC 9051 6.3.7). */
    public Uni<List<String>> listSubscriptions(String userId) {
        return users.require(userId).onItem().transformToUni(u -> subscriptions(userId))
                .map(s -> s.stream().sorted().toList());
    }

    Uni<Set<String>> subscriptions(String userId) {
        return db.users().find(eq("_id", userId)).collect().first().map(d -> d == null ? Set.<String>of()
                : new HashSet<>(d.getList(UserRecord.SUBSCRIPTIONS, String.class, List.of())));
    }

    /** RFC 9051 6.3.4: creates missing parents too; a \Noselect placeholder becomes selectable. */
    public Uni<MailboxInfo> create(String userId, String rawName, Set<String> specialUse) {
        String name;
        Set<String> uses;
        try {
            name = MailboxNames.normalize(rawName, StoreErrorCode.CANNOT);
            uses = Users.specialUse(specialUse);
        } catch (StoreException e) {
            return Uni.createFrom().failure(e);
        }
        return users.require(userId)
                .onItem().transformToUni(u -> ensureParents(userId, name))
                .onItem().transformToUni(x -> mailboxes.byName(userId, name))
                .onItem().transformToUni(existing -> {
                    if (existing == null) {
                        return createOne(userId, name, uses);
                    }
                    if (!existing.noselect()) {
                        return Uni.createFrom().failure(
                                new StoreException(StoreErrorCode.ALREADYEXISTS, "mailbox exists: " + name));
                    }
                    return reviveNoselect(existing, uses);
                })
                .onItem().transformToUni(m -> subscriptions(userId).map(s -> info(m, s.contains(m.name()), false)));
    }

    /** Creates the missing ancestors of {@code name} as ordinary mailboxes. */
    Uni<Void> ensureParents(String userId, String name) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String parent : MailboxNames.parents(name)) {
            chain = chain.onItem().transformToUni(x -> mailboxes.byName(userId, parent))
                    .onItem().transformToUni(p -> p != null ? Uni.createFrom().voidItem()
                            : createOne(userId, parent, Set.of()).replaceWithVoid()
                                    // Someone else created it meanwhile: fine.
                                    .onFailure(e -> e instanceof StoreException s
                                            && s.code() == StoreErrorCode.ALREADYEXISTS).recoverWithNull());
        }
        return chain;
    }

    Uni<MailboxRecord> createOne(String userId, String name, Set<String> specialUse) {
        return users.nextUidValidity(userId)
                .onItem().transformToUni(v -> mailboxes.insert(userId, name, specialUse, v))
                .invoke(m -> events.publish(MailboxEvent.MailboxCreated.of(userId, m.id(), m.stableModSeq(), name)));
    }

    private Uni<MailboxRecord> reviveNoselect(MailboxRecord m, Set<String> uses) {
        return db.mailboxes().updateOne(and(eq("_id", m.id()), eq(MailboxRecord.NOSELECT, true)),
                        combine(set(MailboxRecord.NOSELECT, false), set(MailboxRecord.SPECIAL_USE, List.copyOf(uses))))
                .map(r -> {
                    if (r.getModifiedCount() == 0) {
                        throw new StoreException(StoreErrorCode.ALREADYEXISTS, "mailbox exists: " + m.name());
                    }
                    return m;
                })
                .onItem().transformToUni(x -> mailboxes.byName(m.userId(), m.name()))
                .invoke(r -> events.publish(MailboxEvent.MailboxCreated.of(r.userId(), r.id(), r.stableModSeq(),
                        r.name())));
    }

    /** RFC 9051 6.3.7/6.3.8: a name need not exist to be subscribed. */
    public Uni<Void> setSubscribed(String userId, String rawName, boolean subscribed) {
        String name;
        try {
            name = MailboxNames.normalize(rawName, StoreErrorCode.BADREQUEST);
        } catch (StoreException e) {
            return Uni.createFrom().failure(e);
        }
        return db.users().updateOne(eq("_id", userId), subscribed ? addToSet(UserRecord.SUBSCRIPTIONS, name)
                        : pull(UserRecord.SUBSCRIPTIONS, name))
                .onItem().transformToUni(r -> {
                    if (r.getMatchedCount() == 0) {
                        return Uni.createFrom().failure(new StoreException(StoreErrorCode.NONEXISTENT, "no such user"));
                    }
                    return mailboxes.byName(userId, name).invoke(m -> events.publish(MailboxEvent.SubscriptionChanged
                            .of(userId, m == null ? null : m.id(), m == null ? 0 : m.stableModSeq(), name,
                                    subscribed)));
                })
                .replaceWithVoid();
    }

    /** Documents of a mailbox and its descendants. */
    Uni<List<MailboxRecord>> withDescendants(String userId, String name) {
        return mailboxes.list(userId).map(all -> all.stream()
                .filter(m -> m.name().equals(name) || m.name().startsWith(MailboxNames.childPrefix(name)))
                .toList());
    }

    static Document idFilter(String id) {
        return new Document("_id", id);
    }
}
