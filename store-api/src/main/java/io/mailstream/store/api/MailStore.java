package io.mailstream.store.api;

import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.api.sort.SortCriterion;
import io.mailstream.store.api.sort.ThreadAlgorithm;
import io.mailstream.store.api.sort.ThreadForest;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The store API as the front-ends see it. Every operation on mail names the user it acts for;
 * the store checks that a mailbox belongs to that user, so one user never sees another's mail.
 * Failures are {@link StoreException}s with a {@link StoreErrorCode}.
 *
 * <p>Mailboxes are named (UTF-8, hierarchy delimiter {@code /}, INBOX case-insensitive) for
 * operations a client names them in, and identified by {@code mailboxId} once selected, so a
 * rename by another session does not redirect a selected session's writes.
 */
public interface MailStore {

    /** The hierarchy delimiter of mailbox names. */
    char DELIMITER = '/';

    // --- users -------------------------------------------------------------------------

    /** Checks a password; fails with AUTHENTICATIONFAILED (same answer for unknown users). */
    Uni<UserRef> authenticate(String username, String password);

    Uni<Quota> quota(String userId);

    /**
     * Looks an account up by its canonical username (a lower-cased full address such as
     * {@code demo@localhost}) without a password, for mail delivery (LMTP RCPT TO); fails with
     * NONEXISTENT when there is no such user. A default so that existing implementations keep
     * compiling until they add it.
     */
    default Uni<UserRef> findUser(String username) {
        return Uni.createFrom().failure(new StoreException(StoreErrorCode.CANNOT, "not supported"));
    }

    // --- mailboxes -----------------------------------------------------------------------

    /** Every mailbox of the user, including \Noselect placeholders, sorted by name. */
    Uni<List<MailboxInfo>> listMailboxes(String userId);

    /** Creates a mailbox and any missing parents (RFC 9051 6.3.4); ALREADYEXISTS if present. */
    Uni<MailboxInfo> createMailbox(String userId, String name, Set<String> specialUse);

    /**
     * RFC 9051 6.3.9: deletes the mailbox and its messages; a mailbox with children becomes
     * \Noselect instead (its messages are removed). INBOX cannot be deleted (CANNOT).
     */
    Uni<Void> deleteMailbox(String userId, String name);

    /**
     * RFC 9051 6.3.10: children move with it; renaming INBOX moves its messages to the new
     * mailbox and leaves INBOX empty.
     */
    Uni<Void> renameMailbox(String userId, String from, String to);

    /** SUBSCRIBE / UNSUBSCRIBE; a name need not exist to be subscribed (RFC 9051 6.3.7). */
    Uni<Void> setSubscribed(String userId, String name, boolean subscribed);

    /**
     * Every subscribed name of the user, sorted, whether or not a mailbox of that name exists
     * (RFC 9051 6.3.7: a name need not exist to be subscribed; RFC 5258 3: such names are listed
     * with \NonExistent). A default so that existing implementations keep compiling: it sees only
     * the subscribed names that exist.
     */
    default Uni<List<String>> listSubscriptions(String userId) {
        return listMailboxes(userId).map(all -> all.stream().filter(MailboxInfo::subscribed)
                .map(MailboxInfo::name).sorted().toList());
    }

    Uni<MailboxStatus> status(String userId, String name);

    /**
     * SELECT / EXAMINE. With {@code claimRecent} (a read-write SELECT) the messages that arrived
     * since the last claim become this session's \Recent ones (RFC 3501 2.3.2).
     */
    Uni<MailboxSnapshot> select(String userId, String name, boolean claimRecent);

    // --- messages ------------------------------------------------------------------------

    /**
     * Stores a message; durable before the Uni completes. Checks the size limit (TOOBIG) and
     * quota (OVERQUOTA); on failure nothing is left behind.
     *
     * @param internalDate null for "now"
     */
    Uni<AppendResult> append(String userId, String mailboxName, Set<String> flags, Instant internalDate,
            byte[] message);

    /**
     * {@link #append} keeping the zone of the internal date (RFC 9051 2.3.3: a date-time with a
     * zone; FETCH INTERNALDATE returns it, {@link MessageMeta#internalDateTime()}). A default that
     * drops the zone, so that existing implementations keep compiling until they add it.
     *
     * @param internalDate null for "now"
     */
    default Uni<AppendResult> appendAt(String userId, String mailboxName, Set<String> flags,
            java.time.OffsetDateTime internalDate, byte[] message) {
        return append(userId, mailboxName, flags, internalDate == null ? null : internalDate.toInstant(), message);
    }

    /**
     * RFC 3502 MULTIAPPEND: stores all {@code messages} in one mailbox atomically: either every
     * message is appended (consecutive uids in the order given, durable before the Uni completes)
     * or none is. Each message is checked against the size limit (TOOBIG), their total against
     * the store's limit for one call (TOOBIG) and the quota for the total (OVERQUOTA); on any
     * failure nothing is left behind. Results are in the order of {@code messages}. A default so
     * that existing implementations keep compiling until they add it.
     */
    default Uni<List<AppendResult>> appendAll(String userId, String mailboxName, List<AppendItem> messages) {
        return Uni.createFrom().failure(new StoreException(StoreErrorCode.CANNOT, "not supported"));
    }

    /** Metadata of the existing messages among {@code uids}, in uid order. */
    Uni<List<MessageMeta>> fetchMeta(String userId, String mailboxId, UidSet uids, boolean withEnvelope,
            boolean withBodyStructure);

    /** A body section of one message, streamed; NONEXISTENT if the message is gone. */
    Uni<SectionBody> fetchSection(String userId, String mailboxId, SectionRequest request);

    /**
     * Changes flags. With {@code unchangedSince} (RFC 7162 3.1.3; null for none) messages whose
     * modseq is greater are left alone and reported in {@link StoreFlagsResult#modified()}.
     */
    Uni<StoreFlagsResult> storeFlags(String userId, String mailboxId, UidSet uids, FlagOperation operation,
            Set<String> flags, Long unchangedSince);

    /** EXPUNGE ({@code uids == null}: every \Deleted message) or UID EXPUNGE (only those). */
    Uni<ExpungeResult> expunge(String userId, String mailboxId, UidSet uids);

    /** COPY: shares the stored bytes (no duplicate blob); keeps flags and internal date. */
    Uni<CopyResult> copy(String userId, String mailboxId, UidSet uids, String destinationName);

    /** MOVE (RFC 6851): copy then expunge from the source, as one operation for the client. */
    Uni<CopyResult> move(String userId, String mailboxId, UidSet uids, String destinationName);

    /** Uids matching {@code key}, ascending. */
    Uni<List<Long>> search(String userId, String mailboxId, SearchKey key);

    /**
     * SORT / UID SORT (RFC 5256 3, RFC 5957): the uids matching {@code key}, ordered by the
     * criteria, ties by uid (the implicit sequence-number criterion). A default so that existing
     * implementations keep compiling until they add it.
     */
    default Uni<List<Long>> sort(String userId, String mailboxId, List<SortCriterion> criteria, SearchKey key) {
        return Uni.createFrom().failure(new StoreException(StoreErrorCode.CANNOT, "SORT not supported"));
    }

    /** THREAD / UID THREAD (RFC 5256 3) over the messages matching {@code key}. */
    default Uni<ThreadForest> thread(String userId, String mailboxId, ThreadAlgorithm algorithm, SearchKey key) {
        return Uni.createFrom().failure(new StoreException(StoreErrorCode.CANNOT, "THREAD not supported"));
    }

    /** Everything that changed after {@code sinceModSeq} (RFC 7162), including expunges. */
    Uni<Changes> changesSince(String userId, String mailboxId, long sinceModSeq);

    // --- POP3 maildrop -------------------------------------------------------------------

    /**
     * Takes the exclusive maildrop lock (RFC 1939 8) as a lease that lapses after {@code ttl}
     * unless renewed; INUSE when another session holds it.
     */
    Uni<Maildrop> openMaildrop(String userId, String owner, Duration ttl);

    /** Extends the lease; INUSE if it was lost. */
    Uni<Void> renewMaildrop(String userId, String owner, Duration ttl);

    /** Releases the lease (no-op if not held by {@code owner}). */
    Uni<Void> closeMaildrop(String userId, String owner);
}
