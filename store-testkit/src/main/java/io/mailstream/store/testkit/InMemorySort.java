package io.mailstream.store.testkit;

import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.sort.SortCriterion;
import io.mailstream.store.api.sort.SortKey;
import io.mailstream.store.api.sort.ThreadAlgorithm;
import io.mailstream.store.api.sort.ThreadForest;
import io.mailstream.store.mime.sort.Collation;
import io.mailstream.store.mime.sort.OrderedSubjectThreader;
import io.mailstream.store.mime.sort.ReferencesThreader;
import io.mailstream.store.mime.sort.ThreadInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** SORT and THREAD (RFC 5256, RFC 5957) of the in-memory store, with the real store's keys. */
final class InMemorySort {
    private InMemorySort() {
    }

    static List<Long> sort(List<TestMessage> messages, List<SortCriterion> criteria) {
        if (criteria == null || criteria.isEmpty()) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "bad sort criteria");
        }
        Comparator<TestMessage> order = (a, b) -> 0;
        for (SortCriterion c : criteria) {
            Comparator<TestMessage> one = by(c.key());
            order = order.thenComparing(c.reverse() ? one.reversed() : one);
        }
        // RFC 5256 3: the implicit last criterion is the sequence number, never reversed
        order = order.thenComparingLong(m -> m.uid);
        List<TestMessage> sorted = new ArrayList<>(messages);
        sorted.sort(order);
        return sorted.stream().map(m -> m.uid).toList();
    }

    static ThreadForest thread(List<TestMessage> messages, ThreadAlgorithm algorithm) {
        List<ThreadInput> in = messages.stream().map(m -> new ThreadInput(m.uid, m.sort.subject(), m.sentAt(),
                m.sort.messageId(), m.sort.references(), m.sort.reply())).toList();
        if (algorithm == ThreadAlgorithm.REFERENCES) {
            return ReferencesThreader.thread(in);
        }
        return OrderedSubjectThreader.thread(in);
    }

    private static Comparator<TestMessage> by(SortKey key) {
        switch (key) {
            case ARRIVAL:
                return Comparator.comparing(m -> m.internalDate);
            case DATE:
                return Comparator.comparingLong(TestMessage::sentAt);
            case SIZE:
                return Comparator.comparingLong(m -> m.raw.length);
            case SUBJECT:
                return Comparator.comparing(m -> m.sort.subject(), Collation.ORDER);
            case FROM:
                return Comparator.comparing(m -> m.sort.from(), Collation.ORDER);
            case TO:
                return Comparator.comparing(m -> m.sort.to(), Collation.ORDER);
            case CC:
                return Comparator.comparing(m -> m.sort.cc(), Collation.ORDER);
            case DISPLAYFROM:
                return Comparator.comparing(m -> m.sort.displayFrom(), Collation.ORDER);
            default:
                return Comparator.comparing(m -> m.sort.displayTo(), Collation.ORDER);
        }
    }
}
