package io.mailstream.store.service;

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
import io.mailstream.store.api.MessageMeta;
import io.mailstream.store.api.Quota;
import io.mailstream.store.api.SectionBody;
import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.StoreFlagsResult;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.service.ops.AppendOp;
import io.mailstream.store.service.ops.ExpungeOps;
import io.mailstream.store.service.ops.FlagOps;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The write operations of a second, hand-built store instance (test only). */
final class WritesOnly implements MailStore {
    private final AppendOp append;
    private final FlagOps flags;
    private final ExpungeOps expunge;

    WritesOnly(AppendOp append, FlagOps flags, ExpungeOps expunge) {
        this.append = append;
        this.flags = flags;
        this.expunge = expunge;
    }

    @Override
    public Uni<AppendResult> append(String userId, String mailboxName, Set<String> f, Instant internalDate,
            byte[] message) {
        return Uni.createFrom().deferred(() -> append.append(userId, mailboxName, f, internalDate, message));
    }

    @Override
    public Uni<StoreFlagsResult> storeFlags(String userId, String mailboxId, UidSet uids, FlagOperation operation,
            Set<String> f, Long unchangedSince) {
        return Uni.createFrom().deferred(() -> flags.store(userId, mailboxId, uids, operation, f, unchangedSince));
    }

    @Override
    public Uni<ExpungeResult> expunge(String userId, String mailboxId, UidSet uids) {
        return Uni.createFrom().deferred(() -> expunge.expunge(userId, mailboxId, uids));
    }

    private static <T> Uni<T> no() {
        return Uni.createFrom().failure(new UnsupportedOperationException());
    }

    @Override
    public Uni<UserRef> authenticate(String username, String password) {
        return no();
    }

    @Override
    public Uni<Quota> quota(String userId) {
        return no();
    }

    @Override
    public Uni<List<MailboxInfo>> listMailboxes(String userId) {
        return no();
    }

    @Override
    public Uni<MailboxInfo> createMailbox(String userId, String name, Set<String> specialUse) {
        return no();
    }

    @Override
    public Uni<Void> deleteMailbox(String userId, String name) {
        return no();
    }

    @Override
    public Uni<Void> renameMailbox(String userId, String from, String to) {
        return no();
    }

    @Override
    public Uni<Void> setSubscribed(String userId, String name, boolean subscribed) {
        return no();
    }

    @Override
    public Uni<MailboxStatus> status(String userId, String name) {
        return no();
    }

    @Override
    public Uni<MailboxSnapshot> select(String userId, String name, boolean claimRecent) {
        return no();
    }

    @Override
    public Uni<List<MessageMeta>> fetchMeta(String userId, String mailboxId, UidSet uids, boolean e, boolean b) {
        return no();
    }

    @Override
    public Uni<SectionBody> fetchSection(String userId, String mailboxId, SectionRequest request) {
        return no();
    }

    @Override
    public Uni<CopyResult> copy(String userId, String mailboxId, UidSet uids, String destinationName) {
        return no();
    }

    @Override
    public Uni<CopyResult> move(String userId, String mailboxId, UidSet uids, String destinationName) {
        return no();
    }

    @Override
    public Uni<List<Long>> search(String userId, String mailboxId, SearchKey key) {
        return no();
    }

    @Override
    public Uni<Changes> changesSince(String userId, String mailboxId, long sinceModSeq) {
        return no();
    }

    @Override
    public Uni<Maildrop> openMaildrop(String userId, String owner, Duration ttl) {
        return no();
    }

    @Override
    public Uni<Void> renewMaildrop(String userId, String owner, Duration ttl) {
        return no();
    }

    @Override
    public Uni<Void> closeMaildrop(String userId, String owner) {
        return no();
    }
}
