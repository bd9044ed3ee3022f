package io.mailstream.store.service.domain;

import io.mailstream.store.api.sort.SortKey;
import io.mailstream.store.mime.sort.SortFields;
import io.mailstream.store.mime.sort.ThreadInput;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * The SORT / THREAD keys of a message document (RFC 5256, RFC 5957), written at append as
 * top-level fields so that each has a compound index (mailboxId, key, uid) and a SORT streams
 * in index order. Collation keys are strings compared by octets, which is MongoDB's default.
 */
public final class SortDoc {
    public static final String SUBJECT = "sSubject";
    public static final String FROM = "sFrom";
    public static final String TO = "sTo";
    public static final String CC = "sCc";
    public static final String DISPLAY_FROM = "sDFrom";
    public static final String DISPLAY_TO = "sDTo";
    /** RFC 5256 2.2 sent date, already falling back to the internal date. */
    public static final String DATE = "sDate";
    public static final String MESSAGE_ID = "sMsgId";
    public static final String REFERENCES = "sRefs";
    public static final String REPLY = "sReply";

    /** Fields of the index-backed keys, in {@link SortKey} order. */
    public static final List<String> INDEXED = List.of(MessageDoc.INTERNAL_DATE, CC, DATE, FROM, MessageDoc.SIZE,
            SUBJECT, TO, DISPLAY_FROM, DISPLAY_TO);

    private SortDoc() {
    }

    public static String field(SortKey key) {
        return INDEXED.get(key.ordinal());
    }

    public static void put(Document d, SortFields f, Date internalDate) {
        d.append(SUBJECT, f.subject()).append(FROM, f.from()).append(TO, f.to()).append(CC, f.cc())
                .append(DISPLAY_FROM, f.displayFrom()).append(DISPLAY_TO, f.displayTo())
                .append(DATE, f.sentAt() == null ? internalDate : Date.from(f.sentAt()))
                .append(MESSAGE_ID, f.messageId()).append(REFERENCES, f.references())
                .append(REPLY, f.reply());
    }

    /** Whether the document was stored before the keys existed (see SortKeyBackfill). */
    public static boolean missing(Document d) {
        return !d.containsKey(SUBJECT);
    }

    public static ThreadInput threadInput(Document d) {
        Date sent = d.getDate(DATE);
        return new ThreadInput(MessageDoc.uid(d), d.getString(SUBJECT), sent == null ? 0 : sent.getTime(),
                d.getString(MESSAGE_ID), Docs.strings(d, REFERENCES), Boolean.TRUE.equals(d.getBoolean(REPLY)));
    }
}
