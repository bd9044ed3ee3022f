package io.mailstream.store.mime.sort;

import io.mailstream.store.api.sort.ThreadForest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 5256 3 ORDEREDSUBJECT: sort by base subject then sent date, split into threads of equal
 * base subject, order the threads by the sent date of their first message. The first message is
 * the root; every later one is a child of it (siblings of the second): no grandchildren.
 */
public final class OrderedSubjectThreader {
    private OrderedSubjectThreader() {
    }

    public static ThreadForest thread(List<ThreadInput> messages) {
        Comparator<ThreadInput> bySent = Comparator.comparingLong(ThreadInput::sentAt)
                .thenComparingLong(ThreadInput::uid);
        Map<String, List<ThreadInput>> bySubject = new LinkedHashMap<>();
        for (ThreadInput m : messages) {
            bySubject.computeIfAbsent(m.subject(), k -> new ArrayList<>()).add(m);
        }
        List<List<ThreadInput>> threads = new ArrayList<>(bySubject.values());
        threads.forEach(t -> t.sort(bySent));
        threads.sort((a, b) -> bySent.compare(a.get(0), b.get(0)));
        List<Long> uids = new ArrayList<>(messages.size());
        List<Integer> parents = new ArrayList<>(messages.size());
        for (List<ThreadInput> t : threads) {
            int root = uids.size();
            for (int i = 0; i < t.size(); i++) {
                uids.add(t.get(i).uid());
                parents.add(i == 0 ? -1 : root);
            }
        }
        return new ThreadForest(uids, parents);
    }
}
