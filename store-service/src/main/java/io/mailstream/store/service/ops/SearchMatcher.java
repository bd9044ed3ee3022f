package io.mailstream.store.service.ops;

import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.mime.SearchFields;
import io.mailstream.store.service.domain.Docs;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.mime.StoredAnalysis;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.Document;

/**
 * Exact evaluation of a search key (RFC 9051 6.4.4) against one message document: flags, uid,
 * size, dates and modseq from the document, header and body text from the search fields stored
 * at append (decoded values, case-insensitive substring match).
 */
final class SearchMatcher {
    private final Document doc;
    private SearchFields fields;

    SearchMatcher(Document doc) {
        this.doc = doc;
    }

    boolean matches(SearchKey key) {
        if (key instanceof SearchKey.And a) {
            return a.keys().stream().allMatch(this::matches);
        }
        if (key instanceof SearchKey.Or o) {
            return matches(o.left()) || matches(o.right());
        }
        if (key instanceof SearchKey.Not n) {
            return !matches(n.key());
        }
        if (key instanceof SearchKey.Flag f) {
            return Docs.strings(doc, MessageDoc.LFLAGS).contains(SearchPlan.lower(f.flag())) == f.set();
        }
        if (key instanceof SearchKey.Size s) {
            return s.larger() ? size() > s.octets() : size() < s.octets();
        }
        if (key instanceof SearchKey.ModSeq m) {
            return MessageDoc.modSeq(doc) >= m.modSeq();
        }
        if (key instanceof SearchKey.Uids u) {
            return u.uids() != null && u.uids().contains(MessageDoc.uid(doc));
        }
        if (key instanceof SearchKey.InternalDate d) {
            return compare(d.op(), internalDay(), d.date());
        }
        if (key instanceof SearchKey.SentDate d) {
            return fields().sentDate() != null && compare(d.op(), fields().sentDate(), d.date());
        }
        if (key instanceof SearchKey.Header h) {
            return header(h.field(), h.value());
        }
        if (key instanceof SearchKey.Body b) {
            return contains(fields().bodyText(), b.value());
        }
        if (key instanceof SearchKey.Text t) {
            return contains(fields().bodyText(), t.value()) || anyHeader(t.value());
        }
        if (key instanceof SearchKey.EmailId e) {
            return e.id() != null && e.id().equals(doc.getString(MessageDoc.EMAIL_ID));
        }
        if (key instanceof SearchKey.ThreadId t) {
            return t.id() != null && t.id().equals(doc.getString(MessageDoc.THREAD_ID));
        }
        return key instanceof SearchKey.All;
    }

    private long size() {
        return Docs.getLong(doc, MessageDoc.SIZE, 0);
    }

    private LocalDate internalDay() {
        Date d = doc.getDate(MessageDoc.INTERNAL_DATE);
        // RFC 9051 6.4.4: the day of the internal date in its own zone, disregarding time and timezone
        return d == null ? LocalDate.EPOCH : d.toInstant().atOffset(MessageDoc.offset(doc)).toLocalDate();
    }

    private static boolean compare(SearchKey.DateOp op, LocalDate value, LocalDate key) {
        switch (op) {
            case BEFORE:
                return value.isBefore(key);
            case ON:
                return value.isEqual(key);
            default:
                return !value.isBefore(key);
        }
    }

    /** RFC 9051 6.4.4 HEADER: an empty string matches every message that has the field. */
    private boolean header(String field, String value) {
        List<String> values = fields().values(field == null ? "" : field);
        if (values.isEmpty()) {
            return false;
        }
        return values.stream().anyMatch(v -> contains(v, value));
    }

    private boolean anyHeader(String value) {
        return fields().headers().stream().anyMatch(h -> contains(h.value(), value));
    }

    private SearchFields fields() {
        if (fields == null) {
            SearchFields f = StoredAnalysis.search(doc.getString(MessageDoc.SEARCH));
            fields = f != null ? f : new SearchFields(List.of(), null, null, "");
        }
        return fields;
    }

    /** Case-insensitive substring (RFC 9051 6.4.4; full Unicode case folding is not attempted). */
    static boolean contains(String haystack, String needle) {
        if (needle == null || needle.isEmpty()) {
            return true;
        }
        if (haystack == null) {
            return false;
        }
        return haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }
}
