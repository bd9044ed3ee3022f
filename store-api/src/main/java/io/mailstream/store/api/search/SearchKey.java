package io.mailstream.store.api.search;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.mailstream.store.api.UidSet;
import java.time.LocalDate;
import java.util.List;

/**
 * A search criterion of RFC 9051 6.4.4 (plus MODSEQ of RFC 7162), evaluated by the store.
 * Front-ends translate what depends on their session before calling the store: message
 * sequence numbers and {@code $} (RFC 5182) become {@link Uids}; \Recent, NEW and OLD become
 * uid ranges.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SearchKey.All.class, name = "all"),
    @JsonSubTypes.Type(value = SearchKey.And.class, name = "and"),
    @JsonSubTypes.Type(value = SearchKey.Or.class, name = "or"),
    @JsonSubTypes.Type(value = SearchKey.Not.class, name = "not"),
    @JsonSubTypes.Type(value = SearchKey.Flag.class, name = "flag"),
    @JsonSubTypes.Type(value = SearchKey.Header.class, name = "header"),
    @JsonSubTypes.Type(value = SearchKey.Body.class, name = "body"),
    @JsonSubTypes.Type(value = SearchKey.Text.class, name = "text"),
    @JsonSubTypes.Type(value = SearchKey.InternalDate.class, name = "internaldate"),
    @JsonSubTypes.Type(value = SearchKey.SentDate.class, name = "sentdate"),
    @JsonSubTypes.Type(value = SearchKey.Size.class, name = "size"),
    @JsonSubTypes.Type(value = SearchKey.Uids.class, name = "uids"),
    @JsonSubTypes.Type(value = SearchKey.ModSeq.class, name = "modseq"),
    @JsonSubTypes.Type(value = SearchKey.MessageSet.class, name = "messageset"),
    @JsonSubTypes.Type(value = SearchKey.EmailId.class, name = "emailid"),
    @JsonSubTypes.Type(value = SearchKey.ThreadId.class, name = "threadid")
})
public sealed interface SearchKey {

    /** BEFORE / ON / SINCE: date comparison ignoring time and timezone (RFC 9051 6.4.4). */
    enum DateOp {
        BEFORE,
        ON,
        SINCE
    }

    /** ALL. */
    record All() implements SearchKey {
    }

    /** A parenthesized list or the implicit AND of consecutive keys. */
    record And(List<SearchKey> keys) implements SearchKey {
    }

    /** OR key1 key2. */
    record Or(SearchKey left, SearchKey right) implements SearchKey {
    }

    /** NOT key. */
    record Not(SearchKey key) implements SearchKey {
    }

    /**
     * ANSWERED/UNANSWERED, DELETED, DRAFT, FLAGGED, SEEN and KEYWORD/UNKEYWORD:
     * {@code set == true} matches messages that have the flag.
     */
    record Flag(String flag, boolean set) implements SearchKey {
    }

    /**
     * HEADER field string, and FROM/TO/CC/BCC/SUBJECT as HEADER of that field: case-insensitive
     * substring of the decoded field value; an empty value matches any message with the field.
     */
    record Header(String field, String value) implements SearchKey {
    }

    /** BODY string: substring of the decoded body text. */
    record Body(String value) implements SearchKey {
    }

    /** TEXT string: substring of the header or body. */
    record Text(String value) implements SearchKey {
    }

    /** BEFORE / ON / SINCE on the internal date. */
    record InternalDate(DateOp op, LocalDate date) implements SearchKey {
    }

    /** SENTBEFORE / SENTON / SENTSINCE on the Date: header. */
    record SentDate(DateOp op, LocalDate date) implements SearchKey {
    }

    /** LARGER n ({@code larger == true}) or SMALLER n, on RFC822.SIZE. */
    record Size(boolean larger, long octets) implements SearchKey {
    }

    /** UID set (also the translation of a message-sequence set). */
    record Uids(UidSet uids) implements SearchKey {
    }

    /** MODSEQ n (RFC 7162 3.1.5): messages whose modseq is at least n. */
    record ModSeq(long modSeq) implements SearchKey {
    }

    /**
     * A sequence set as the client wrote it (may contain {@code *}), or {@code $} (RFC 5182),
     * of message sequence numbers ({@code uid == false}) or UIDs (the UID key). Only the
     * front-end's session can resolve it: it replaces it with {@link Uids} before calling the
     * store, which rejects this key with BADREQUEST.
     */
    record MessageSet(String set, boolean uid) implements SearchKey {
    }

    /** EMAILID objectid (RFC 8474 6): messages whose EMAILID is exactly {@code id} (case-sensitive). */
    record EmailId(String id) implements SearchKey {
    }

    /** THREADID objectid (RFC 8474 6): messages whose THREADID is exactly {@code id}. */
    record ThreadId(String id) implements SearchKey {
    }
}
