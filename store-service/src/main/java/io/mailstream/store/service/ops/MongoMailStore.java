package io.mailstream.store.service.ops;

import io.mailstream.store.api.AppendResult;
import io.mailstream.store.api.Changes;
import io.mailstream.store.api.CopyResult;
import io.mailstream.store.api.ExpungeResult;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.MailboxInfo;
import io.mailstream.store.api.MailboxSnapshot;
import io.mailstream.store.api.MailboxStatus;
import io.mailstream.store.api.Maildrop;
import io.mailstream.store.api.Quota;
import io.mailstream.store.api.SectionBody;
import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.StoreFlagsResult;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.api.sort.SortCriterion;
import io.mailstream.store.api.sort.ThreadAlgorithm;
import io.mailstream.store.api.sort.ThreadForest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The store itself: {@link MailStore} over MongoDB. Each operation lives in its own class; this
 * facade only turns validation exceptions thrown while building a pipeline into failed Unis.
 */
@ApplicationScoped
public class MongoMailStore implements MailStore {
    @Inject
    UserOps userOps;
    @Inject
    MailboxOps mailboxOps;
    @Inject
    MailboxLifecycle lifecycle;
    @Inject
    ReadOps reads;
    @Inject
    AppendOp appendOp;
    @Inject
    MultiAppendOp multiAppendOp;
    @Inject
    SectionOps sections;
    @Inject
    FlagOps flagOps;
    @Inject
    ExpungeOps expungeOps;
    @Inject
    CopyMoveOps copyMove;
    @Inject
    SearchOps searchOps;
    @Inject
    MaildropOps maildrop;
    @Inject
    SortOps sortOps;
    @Inject
    ThreadOps threadOps;

    private static <T> Uni<T> call(Supplier<Uni<T>> op) {
        return Uni.createFrom().deferred(() -> op.get());
    }

    @Override
    public Uni<UserRef> authenticate(String username, String password) {
        return call(() -> userOps.authenticate(username, password));
    }

    @Override
    public Uni<UserRef> findUser(String username) {
        return call(() -> userOps.findUser(username));
    }

    @Override
    public Uni<Quota> quota(String userId) {
        return call(() -> userOps.quota(userId));
    }

    @Override
    public Uni<List<MailboxInfo>> listMailboxes(String userId) {
        return call(() -> mailboxOps.list(userId));
    }

    @Override
    public Uni<MailboxInfo> createMailbox(String userId, String name, Set<String> specialUse) {
        return call(() -> mailboxOps.create(userId, name, specialUse));
    }

    @Override
    public Uni<Void> deleteMailbox(String userId, String name) {
        return call(() -> lifecycle.delete(userId, name));
    }

    @Override
    public Uni<Void> renameMailbox(String userId, String from, String to) {
        return call(() -> lifecycle.rename(userId, from, to));
    }

    @Override
    public Uni<Void> setSubscribed(String userId, String name, boolean subscribed) {
        return call(() -> mailboxOps.setSubscribed(userId, name, subscribed));
    }

    @Override
    public Uni<MailboxStatus> status(String userId, String name) {
        return call(() -> reads.status(userId, name));
    }

    @Override
    public Uni<List<String>> listSubscriptions(String userId) {
        return call(() -> mailboxOps.listSubscriptions(userId));
    }

    @Override
    public Uni<MailboxSnapshot> select(String userId, String name, boolean claimRecent) {
        return call(() -> reads.select(userId, name, claimRecent));
    }

    /** SELECT with the messages streamed (what the HTTP API serves); see {@link SnapshotStream}. */
    public Uni<SnapshotStream> selectStream(String userId, String name, boolean claimRecent) {
        return call(() -> reads.selectStream(userId, name, claimRecent));
    }

    @Override
    public Uni<AppendResult> append(String userId, String mailboxName, Set<String> flags, Instant internalDate,
            byte[] message) {
        return call(() -> appendOp.append(userId, mailboxName, flags, internalDate, message));
    }

    @Override
    public Uni<AppendResult> appendAt(String userId, String mailboxName, Set<String> flags,
            java.time.OffsetDateTime internalDate, byte[] message) {
        return call(() -> appendOp.appendAt(userId, mailboxName, flags, internalDate, message));
    }

    @Override
    public Uni<List<AppendResult>> appendAll(String userId, String mailboxName,
            List<io.mailstream.store.api.AppendItem> messages) {
        return call(() -> multiAppendOp.appendAll(userId, mailboxName, messages));
    }

    @Override
    public Uni<List<io.mailstream.store.api.MessageMeta>> fetchMeta(String userId, String mailboxId, UidSet uids,
            boolean withEnvelope, boolean withBodyStructure) {
        return call(() -> reads.fetchMeta(userId, mailboxId, uids, withEnvelope, withBodyStructure));
    }

    @Override
    public Uni<SectionBody> fetchSection(String userId, String mailboxId, SectionRequest request) {
        return call(() -> sections.fetch(userId, mailboxId, request));
    }

    @Override
    public Uni<StoreFlagsResult> storeFlags(String userId, String mailboxId, UidSet uids, FlagOperation operation,
            Set<String> flags, Long unchangedSince) {
        return call(() -> flagOps.store(userId, mailboxId, uids, operation, flags, unchangedSince));
    }

    @Override
    public Uni<ExpungeResult> expunge(String userId, String mailboxId, UidSet uids) {
        return call(() -> expungeOps.expunge(userId, mailboxId, uids));
    }

    @Override
    public Uni<CopyResult> copy(String userId, String mailboxId, UidSet uids, String destinationName) {
        return call(() -> copyMove.copy(userId, mailboxId, uids, destinationName));
    }

    @Override
    public Uni<CopyResult> move(String userId, String mailboxId, UidSet uids, String destinationName) {
        return call(() -> copyMove.move(userId, mailboxId, uids, destinationName));
    }

    @Override
    public Uni<List<Long>> search(String userId, String mailboxId, SearchKey key) {
        return call(() -> searchOps.search(userId, mailboxId, key));
    }

    @Override
    public Uni<List<Long>> sort(String userId, String mailboxId, List<SortCriterion> criteria, SearchKey key) {
        return call(() -> sortOps.sort(userId, mailboxId, criteria, key));
    }

    @Override
    public Uni<ThreadForest> thread(String userId, String mailboxId, ThreadAlgorithm algorithm, SearchKey key) {
        return call(() -> threadOps.thread(userId, mailboxId, algorithm, key));
    }

    @Override
    public Uni<Changes> changesSince(String userId, String mailboxId, long sinceModSeq) {
        return call(() -> reads.changesSince(userId, mailboxId, sinceModSeq));
    }

    @Override
    public Uni<Maildrop> openMaildrop(String userId, String owner, Duration ttl) {
        return call(() -> maildrop.open(userId, owner, ttl));
    }

    @Override
    public Uni<Void> renewMaildrop(String userId, String owner, Duration ttl) {
        return call(() -> maildrop.renew(userId, owner, ttl));
    }

    @Override
    public Uni<Void> closeMaildrop(String userId, String owner) {
        return call(() -> maildrop.close(userId, owner));
    }
}
