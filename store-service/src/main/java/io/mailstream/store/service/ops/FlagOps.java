package io.mailstream.store.service.ops;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.Flags;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.StoreFlagsResult;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.repo.ChangeLog;
import io.mailstream.store.service.repo.MongoCollections;
import io.mailstream.store.service.repo.UidFilters;
import io.mailstream.sync.MailboxEvent;
import io.quarkus.mongodb.FindOptions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * STORE (RFC 9051 6.4.6) with UNCHANGEDSINCE (RFC 7162 3.1.3). Under the mailbox lease: read
 * the messages, compute new flag sets, and only if something changes take one new mod-sequence
 * for all changed messages.
 */
@ApplicationScoped
public class FlagOps {
    private final MongoCollections db;
    private final MailboxWriter writer;
    private final ChangeLog changeLog;

    @Inject
    public FlagOps(MongoCollections db, MailboxWriter writer, ChangeLog changeLog) {
        this.db = db;
        this.writer = writer;
        this.changeLog = changeLog;
    }

    public Uni<StoreFlagsResult> store(String userId, String mailboxId, UidSet uids, FlagOperation op,
            Set<String> rawFlags, Long unchangedSince) {
        if (uids == null || op == null) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "missing uid set or operation");
        }
        Set<String> flags = Flags.canonical(rawFlags == null ? Set.of() : rawFlags);
        return writer.write(userId, mailboxId, ctx -> {
            UidFilters.UidQuery q = UidFilters.query(mailboxId, uids, ctx.mailbox().uidNext());
            return db.messages().find(q.filter(), new FindOptions().projection(MessageDoc.FLAGS_PROJECTION)
                                .sort(Sorts.ascending(MessageDoc.UID)).batchSize(1000))
                .filter(q.exact())
                .collect().asList()
                .onItem().transformToUni(docs -> {
                    List<MessageFlags> unchanged = new ArrayList<>();
                    Map<Long, Set<String>> changes = new LinkedHashMap<>();
                    List<Long> modified = new ArrayList<>();
                    for (Document d : docs) {
                        MessageFlags cur = MessageDoc.toFlags(d);
                        if (unchangedSince != null && cur.modSeq() > unchangedSince) {
                            modified.add(cur.uid());
                            continue;
                        }
                        Set<String> next = apply(MessageDoc.flags(d), op, flags);
                        if (sameIgnoringCase(next, cur.flags())) {
                            unchanged.add(cur);
                        } else {
                            changes.put(cur.uid(), next);
                        }
                    }
                    if (changes.isEmpty()) {
                        return Uni.createFrom().item(new StoreFlagsResult(unchanged, UidSet.ofAll(modified),
                                ctx.mailbox().stableModSeq()));
                    }
                    return writer.allocate(ctx, 0).onItem().transformToUni(m -> write(mailboxId, changes, m.modSeq())
                            .map(x -> {
                                Map<Long, List<String>> ev = new LinkedHashMap<>();
                                List<MessageFlags> updated = new ArrayList<>(unchanged);
                                changes.forEach((uid, f) -> {
                                    ev.put(uid, List.copyOf(f));
                                    updated.add(new MessageFlags(uid, Set.copyOf(f), m.modSeq()));
                                });
                                updated.sort((a, b) -> Long.compare(a.uid(), b.uid()));
                                ctx.event(MailboxEvent.FlagsChanged.of(m.userId(), m.id(), m.modSeq(), ev));
                                return new StoreFlagsResult(updated, UidSet.ofAll(modified), m.modSeq());
                            }));
                });
        });
    }

    private Uni<Void> write(String mailboxId, Map<Long, Set<String>> changes, long modSeq) {
        List<WriteModel<Document>> models = new ArrayList<>(changes.size());
        changes.forEach((uid, f) -> models.add(new UpdateOneModel<>(eq("_id", MessageDoc.id(mailboxId, uid)),
                combine(set(MessageDoc.FLAGS, List.copyOf(f)), set(MessageDoc.LFLAGS, MessageDoc.lower(f)),
                        set(MessageDoc.MODSEQ, modSeq)))));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < models.size(); i += 1000) {
            List<WriteModel<Document>> batch = models.subList(i, Math.min(models.size(), i + 1000));
            chain = chain.onItem().transformToUni(x -> db.messages().bulkWrite(batch).replaceWithVoid());
        }
        return chain.onItem().transformToUni(x -> changeLog.record(mailboxId, modSeq, changes.keySet(), false));
    }

    /** RFC 9051 6.4.6 FLAGS / +FLAGS / -FLAGS; flag names compare case-insensitively. */
    static Set<String> apply(Set<String> current, FlagOperation op, Set<String> flags) {
        Set<String> out = new LinkedHashSet<>();
        switch (op) {
            case REPLACE -> addAll(out, flags);
            case ADD -> {
                addAll(out, current);
                addAll(out, flags);
            }
            case REMOVE -> {
                Set<String> drop = new LinkedHashSet<>();
                flags.forEach(f -> drop.add(f.toLowerCase(Locale.ROOT)));
                current.stream().filter(f -> !drop.contains(f.toLowerCase(Locale.ROOT))).forEach(out::add);
            }
        }
        return out;
    }

    private static void addAll(Set<String> out, Set<String> flags) {
        for (String f : flags) {
            if (out.stream().noneMatch(o -> o.equalsIgnoreCase(f))) {
                out.add(f);
            }
        }
    }

    private static boolean sameIgnoringCase(Set<String> a, Set<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Set<String> la = new LinkedHashSet<>();
        a.forEach(f -> la.add(f.toLowerCase(Locale.ROOT)));
        return b.stream().allMatch(f -> la.contains(f.toLowerCase(Locale.ROOT)));
    }
}
