package io.mailstream.store.testkit;

import io.mailstream.store.api.AppendItem;
import io.mailstream.store.api.AppendResult;
import io.mailstream.store.api.Changes;
import io.mailstream.store.api.CopyResult;
import io.mailstream.store.api.ExpungeResult;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.Flags;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.MailboxInfo;
import io.mailstream.store.api.MailboxSnapshot;
import io.mailstream.store.api.MailboxStatus;
import io.mailstream.store.api.Maildrop;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.MessageMeta;
import io.mailstream.store.api.Quota;
import io.mailstream.store.api.SectionBody;
import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.StoreFlagsResult;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.api.sort.SortCriterion;
import io.mailstream.store.api.sort.ThreadAlgorithm;
import io.mailstream.store.api.sort.ThreadForest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A {@link MailStore} held in memory, with the store's semantics (uid/modseq allocation,
 * tombstones, \Noselect parents, INBOX rename, maildrop lease), for front-end protocol tests
 * that should run without MongoDB or Kafka. Not for production: no persistence, one lock.
 */
public final class InMemoryMailStore implements MailStore {
    private final Map<String, TestUser> users = new HashMap<>();
    private final Map<String, TestMailbox> mailboxesById = new HashMap<>();
    private long nextId = 1;
    private long maxMessageSize = 50L * 1024 * 1024;
    private long maxAppendTotal = 50L * 1024 * 1024;
    private volatile StoreErrorCode failure;

    /** Creates a user with the default mailboxes (INBOX, Drafts, Sent, Trash, Junk, Archive). */
    public synchronized UserRef addUser(String username, String password) {
        String name = username.toLowerCase(Locale.ROOT);
        TestUser user = new TestUser("u" + (nextId++), name, password);
        users.put(name, user);
        createNow(user, "INBOX", Set.of());
        createNow(user, "Drafts", Set.of("\\Drafts"));
        createNow(user, "Sent", Set.of("\\Sent"));
        createNow(user, "Trash", Set.of("\\Trash"));
        createNow(user, "Junk", Set.of("\\Junk"));
        createNow(user, "Archive", Set.of("\\Archive"));
        return new UserRef(user.id, user.name);
    }

    /** Makes every following call fail with {@code code} (e.g. UNAVAILABLE); null restores. */
    public void failWith(StoreErrorCode code) {
        this.failure = code;
    }

    /**
     * What the store service's tombstone retention does to old expunges: forgets the tombstones
     * of a mailbox with a modseq at or below {@code upToModSeq}; changesSince from before that
     * point then reports {@code tombstonesTruncated}.
     */
    public synchronized void purgeTombstones(String mailboxId, long upToModSeq) {
        TestMailbox m = mailboxesById.get(mailboxId);
        if (m != null) {
            m.purgeTombstones(upToModSeq);
        }
    }

    public synchronized void setMaxMessageSize(long bytes) {
        this.maxMessageSize = bytes;
    }

    /** The largest total of one {@link #appendAll} call (MULTIAPPEND), like the store's setting. */
    public synchronized void setMaxAppendTotal(long bytes) {
        this.maxAppendTotal = bytes;
    }

    public synchronized void setQuota(String userId, long storageLimit, long messageLimit) {
        TestUser u = userById(userId);
        u.storageLimit = storageLimit;
        u.messageLimit = messageLimit;
    }

    private <T> Uni<T> call(Supplier<T> body) {
        return Uni.createFrom().item(() -> {
            StoreErrorCode f = failure;
            if (f != null) {
                throw new StoreException(f, "store failure injected by the test");
            }
            synchronized (this) {
                return body.get();
            }
        });
    }

    private Uni<Void> run(Runnable body) {
        return call(() -> {
            body.run();
            return null;
        });
    }

    // --- users ---------------------------------------------------------------------------

    @Override
    public Uni<UserRef> authenticate(String username, String password) {
        return call(() -> {
            TestUser u = username == null ? null : users.get(username.toLowerCase(Locale.ROOT));
            if (u == null || !u.password.equals(password)) {
                throw new StoreException(StoreErrorCode.AUTHENTICATIONFAILED, "invalid credentials");
            }
            return new UserRef(u.id, u.name);
        });
    }

    @Override
    public Uni<UserRef> findUser(String username) {
        return call(() -> {
            TestUser u = username == null ? null : users.get(username.toLowerCase(Locale.ROOT));
            if (u == null) {
                throw new StoreException(StoreErrorCode.NONEXISTENT, "no such user");
            }
            return new UserRef(u.id, u.name);
        });
    }

    @Override
    public Uni<Quota> quota(String userId) {
        return call(() -> {
            TestUser u = userById(userId);
            long bytes = 0;
            long count = 0;
            for (TestMailbox m : u.mailboxes.values()) {
                for (TestMessage msg : m.messages.values()) {
                    bytes += msg.raw.length;
                    count++;
                }
            }
            return new Quota(bytes, u.storageLimit, count, u.messageLimit);
        });
    }

    // --- mailboxes -----------------------------------------------------------------------

    @Override
    public Uni<List<MailboxInfo>> listMailboxes(String userId) {
        return call(() -> {
            TestUser u = userById(userId);
            List<MailboxInfo> out = new ArrayList<>();
            for (TestMailbox m : u.mailboxes.values()) {
                out.add(info(u, m));
            }
            return out;
        });
    }

    @Override
    public Uni<MailboxInfo> createMailbox(String userId, String name, Set<String> specialUse) {
        return call(() -> {
            TestUser u = userById(userId);
            String n = normalize(name);
            TestMailbox existing = u.mailboxes.get(n);
            if (existing != null && !existing.noselect) {
                throw new StoreException(StoreErrorCode.ALREADYEXISTS, "mailbox already exists");
            }
            return info(u, createNow(u, n, specialUse == null ? Set.of() : specialUse));
        });
    }

    @Override
    public Uni<Void> deleteMailbox(String userId, String name) {
        return run(() -> {
            TestUser u = userById(userId);
            String n = normalize(name);
            if (n.equals("INBOX")) {
                throw new StoreException(StoreErrorCode.CANNOT, "INBOX cannot be deleted");
            }
            TestMailbox m = mailbox(u, n);
            boolean children = u.mailboxes.keySet().stream().anyMatch(k -> k.startsWith(n + DELIMITER));
            if (children) {
                if (m.noselect) {
                    throw new StoreException(StoreErrorCode.CANNOT, "mailbox has children");
                }
                m.modSeq++;
                m.messages.clear();
                m.noselect = true;
            } else {
                u.mailboxes.remove(n);
                mailboxesById.remove(m.id);
            }
        });
    }

    @Override
    public Uni<Void> renameMailbox(String userId, String from, String to) {
        return run(() -> {
            TestUser u = userById(userId);
            String f = normalize(from);
            String t = normalize(to);
            TestMailbox src = mailbox(u, f);
            if (u.mailboxes.containsKey(t)) {
                throw new StoreException(StoreErrorCode.ALREADYEXISTS, "target exists");
            }
            if (f.equals("INBOX")) {
                // RFC 9051 6.3.10: renaming INBOX moves its messages and leaves INBOX empty.
                TestMailbox dst = createNow(u, t, Set.of());
                for (TestMessage msg : src.messages.values()) {
                    dst.add(msg.raw, msg.flags, msg.internalDate).internalDateOffset = msg.internalDateOffset;
                }
                src.expungeAll(src.messages.keySet());
                return;
            }
            List<String> names = new ArrayList<>(u.mailboxes.keySet());
            for (String n : names) {
                if (n.equals(f) || n.startsWith(f + DELIMITER)) {
                    TestMailbox m = u.mailboxes.remove(n);
                    m.name = t + n.substring(f.length());
                    u.mailboxes.put(m.name, m);
                }
            }
            createParents(u, t);
        });
    }

    @Override
    public Uni<List<String>> listSubscriptions(String userId) {
        return call(() -> userById(userId).subscriptions.stream().sorted().toList());
    }

    @Override
    public Uni<Void> setSubscribed(String userId, String name, boolean subscribed) {
        return run(() -> {
            TestUser u = userById(userId);
            String n = normalize(name);
            if (subscribed) {
                u.subscriptions.add(n);
            } else {
                u.subscriptions.remove(n);
            }
        });
    }

    @Override
    public Uni<MailboxStatus> status(String userId, String name) {
        return call(() -> {
            TestMailbox m = mailbox(userById(userId), normalize(name));
            selectable(m);
            long unseen = 0;
            long deleted = 0;
            long size = 0;
            long recent = 0;
            for (TestMessage msg : m.messages.values()) {
                unseen += msg.flags.contains(Flags.SEEN) ? 0 : 1;
                deleted += msg.flags.contains(Flags.DELETED) ? 1 : 0;
                size += msg.raw.length;
                recent += msg.uid >= m.recentFrom ? 1 : 0;
            }
            return new MailboxStatus(m.id, m.name, m.messages.size(), m.uidNext, m.uidValidity, unseen, deleted,
                    size, m.modSeq, recent);
        });
    }

    @Override
    public Uni<MailboxSnapshot> select(String userId, String name, boolean claimRecent) {
        return call(() -> {
            TestUser u = userById(userId);
            TestMailbox m = mailbox(u, normalize(name));
            selectable(m);
            long firstRecent = m.recentFrom;
            if (claimRecent) {
                m.recentFrom = m.uidNext;
            } else {
                firstRecent = m.uidNext;
            }
            Set<String> keywords = new TreeSet<>();
            List<MessageFlags> list = new ArrayList<>();
            for (TestMessage msg : m.messages.values()) {
                list.add(msg.flagsView());
                msg.flags.stream().filter(f -> !f.startsWith("\\")).forEach(keywords::add);
            }
            return new MailboxSnapshot(info(u, m), m.uidValidity, m.uidNext, m.modSeq, firstRecent, keywords, list);
        });
    }

    // --- messages ------------------------------------------------------------------------

    @Override
    public Uni<AppendResult> append(String userId, String mailboxName, Set<String> flags, Instant internalDate,
            byte[] message) {
        return call(() -> appendNow(userId, mailboxName, flags, internalDate, null, message));
    }

    /** As {@link #append}, keeping the zone of the internal date (RFC 9051 2.3.3), as the store does. */
    @Override
    public Uni<AppendResult> appendAt(String userId, String mailboxName, Set<String> flags,
            java.time.OffsetDateTime internalDate, byte[] message) {
        return call(() -> appendNow(userId, mailboxName, flags, internalDate == null ? null : internalDate.toInstant(),
                internalDate == null ? null : internalDate.getOffset(), message));
    }

    private AppendResult appendNow(String userId, String mailboxName, Set<String> flags, Instant internalDate,
            java.time.ZoneOffset offset, byte[] message) {
        TestUser u = userById(userId);
        TestMailbox m = mailbox(u, normalize(mailboxName));
        selectable(m);
        if (message.length > maxMessageSize) {
            throw new StoreException(StoreErrorCode.TOOBIG, "message larger than " + maxMessageSize);
        }
        checkQuota(u, message.length, 1);
        TestMessage msg = m.add(message, Flags.canonical(flags == null ? Set.of() : flags),
                internalDate == null ? Instant.now() : internalDate);
        msg.internalDateOffset = offset;
        return new AppendResult(m.id, m.uidValidity, msg.uid, msg.modSeq);
    }

    @Override
    public Uni<List<AppendResult>> appendAll(String userId, String mailboxName, List<AppendItem> messages) {
        return call(() -> {
            TestUser u = userById(userId);
            TestMailbox m = mailbox(u, normalize(mailboxName));
            selectable(m);
            if (messages.isEmpty()) {
                throw new StoreException(StoreErrorCode.BADREQUEST, "no messages");
            }
            long total = 0;
            for (AppendItem item : messages) {
                if (item.message().length == 0) {
                    throw new StoreException(StoreErrorCode.BADREQUEST, "empty message");
                }
                if (item.message().length > maxMessageSize) {
                    throw new StoreException(StoreErrorCode.TOOBIG, "message larger than " + maxMessageSize);
                }
                total += item.message().length;
            }
            if (total > maxAppendTotal) {
                throw new StoreException(StoreErrorCode.TOOBIG, "messages larger than " + maxAppendTotal + " in total");
            }
            // RFC 3502: all or nothing; every check is done before the first message is added
            checkQuota(u, total, messages.size());
            // one mutation, one mod-sequence for all, as the store does (one EXISTS burst)
            long modSeq = m.modSeq + 1;
            List<AppendResult> out = new ArrayList<>();
            for (AppendItem item : messages) {
                TestMessage msg = m.add(item.message(), Flags.canonical(item.flags()),
                        item.internalDate() == null ? Instant.now() : item.internalDate());
                msg.internalDateOffset = item.internalDate() == null ? null : item.internalDateOffset();
                msg.modSeq = modSeq;
                out.add(new AppendResult(m.id, m.uidValidity, msg.uid, modSeq));
            }
            m.modSeq = modSeq;
            return out;
        });
    }

    @Override
    public Uni<List<MessageMeta>> fetchMeta(String userId, String mailboxId, UidSet uids, boolean withEnvelope,
            boolean withBodyStructure) {
        return call(() -> {
            TestMailbox m = owned(userId, mailboxId);
            List<MessageMeta> out = new ArrayList<>();
            for (TestMessage msg : m.messages.values()) {
                if (uids.contains(msg.uid)) {
                    out.add(msg.meta(withEnvelope, withBodyStructure));
                }
            }
            return out;
        });
    }

    @Override
    public Uni<SectionBody> fetchSection(String userId, String mailboxId, SectionRequest request) {
        return call(() -> {
            TestMessage msg = owned(userId, mailboxId).messages.get(request.uid());
            if (msg == null) {
                throw new StoreException(StoreErrorCode.NONEXISTENT, "no message with uid " + request.uid());
            }
            byte[] bytes = msg.section(request.section(), request.binary());
            int from = (int) Math.min(request.offset(), bytes.length);
            int to = request.length() < 0 ? bytes.length : (int) Math.min(bytes.length, from + request.length());
            byte[] slice = Arrays.copyOfRange(bytes, from, to);
            return new SectionBody(slice.length, Multi.createFrom().items(chunks(slice)));
        });
    }

    @Override
    public Uni<StoreFlagsResult> storeFlags(String userId, String mailboxId, UidSet uids, FlagOperation operation,
            Set<String> flags, Long unchangedSince) {
        return call(() -> {
            TestMailbox m = owned(userId, mailboxId);
            Set<String> given = Flags.canonical(flags);
            List<MessageFlags> updated = new ArrayList<>();
            List<Long> modified = new ArrayList<>();
            for (TestMessage msg : m.messages.values()) {
                if (!uids.contains(msg.uid)) {
                    continue;
                }
                if (unchangedSince != null && msg.modSeq > unchangedSince) {
                    modified.add(msg.uid);
                    continue;
                }
                Set<String> next = new LinkedHashSet<>(msg.flags);
                switch (operation) {
                    case ADD -> next.addAll(given);
                    case REMOVE -> next.removeAll(given);
                    case REPLACE -> {
                        next.clear();
                        next.addAll(given);
                    }
                }
                if (!next.equals(msg.flags)) {
                    msg.flags = next;
                    msg.modSeq = ++m.modSeq;
                }
                updated.add(msg.flagsView());
            }
            return new StoreFlagsResult(updated, UidSet.ofAll(modified), m.modSeq);
        });
    }

    @Override
    public Uni<ExpungeResult> expunge(String userId, String mailboxId, UidSet uids) {
        return call(() -> {
            TestMailbox m = owned(userId, mailboxId);
            List<Long> gone = new ArrayList<>();
            for (TestMessage msg : m.messages.values()) {
                boolean chosen = uids == null ? msg.flags.contains(Flags.DELETED)
                        : uids.contains(msg.uid) && msg.flags.contains(Flags.DELETED);
                if (chosen) {
                    gone.add(msg.uid);
                }
            }
            m.expungeAll(gone);
            return new ExpungeResult(UidSet.ofAll(gone), m.modSeq);
        });
    }

    @Override
    public Uni<CopyResult> copy(String userId, String mailboxId, UidSet uids, String destinationName) {
        return call(() -> copyNow(userId, mailboxId, uids, destinationName, false));
    }

    @Override
    public Uni<CopyResult> move(String userId, String mailboxId, UidSet uids, String destinationName) {
        return call(() -> copyNow(userId, mailboxId, uids, destinationName, true));
    }

    @Override
    public Uni<List<Long>> search(String userId, String mailboxId, SearchKey key) {
        return call(() -> {
            TestMailbox m = owned(userId, mailboxId);
            List<Long> out = new ArrayList<>();
            for (TestMessage msg : m.messages.values()) {
                if (SearchEvaluator.matches(key, msg)) {
                    out.add(msg.uid);
                }
            }
            return out;
        });
    }

    @Override
    public Uni<List<Long>> sort(String userId, String mailboxId, List<SortCriterion> criteria, SearchKey key) {
        return call(() -> InMemorySort.sort(matching(owned(userId, mailboxId), key), criteria));
    }

    @Override
    public Uni<ThreadForest> thread(String userId, String mailboxId, ThreadAlgorithm algorithm, SearchKey key) {
        return call(() -> InMemorySort.thread(matching(owned(userId, mailboxId), key), algorithm));
    }

    private static List<TestMessage> matching(TestMailbox m, SearchKey key) {
        return m.messages.values().stream().filter(msg -> SearchEvaluator.matches(key, msg)).toList();
    }

    @Override
    public Uni<Changes> changesSince(String userId, String mailboxId, long sinceModSeq) {
        return call(() -> {
            TestMailbox m = owned(userId, mailboxId);
            List<MessageFlags> changed = new ArrayList<>();
            for (TestMessage msg : m.messages.values()) {
                if (msg.modSeq > sinceModSeq) {
                    changed.add(msg.flagsView());
                }
            }
            List<Long> expunged = new ArrayList<>();
            m.tombstones.forEach((uid, modSeq) -> {
                if (modSeq > sinceModSeq) {
                    expunged.add(uid);
                }
            });
            // Like the store service: tombstones purged past the caller's modseq make the answer
            // incomplete, and it says so (RFC 7162 3.2.6 note).
            return new Changes(m.modSeq, m.uidNext, changed, UidSet.ofAll(expunged), sinceModSeq < m.purgedModSeq);
        });
    }

    // --- POP3 maildrop -------------------------------------------------------------------

    @Override
    public Uni<Maildrop> openMaildrop(String userId, String owner, Duration ttl) {
        return call(() -> {
            TestUser u = userById(userId);
            Instant now = Instant.now();
            if (u.maildropOwner != null && !u.maildropOwner.equals(owner) && u.maildropUntil.isAfter(now)) {
                throw new StoreException(StoreErrorCode.INUSE, "maildrop locked by another session");
            }
            u.maildropOwner = owner;
            u.maildropUntil = now.plus(ttl);
            TestMailbox inbox = mailbox(u, "INBOX");
            List<Maildrop.Entry> entries = new ArrayList<>();
            for (TestMessage msg : inbox.messages.values()) {
                entries.add(new Maildrop.Entry(msg.uid, msg.raw.length, inbox.uidValidity + "." + msg.uid));
            }
            return new Maildrop(inbox.id, inbox.uidValidity, entries);
        });
    }

    @Override
    public Uni<Void> renewMaildrop(String userId, String owner, Duration ttl) {
        return run(() -> {
            TestUser u = userById(userId);
            if (!owner.equals(u.maildropOwner)) {
                throw new StoreException(StoreErrorCode.INUSE, "maildrop lease lost");
            }
            u.maildropUntil = Instant.now().plus(ttl);
        });
    }

    @Override
    public Uni<Void> closeMaildrop(String userId, String owner) {
        return run(() -> {
            TestUser u = userById(userId);
            if (owner.equals(u.maildropOwner)) {
                u.maildropOwner = null;
            }
        });
    }

    // --- internals -----------------------------------------------------------------------

    private CopyResult copyNow(String userId, String mailboxId, UidSet uids, String destinationName, boolean move) {
        TestUser u = userById(userId);
        TestMailbox src = owned(userId, mailboxId);
        TestMailbox dst = mailbox(u, normalize(destinationName));
        selectable(dst);
        List<TestMessage> chosen = src.messages.values().stream().filter(x -> uids.contains(x.uid)).toList();
        long bytes = chosen.stream().mapToLong(x -> x.raw.length).sum();
        checkQuota(u, move ? 0 : bytes, move ? 0 : chosen.size());
        List<Long> from = new ArrayList<>();
        List<Long> to = new ArrayList<>();
        for (TestMessage msg : chosen) {
            from.add(msg.uid);
            TestMessage copy = dst.add(msg.raw, msg.flags, msg.internalDate);
            copy.internalDateOffset = msg.internalDateOffset;
            to.add(copy.uid);
        }
        if (move) {
            src.expungeAll(from);
        }
        return new CopyResult(dst.id, dst.uidValidity, from, to, src.modSeq);
    }

    private void checkQuota(TestUser u, long addBytes, long addMessages) {
        long bytes = 0;
        long count = 0;
        for (TestMailbox m : u.mailboxes.values()) {
            for (TestMessage msg : m.messages.values()) {
                bytes += msg.raw.length;
                count++;
            }
        }
        if ((u.storageLimit >= 0 && bytes + addBytes > u.storageLimit)
                || (u.messageLimit >= 0 && count + addMessages > u.messageLimit)) {
            throw new StoreException(StoreErrorCode.OVERQUOTA, "quota exceeded");
        }
    }

    private TestMailbox createNow(TestUser u, String name, Set<String> specialUse) {
        createParents(u, name);
        TestMailbox existing = u.mailboxes.get(name);
        if (existing != null) {
            existing.noselect = false;
            return existing;
        }
        TestMailbox m = new TestMailbox("m" + (nextId++), name, specialUse, System.currentTimeMillis() / 1000);
        u.mailboxes.put(name, m);
        mailboxesById.put(m.id, m);
        m.ownerId = u.id;
        return m;
    }

    private void createParents(TestUser u, String name) {
        int i = name.indexOf(DELIMITER);
        while (i > 0) {
            String parent = name.substring(0, i);
            if (!u.mailboxes.containsKey(parent)) {
                TestMailbox p = createNow(u, parent, Set.of());
                p.noselect = false;
            }
            i = name.indexOf(DELIMITER, i + 1);
        }
    }

    private MailboxInfo info(TestUser u, TestMailbox m) {
        boolean children = u.mailboxes.keySet().stream().anyMatch(k -> k.startsWith(m.name + DELIMITER));
        return new MailboxInfo(m.id, m.name, m.specialUse, u.subscriptions.contains(m.name), children, m.noselect,
                m.uidValidity);
    }

    private static String normalize(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains("//")) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "bad mailbox name");
        }
        if (name.equalsIgnoreCase("INBOX")) {
            return "INBOX";
        }
        if (name.regionMatches(true, 0, "INBOX/", 0, 6)) {
            return "INBOX" + name.substring(5);
        }
        return name;
    }

    private TestUser userById(String userId) {
        for (TestUser u : users.values()) {
            if (u.id.equals(userId)) {
                return u;
            }
        }
        throw new StoreException(StoreErrorCode.NONEXISTENT, "no such user");
    }

    private static TestMailbox mailbox(TestUser u, String name) {
        TestMailbox m = u.mailboxes.get(name);
        if (m == null) {
            throw new StoreException(StoreErrorCode.NONEXISTENT, "no mailbox named " + name);
        }
        return m;
    }

    private static void selectable(TestMailbox m) {
        if (m.noselect) {
            throw new StoreException(StoreErrorCode.NONEXISTENT, "mailbox is \\Noselect");
        }
    }

    private TestMailbox owned(String userId, String mailboxId) {
        TestMailbox m = mailboxesById.get(mailboxId);
        if (m == null || !m.ownerId.equals(userId) || m.noselect) {
            throw new StoreException(StoreErrorCode.NONEXISTENT, "no such mailbox");
        }
        return m;
    }

    private static byte[][] chunks(byte[] data) {
        int chunk = 8192;
        int n = Math.max(1, (data.length + chunk - 1) / chunk);
        byte[][] out = new byte[data.length == 0 ? 0 : n][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(data, i * chunk, Math.min(data.length, (i + 1) * chunk));
        }
        return out;
    }
}
