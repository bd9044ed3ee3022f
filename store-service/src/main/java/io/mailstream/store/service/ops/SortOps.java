package io.mailstream.store.service.ops;

import com.mongodb.client.model.Sorts;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.api.sort.SortCriterion;
import io.mailstream.store.mime.sort.Collation;
import io.mailstream.store.service.domain.MessageDoc;
import io.mailstream.store.service.domain.SortDoc;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.bson.Document;

/**
 * SORT (RFC 5256 3, RFC 5957 4). The messages stream from MongoDB in the order of the first
 * criterion, from its (mailboxId, key, uid) index; only runs of equal first keys are held and
 * ordered in memory by the following criteria and finally by uid, the implicit sequence-number
 * criterion (REVERSE reverses one key, never that tie-break). Memory: the answer (one uid per
 * match) plus the largest run of equal first keys, each a projected row of keys.
 */
@ApplicationScoped
public class SortOps {
    /** RFC 5256 5: sort-criteria is a list; a client sending more than this is not sorting. */
    static final int MAX_CRITERIA = 16;

    private final SortSource source;

    @Inject
    public SortOps(SortSource source) {
        this.source = source;
    }

    public Uni<List<Long>> sort(String userId, String mailboxId, List<SortCriterion> criteria, SearchKey key) {
        if (criteria == null || criteria.isEmpty() || criteria.size() > MAX_CRITERIA
                || criteria.stream().anyMatch(c -> c == null || c.key() == null)) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "bad sort criteria");
        }
        SortCriterion first = criteria.get(0);
        String firstField = SortDoc.field(first.key());
        List<String> fields = criteria.stream().map(c -> SortDoc.field(c.key())).distinct().toList();
        Comparator<Document> rest = (a, b) -> 0;
        for (SortCriterion c : criteria.subList(1, criteria.size())) {
            Comparator<Document> one = byField(SortDoc.field(c.key()));
            rest = rest.thenComparing(c.reverse() ? one.reversed() : one);
        }
        Comparator<Document> tail = rest.thenComparingLong(MessageDoc::uid);
        return source.rows(userId, mailboxId, key, fields,
                        first.reverse() ? Sorts.descending(firstField) : Sorts.ascending(firstField))
                .collect().in(() -> new Runs(firstField, tail), Runs::add)
                .map(Runs::finish);
    }

    /** Groups the stream into runs of equal first key, each ordered by the remaining criteria. */
    private static final class Runs {
        private final String field;
        private final Comparator<Document> tail;
        private final List<Long> out = new ArrayList<>();
        private final List<Document> run = new ArrayList<>();
        private Object current;

        Runs(String field, Comparator<Document> tail) {
            this.field = field;
            this.tail = tail;
        }

        void add(Document d) {
            Object v = normalized(d.get(field));
            if (!run.isEmpty() && !Objects.equals(v, current)) {
                flush();
            }
            current = v;
            run.add(d);
        }

        List<Long> finish() {
            flush();
            return out;
        }

        private void flush() {
            if (run.size() > 1) {
                run.sort(tail);
            }
            run.forEach(d -> out.add(MessageDoc.uid(d)));
            run.clear();
        }
    }

    /** Absent keys are the empty string / zero (RFC 5256 3: absent header = empty string). */
    static Object normalized(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Date d) {
            return d.getTime();
        }
        return v;
    }

    static Comparator<Document> byField(String field) {
        return (a, b) -> {
            Object x = normalized(a.get(field));
            Object y = normalized(b.get(field));
            if (x instanceof Long l && y instanceof Long m) {
                return Long.compare(l, m);
            }
            return Collation.compare(x == null ? "" : x.toString(), y == null ? "" : y.toString());
        };
    }
}
