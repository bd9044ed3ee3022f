package io.mailstream.store.service.domain;

import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.MessageMeta;
import io.mailstream.store.api.mime.BodyStructure;
import io.mailstream.store.api.mime.Envelope;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bson.Document;

/**
 * Field names and conversions of a {@code messages} document: what FETCH and SEARCH need without
 * reading the blob (ENVELOPE, BODYSTRUCTURE and the part index as JSON, search fields as JSON).
 */
public final class MessageDoc {
    public static final String MAILBOX_ID = "mailboxId";
    public static final String USER_ID = "userId";
    public static final String UID = "uid";
    public static final String MODSEQ = "modseq";
    public static final String FLAGS = "flags";
    /** Lower-cased copy of {@link #FLAGS}: keywords and system flags match case-insensitively. */
    public static final String LFLAGS = "lflags";
    public static final String INTERNAL_DATE = "internalDate";
    /** Zone offset of the internal date in seconds (RFC 9051 2.3.3); absent in older documents: +0000. */
    public static final String INTERNAL_DATE_OFFSET = "internalDateOffset";
    /** The internal date's day in its own zone, as UTC midnight (RFC 9051 6.4.4); absent in older documents. */
    public static final String INTERNAL_DAY = "internalDay";
    public static final String SIZE = "size";
    public static final String BLOB_ID = "blobId";
    public static final String EMAIL_ID = "emailId";
    public static final String THREAD_ID = "threadId";
    public static final String ENVELOPE = "envelope";
    public static final String BODY_STRUCTURE = "bodyStructure";
    public static final String PARTS = "parts";
    public static final String SEARCH = "search";

    /** Projection for flag-level work (select, changes, store). */
    public static final Document FLAGS_PROJECTION = new Document(UID, 1).append(MODSEQ, 1).append(FLAGS, 1)
            .append("_id", 0);

    private MessageDoc() {
    }

    /** The document id of a message: unique like (mailboxId, uid), and a primary-key lookup. */
    public static String id(String mailboxId, long uid) {
        return mailboxId + ":" + uid;
    }

    public static long uid(Document d) {
        return Docs.getLong(d, UID, 0);
    }

    public static long modSeq(Document d) {
        return Docs.getLong(d, MODSEQ, 0);
    }

    public static Set<String> flags(Document d) {
        return new LinkedHashSet<>(Docs.strings(d, FLAGS));
    }

    public static List<String> lower(Set<String> flags) {
        return flags.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
    }

    public static MessageFlags toFlags(Document d) {
        return new MessageFlags(uid(d), Set.copyOf(flags(d)), modSeq(d));
    }

    public static MessageMeta toMeta(Document d, boolean withEnvelope, boolean withBodyStructure) {
        Date date = d.getDate(INTERNAL_DATE);
        Envelope env = withEnvelope ? Json.read(d.getString(ENVELOPE), Envelope.class) : null;
        BodyStructure bs = withBodyStructure ? Json.read(d.getString(BODY_STRUCTURE), BodyStructure.class) : null;
        return new MessageMeta(uid(d), modSeq(d), Set.copyOf(flags(d)), date == null ? null : date.toInstant(),
                Docs.getLong(d, SIZE, 0), env, bs, d.getString(EMAIL_ID), d.getString(THREAD_ID), offset(d));
    }

    /** The zone of the internal date; +0000 for documents stored before it was kept. */
    public static ZoneOffset offset(Document d) {
        return ZoneOffset.ofTotalSeconds((int) Docs.getLong(d, INTERNAL_DATE_OFFSET, 0));
    }

    /** A day as stored in {@link #INTERNAL_DAY}. */
    public static Date day(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
