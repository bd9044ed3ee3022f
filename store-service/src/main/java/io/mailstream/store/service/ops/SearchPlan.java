package io.mailstream.store.service.ops;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.service.domain.MessageDoc;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.conversions.Bson;

/**
 * Turns a search key into a MongoDB pre-filter: a query matching a superset of the answer
 * (flags, uids, sizes, internal dates, modseq), so the in-memory {@link SearchMatcher} only sees
 * candidates. Keys MongoDB cannot evaluate (header and body text, sent date) contribute nothing.
 */
final class SearchPlan {
    /** Nesting limit: a search key is client input. */
    static final int MAX_DEPTH = 64;

    private SearchPlan() {
    }

    /** Null means "no restriction". */
    static Bson prefilter(SearchKey key) {
        return pre(key, 0);
    }

    /** Whether evaluating the key needs the stored search fields (header/body text, sent date). */
    static boolean needsText(SearchKey key) {
        if (key instanceof SearchKey.Header || key instanceof SearchKey.Body || key instanceof SearchKey.Text
                || key instanceof SearchKey.SentDate) {
            return true;
        }
        if (key instanceof SearchKey.And a) {
            return a.keys().stream().anyMatch(SearchPlan::needsText);
        }
        if (key instanceof SearchKey.Or o) {
            return needsText(o.left()) || needsText(o.right());
        }
        return key instanceof SearchKey.Not n && needsText(n.key());
    }

    private static Bson pre(SearchKey key, int depth) {
        if (depth > MAX_DEPTH) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "search key nested too deeply");
        }
        if (key == null) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "missing search key");
        }
        if (key instanceof SearchKey.Flag f) {
            return f.set() ? eq(MessageDoc.LFLAGS, lower(f.flag())) : ne(MessageDoc.LFLAGS, lower(f.flag()));
        }
        if (key instanceof SearchKey.Size s) {
            return s.larger() ? gt(MessageDoc.SIZE, s.octets()) : lt(MessageDoc.SIZE, s.octets());
        }
        if (key instanceof SearchKey.ModSeq m) {
            return gte(MessageDoc.MODSEQ, m.modSeq());
        }
        if (key instanceof SearchKey.InternalDate d) {
            return date(d.op(), d.date());
        }
        if (key instanceof SearchKey.Uids u) {
            return uids(u);
        }
        if (key instanceof SearchKey.EmailId e) {
            return eq(MessageDoc.EMAIL_ID, objectId(e.id()));
        }
        if (key instanceof SearchKey.ThreadId t) {
            return eq(MessageDoc.THREAD_ID, objectId(t.id()));
        }
        if (key instanceof SearchKey.MessageSet) {
            throw new StoreException(StoreErrorCode.BADREQUEST,
                    "sequence sets must be resolved to uids by the front-end");
        }
        if (key instanceof SearchKey.And a) {
            if (a.keys() == null) {
                throw new StoreException(StoreErrorCode.BADREQUEST, "missing search keys");
            }
            List<Bson> parts = new ArrayList<>();
            for (SearchKey k : a.keys()) {
                Bson b = pre(k, depth + 1);
                if (b != null) {
                    parts.add(b);
                }
            }
            return parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : and(parts);
        }
        if (key instanceof SearchKey.Or o) {
            Bson l = pre(o.left(), depth + 1);
            Bson r = pre(o.right(), depth + 1);
            return l == null || r == null ? null : or(l, r);
        }
        if (key instanceof SearchKey.Not n) {
            pre(n.key(), depth + 1); // validates the nested key
            return n.key() instanceof SearchKey.Flag f ? (f.set() ? ne(MessageDoc.LFLAGS, lower(f.flag()))
                    : eq(MessageDoc.LFLAGS, lower(f.flag()))) : null;
        }
        if ((key instanceof SearchKey.Header h && h.field() == null)
                || (key instanceof SearchKey.SentDate sd && sd.date() == null)) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "incomplete search key");
        }
        return null; // All, Header, Body, Text, SentDate: evaluated in memory
    }

    private static Bson uids(SearchKey.Uids u) {
        if (u.uids() == null || u.uids().isEmpty()) {
            return lt(MessageDoc.UID, 0L);
        }
        var r = u.uids().ranges();
        return and(gte(MessageDoc.UID, r.get(0).first()), com.mongodb.client.model.Filters.lte(MessageDoc.UID,
                r.get(r.size() - 1).last()));
    }

    /**
     * RFC 9051 6.4.4: BEFORE/ON/SINCE compare the day of the internal date "disregarding time and
     * timezone", i.e. the day in the internal date's own zone, kept as {@code internalDay}.
     * Documents stored before it was kept have a +0000 internal date: their UTC day is that day.
     */
    private static Bson date(SearchKey.DateOp op, LocalDate day) {
        if (op == null || day == null) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "incomplete date search key");
        }
        return or(dayRange(MessageDoc.INTERNAL_DAY, op, day),
                and(eq(MessageDoc.INTERNAL_DAY, null), dayRange(MessageDoc.INTERNAL_DATE, op, day)));
    }

    private static Bson dayRange(String field, SearchKey.DateOp op, LocalDate day) {
        Date start = MessageDoc.day(day);
        Date next = MessageDoc.day(day.plusDays(1));
        switch (op) {
            case BEFORE:
                return lt(field, start);
            case ON:
                return and(gte(field, start), lt(field, next));
            default:
                return gte(field, start);
        }
    }

    /** RFC 8474 6: an exact, case-sensitive match. */
    static String objectId(String id) {
        if (id == null || id.isEmpty()) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "missing object id");
        }
        return id;
    }

    static String lower(String flag) {
        if (flag == null) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "missing flag");
        }
        return flag.toLowerCase(Locale.ROOT);
    }
}
