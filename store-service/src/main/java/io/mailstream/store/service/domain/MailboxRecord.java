package io.mailstream.store.service.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;

/**
 * A document of {@code mailboxes}. {@code modSeq}/{@code uidNext} are the allocation counters
 * ($inc under the write lease); {@code stableModSeq}/{@code stableUidNext} are published only
 * after the write's documents are in place, and are what readers trust.
 */
public record MailboxRecord(
        String id,
        String userId,
        String name,
        Set<String> specialUse,
        boolean noselect,
        long uidValidity,
        long uidNext,
        long modSeq,
        long stableModSeq,
        long stableUidNext,
        long recentUid,
        long purgedModSeq) {

    public static final String USER_ID = "userId";
    public static final String NAME = "name";
    public static final String SPECIAL_USE = "specialUse";
    public static final String NOSELECT = "noselect";
    public static final String UID_VALIDITY = "uidValidity";
    public static final String UID_NEXT = "uidNext";
    public static final String MOD_SEQ = "modSeq";
    public static final String STABLE_MOD_SEQ = "stableModSeq";
    public static final String STABLE_UID_NEXT = "stableUidNext";
    /** RFC 3501 \Recent: first uid not yet claimed by a read-write SELECT. */
    public static final String RECENT_UID = "recentUid";
    /** Highest modseq of tombstones purged by retention (changes since less are truncated). */
    public static final String PURGED_MOD_SEQ = "purgedModSeq";
    public static final String LEASE_OWNER = "lease.owner";
    public static final String LEASE_UNTIL = "lease.until";
    public static final String LEASE_TOKEN = "lease.token";

    public static MailboxRecord from(Document d) {
        List<String> su = d.getList(SPECIAL_USE, String.class, List.of());
        return new MailboxRecord(
                d.getString("_id"),
                d.getString(USER_ID),
                d.getString(NAME),
                Set.copyOf(new LinkedHashSet<>(su)),
                Boolean.TRUE.equals(d.getBoolean(NOSELECT)),
                Docs.getLong(d, UID_VALIDITY, 1),
                Docs.getLong(d, UID_NEXT, 1),
                Docs.getLong(d, MOD_SEQ, 0),
                Docs.getLong(d, STABLE_MOD_SEQ, 0),
                Docs.getLong(d, STABLE_UID_NEXT, 1),
                Docs.getLong(d, RECENT_UID, 1),
                Docs.getLong(d, PURGED_MOD_SEQ, 0));
    }
}
