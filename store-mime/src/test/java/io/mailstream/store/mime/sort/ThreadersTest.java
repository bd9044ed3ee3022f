package io.mailstream.store.mime.sort;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.sort.ThreadForest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5256 3 REFERENCES and ORDEREDSUBJECT on hand-made keys; shown as "uid(children...)". */
class ThreadersTest {

    private static ThreadInput msg(long uid, String subject, long sent, String id, String... refs) {
        BaseSubject b = BaseSubject.of(subject);
        return new ThreadInput(uid, Collation.key(b.text()), sent, id, List.of(refs), b.reply());
    }

    /** A compact rendering: roots in order, children in brackets; dummies as "*". */
    static String show(ThreadForest f) {
        List<List<Integer>> kids = f.children();
        StringBuilder sb = new StringBuilder();
        for (int r : kids.get(f.size())) {
            show(f, kids, r, sb);
        }
        return sb.toString().trim();
    }

    private static void show(ThreadForest f, List<List<Integer>> kids, int n, StringBuilder sb) {
        sb.append(' ').append(f.uids().get(n) == 0 ? "*" : f.uids().get(n));
        if (!kids.get(n).isEmpty()) {
            sb.append('[');
            for (int c : kids.get(n)) {
                show(f, kids, c, sb);
            }
            sb.append(" ]");
        }
    }

    @Test
    void referencesBuildsTheTreeAndSortsSiblingsBySentDate() {
        List<ThreadInput> in = List.of(
                msg(1, "root", 10, "a@x"),
                msg(2, "Re: root", 30, "b@x", "a@x"),
                msg(3, "Re: root", 20, "c@x", "a@x"),
                msg(4, "Re: Re: root", 40, "d@x", "a@x", "b@x"),
                msg(5, "other", 5, "e@x"));
        assertThat(show(ReferencesThreader.thread(in))).isEqualTo("5 1[ 3 2[ 4 ] ]");
    }

    @Test
    void missingParentBecomesADummyKeptOnlyForSeveralChildren() {
        // RFC 5256 4: "((3)(5))", 3 and 5 siblings under a parent not among the results
        List<ThreadInput> in = List.of(
                msg(3, "one", 1, "c@x", "p@x"),
                msg(5, "two", 2, "e@x", "p@x"),
                msg(7, "three", 3, "g@x", "q@x"));
        assertThat(show(ReferencesThreader.thread(in))).isEqualTo("*[ 3 5 ] 7");
    }

    @Test
    void subjectsMergeRepliesUnderTheOriginal() {
        List<ThreadInput> in = List.of(
                msg(1, "Re: lunch", 10, "a@x"),
                msg(2, "lunch", 20, "b@x"),
                msg(3, "lunch", 30, "c@x"),
                msg(4, "", 40, "d@x"),
                msg(5, "", 50, "e@x"));
        // 2 is the original (not a reply): 1 goes under it; 3 is not a reply either: a dummy
        // holds both; empty subjects are never merged
        assertThat(show(ReferencesThreader.thread(in))).isEqualTo("*[ 2[ 1 ] 3 ] 4 5");
    }

    @Test
    void duplicateIdsLoopsAndSelfReferencesAreHarmless() {
        List<ThreadInput> in = List.of(
                msg(1, "a", 1, "a@x", "b@x"),
                msg(2, "b", 2, "b@x", "a@x"),
                msg(3, "c", 3, "a@x"),
                msg(4, "d", 4, "d@x", "d@x"));
        ThreadForest f = ReferencesThreader.thread(in);
        assertThat(f.uids()).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        // 1 makes b@x (later message 2) its parent; 2's reference back to 1 would be a loop and is
        // not linked; 3 repeats 1's id and gets a unique one; 4 referring to itself stays a root
        assertThat(show(f)).isEqualTo("2[ 1 ] 3 4");
    }

    @Test
    void aVeryDeepReplyChainNeedsNoDeepStack() {
        List<ThreadInput> in = new ArrayList<>();
        for (int i = 1; i <= 50_000; i++) {
            in.add(i == 1 ? msg(i, "x", i, "m1@x") : msg(i, "Re: x", i, "m" + i + "@x", "m" + (i - 1) + "@x"));
        }
        ThreadForest f = ReferencesThreader.thread(in);
        assertThat(f.size()).isEqualTo(50_000);
        assertThat(f.parents().get(49_999)).isEqualTo(49_998);
    }

    @Test
    void orderedSubjectGroupsBySubjectAndOrdersThreadsByFirstDate() {
        List<ThreadInput> in = List.of(
                msg(1, "beta", 50, "a@x"),
                msg(2, "Re: alpha", 20, "b@x"),
                msg(3, "alpha", 10, "c@x"),
                msg(4, "Re: beta", 40, "d@x"),
                msg(5, "Fwd: alpha", 30, "e@x"),
                msg(6, "gamma", 35, "f@x"));
        assertThat(show(OrderedSubjectThreader.thread(in))).isEqualTo("3[ 2 5 ] 6 4[ 1 ]");
    }
}
