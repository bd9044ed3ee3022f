package io.mailstream.imap.proto.response;

import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.store.api.UidSet;
import java.util.Map;

/**
 * A server response of RFC 9051 7 (and the extensions offered), one record per response.
 * Mailbox names are Unicode; the encoder writes modified UTF-7 or UTF-8 per session.
 */
public sealed interface ImapResponse {

    /** Status conditions (RFC 9051 7.1: resp-cond-state, resp-cond-auth, resp-cond-bye). */
    enum Cond {
        OK,
        NO,
        BAD,
        PREAUTH,
        BYE
    }

    /** {@code tag OK/NO/BAD [code] text}. {@code code} may be null. */
    record Tagged(String tag, Cond status, ResponseCode code, String text) implements ImapResponse {
        public Tagged {
            if (status != Cond.OK && status != Cond.NO && status != Cond.BAD) {
                throw new IllegalArgumentException("tagged status must be OK, NO or BAD");
            }
        }

        public static Tagged ok(String tag, String text) {
            return new Tagged(tag, Cond.OK, null, text);
        }

        public static Tagged ok(String tag, ResponseCode code, String text) {
            return new Tagged(tag, Cond.OK, code, text);
        }

        public static Tagged no(String tag, String text) {
            return new Tagged(tag, Cond.NO, null, text);
        }

        public static Tagged no(String tag, ResponseCode code, String text) {
            return new Tagged(tag, Cond.NO, code, text);
        }

        public static Tagged bad(String tag, String text) {
            return new Tagged(tag, Cond.BAD, null, text);
        }

        public static Tagged bad(String tag, ResponseCode code, String text) {
            return new Tagged(tag, Cond.BAD, code, text);
        }
    }

    /** {@code * OK/NO/BAD/PREAUTH/BYE [code] text}. {@code code} may be null. */
    record Condition(Cond status, ResponseCode code, String text) implements ImapResponse {
        public static Condition ok(ResponseCode code, String text) {
            return new Condition(Cond.OK, code, text);
        }

        public static Condition bye(String text) {
            return new Condition(Cond.BYE, null, text);
        }
    }

    /** {@code * CAPABILITY ...} (RFC 9051 7.2.2). */
    record Capability(java.util.List<String> capabilities) implements ImapResponse {
        public Capability {
            capabilities = java.util.List.copyOf(capabilities);
        }
    }

    /** {@code * n EXISTS}. */
    record Exists(long count) implements ImapResponse {
    }

    /** {@code * n RECENT} (RFC 3501 7.3.2; rev1 sessions only). */
    record Recent(long count) implements ImapResponse {
    }

    /** {@code * msn EXPUNGE}. */
    record Expunge(long msn) implements ImapResponse {
    }

    /** {@code * VANISHED [(EARLIER)] uids} (RFC 7162 3.2.10). */
    record Vanished(boolean earlier, UidSet uids) implements ImapResponse {
    }

    /** {@code * msn FETCH (...)}. */
    record Fetch(long msn, java.util.List<FetchAttribute> attributes) implements ImapResponse {
        public Fetch {
            attributes = java.util.List.copyOf(attributes);
        }
    }

    /** {@code * FLAGS (...)}. */
    record Flags(java.util.List<String> flags) implements ImapResponse {
        public Flags {
            flags = java.util.List.copyOf(flags);
        }
    }

    /**
     * {@code * LIST (attributes) delimiter name [(extended items)]} (RFC 9051 7.3.1, RFC 5258).
     *
     * @param delimiter null for NIL
     * @param extended  CHILDINFO / OLDNAME items; empty for none
     */
    record List(java.util.List<String> attributes, Character delimiter, String name,
            java.util.List<ListExtendedItem> extended) implements ImapResponse {
        public List {
            attributes = java.util.List.copyOf(attributes);
            extended = java.util.List.copyOf(extended);
        }
    }

    /** {@code * LSUB (attributes) delimiter name} (RFC 3501 7.2.3). */
    record Lsub(java.util.List<String> attributes, Character delimiter, String name) implements ImapResponse {
        public Lsub {
            attributes = java.util.List.copyOf(attributes);
        }
    }

    /** {@code * STATUS name (item value ...)}; iteration order of {@code values} is kept. */
    record Status(String mailbox, Map<StatusItem, Long> values) implements ImapResponse {
        public Status {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }
    }

    /**
     * Untagged {@code * SEARCH n...} of RFC 3501 7.2.5, with {@code (MODSEQ n)} of RFC 7162
     * 3.1.5 when {@code highestModSeq} is not null.
     */
    record Search(java.util.List<Long> numbers, Long highestModSeq) implements ImapResponse {
        public Search {
            numbers = java.util.List.copyOf(numbers);
        }
    }

    /**
     * {@code * ESEARCH (TAG "t") [UID] MIN n MAX n ALL set COUNT n MODSEQ n} (RFC 4731, RFC 9051
     * 7.3.4); null fields are omitted.
     */
    record ESearch(String correlator, boolean uid, Long min, Long max, UidSet all, Long count, Long modSeq)
            implements ImapResponse {
    }

    /** {@code * SORT n...} (RFC 5256 4). */
    record Sort(java.util.List<Long> numbers) implements ImapResponse {
        public Sort {
            numbers = java.util.List.copyOf(numbers);
        }
    }

    /**
     * {@code * THREAD (...)...} (RFC 5256 4) from a flat forest of message numbers (0 for a
     * parent that is not among the results).
     */
    record Thread(io.mailstream.store.api.sort.ThreadForest forest) implements ImapResponse {
    }

    /**
     * {@code * ESEARCH} answering an extended SORT (RFC 5267 3.1): MIN and MAX are the first and
     * last in sort order, ALL keeps the sort order (ascending runs as ranges, 3.2).
     */
    record ESort(String correlator, boolean uid, Long min, Long max, java.util.List<Long> all, Long count)
            implements ImapResponse {
        public ESort {
            all = all == null ? null : java.util.List.copyOf(all);
        }
    }

    /** {@code * STATUS name (...)} with {@code MAILBOXID (id)} (RFC 8474 4.3) where that item is. */
    record StatusWithMailboxId(String mailbox, Map<StatusItem, Long> values, String mailboxId)
            implements ImapResponse {
        public StatusWithMailboxId {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }
    }

    /** {@code * ENABLED ...} (RFC 5161). */
    record Enabled(java.util.List<String> capabilities) implements ImapResponse {
        public Enabled {
            capabilities = java.util.List.copyOf(capabilities);
        }
    }

    /**
     * {@code * NAMESPACE personal other shared} (RFC 2342, RFC 9051 7.3.5); a null list is NIL.
     */
    record Namespace(java.util.List<NamespaceDescr> personal, java.util.List<NamespaceDescr> other,
            java.util.List<NamespaceDescr> shared) implements ImapResponse {
    }

    /** One namespace: prefix and delimiter (null for NIL). */
    record NamespaceDescr(String prefix, Character delimiter) {
    }

    /** {@code * ID (...)} or {@code * ID NIL} when {@code params} is null (RFC 2971). */
    record Id(Map<String, String> params) implements ImapResponse {
    }

    /**
     * {@code * QUOTA root (resource usage limit ...)} (RFC 9208 4.2.1); an empty list means no
     * limits.
     */
    record Quota(String root, java.util.List<QuotaResource> resources) implements ImapResponse {
        public Quota {
            resources = java.util.List.copyOf(resources);
        }
    }

    /** One triplet of a QUOTA response: resource name, usage and limit (RFC 9208 7 quota-resource). */
    record QuotaResource(String name, long usage, long limit) {
    }

    /** {@code * QUOTAROOT mailbox root...} (RFC 9208 4.2.2). */
    record QuotaRoot(String mailbox, java.util.List<String> roots) implements ImapResponse {
        public QuotaRoot {
            roots = java.util.List.copyOf(roots);
        }
    }

    /** {@code + text} (RFC 9051 7.5); text may be base64 (AUTHENTICATE) or empty. */
    record Continuation(String text) implements ImapResponse {
        public static Continuation base64(byte[] challenge) {
            return new Continuation(java.util.Base64.getEncoder().encodeToString(challenge));
        }
    }
}
