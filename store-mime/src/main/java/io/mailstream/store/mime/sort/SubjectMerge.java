package io.mailstream.store.mime.sort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** RFC 5256 3 REFERENCES step (5): gather the threads under the root that share a base subject. */
final class SubjectMerge {

    /** How the merge reads and builds the tree. */
    interface Access<N> {
        /** The thread subject: the base subject of the message, or of a dummy's first child (5.B.i). */
        String subject(N n);

        boolean dummy(N n);

        boolean reply(N n);

        List<N> children(N n);

        N newDummy();
    }

    private SubjectMerge() {
    }

    static <N> void merge(List<N> roots, Access<N> a) {
        // (A), (B) the subject table
        Map<String, N> table = new HashMap<>();
        for (N n : roots) {
            String s = a.subject(n);
            if (s.isEmpty()) {
                continue;
            }
            N t = table.get(s);
            if (t == null || (!a.dummy(t) && (a.dummy(n) || (a.reply(t) && !a.reply(n))))) {
                table.put(s, n);
            }
        }
        // (C) merge threads with the same thread subject; slots keep the root order, O(n)
        List<N> slots = new ArrayList<>(roots);
        Map<N, Integer> slot = new IdentityHashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            slot.put(slots.get(i), i);
        }
        for (N n : roots) {
            String s = a.subject(n);
            if (s.isEmpty() || !slot.containsKey(n)) {
                continue; // no subject, or already placed under a new dummy
            }
            N t = table.get(s);
            if (t == n) {
                continue;
            }
            if (a.dummy(t) && a.dummy(n)) {
                a.children(t).addAll(a.children(n));
            } else if (a.dummy(t) || (a.reply(n) && !a.reply(t))) {
                a.children(t).add(n);
            } else {
                N d = a.newDummy();
                a.children(d).add(t);
                a.children(d).add(n);
                int at = slot.remove(t);
                slots.set(at, d);
                slot.put(d, at);
                table.put(s, d);
            }
            slots.set(slot.remove(n), null);
        }
        List<N> result = new ArrayList<>(slots.size());
        for (N n : slots) {
            if (n != null) {
                result.add(n);
            }
        }
        roots.clear();
        roots.addAll(result);
    }
}
