package io.mailstream.store.service.ops;

import io.mailstream.store.api.AppendResult;
import io.mailstream.store.service.domain.MailboxRecord;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.sync.MailboxEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.bson.Document;

/**
 * Group commit of appends to one mailbox: appends whose bytes are stored wait here, and one
 * leased write takes all that are waiting (up to {@value #MAX_BATCH}): one allocation of k uids
 * and k mod-sequences (each append stays its own mutation with its own modseq and event), one
 * insertMany, one publish. Under a burst to one INBOX this turns k lease round trips into one.
 */
@ApplicationScoped
public class AppendBatcher {
    static final int MAX_BATCH = 64;

    /** One append ready for its document: builds it from the allocated (mailbox, uid, modseq). */
    record Pending(String userId, String mailboxId, DocFactory doc, List<String> flags,
            UniEmitter<? super AppendResult> done) {
    }

    interface DocFactory {
        Document build(MailboxRecord mailbox, long uid, long modSeq);
    }

    private final MailboxWriter writer;
    private final io.mailstream.store.service.repo.MongoCollections db;
    private final io.mailstream.store.service.repo.ChangeLog changeLog;
    private final Map<String, ArrayDeque<Pending>> queues = new HashMap<>();

    @Inject
    public AppendBatcher(MailboxWriter writer, io.mailstream.store.service.repo.MongoCollections db,
            io.mailstream.store.service.repo.ChangeLog changeLog) {
        this.writer = writer;
        this.db = db;
        this.changeLog = changeLog;
    }

    Uni<AppendResult> submit(String userId, String mailboxId, List<String> flags, DocFactory doc) {
        return Uni.createFrom().emitter(em -> {
            boolean start;
            synchronized (queues) {
                ArrayDeque<Pending> q = queues.get(mailboxId);
                start = q == null;
                if (start) {
                    q = new ArrayDeque<>();
                    queues.put(mailboxId, q);
                }
                q.add(new Pending(userId, mailboxId, doc, flags, em));
            }
            if (start) {
                drain(userId, mailboxId);
            }
        });
    }

    /** Runs batches until the mailbox's queue is empty. */
    private void drain(String userId, String mailboxId) {
        List<Pending> batch = new ArrayList<>();
        synchronized (queues) {
            ArrayDeque<Pending> q = queues.get(mailboxId);
            while (!q.isEmpty() && batch.size() < MAX_BATCH) {
                batch.add(q.poll());
            }
        }
        writer.write(userId, mailboxId, ctx -> commit(ctx, batch)).subscribe().with(results -> {
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(results.get(i));
            }
            next(userId, mailboxId);
        }, failure -> {
            batch.forEach(p -> p.done().fail(failure));
            next(userId, mailboxId);
        });
    }

    private void next(String userId, String mailboxId) {
        boolean more;
        synchronized (queues) {
            ArrayDeque<Pending> q = queues.get(mailboxId);
            more = !q.isEmpty();
            if (!more) {
                queues.remove(mailboxId);
            }
        }
        if (more) {
            drain(userId, mailboxId);
        }
    }

    private Uni<List<AppendResult>> commit(WriteContext ctx, List<Pending> batch) {
        int k = batch.size();
        return writer.allocate(ctx, k, k).onItem().transformToUni(m -> {
            long firstUid = m.uidNext() - k;
            long firstModSeq = m.modSeq() - k + 1;
            List<Document> docs = new ArrayList<>(k);
            List<AppendResult> results = new ArrayList<>(k);
            for (int i = 0; i < k; i++) {
                long uid = firstUid + i;
                long modSeq = firstModSeq + i;
                docs.add(batch.get(i).doc().build(m, uid, modSeq));
                results.add(new AppendResult(m.id(), m.uidValidity(), uid, modSeq));
            }
            LongFunction<String> id = uid -> MessageDoc.id(m.id(), uid);
            return db.messages().insertMany(docs)
                    .onFailure().call(f -> db.messages().deleteMany(com.mongodb.client.model.Filters.in("_id",
                            results.stream().map(r -> id.apply(r.uid())).toList())))
                    .onItem().transformToUni(r -> changeLog.recordAll(results.stream()
                            .map(a -> io.mailstream.store.service.repo.ChangeLog.entry(m.id(), a.modSeq(),
                                    List.of(a.uid()), false)).toList()))
                    .map(r -> {
                        for (int i = 0; i < k; i++) {
                            AppendResult a = results.get(i);
                            ctx.event(MailboxEvent.MessagesAppended.of(m.userId(), m.id(), a.modSeq(),
                                    Map.of(a.uid(), batch.get(i).flags())));
                        }
                        return results;
                    });
        });
    }
}
