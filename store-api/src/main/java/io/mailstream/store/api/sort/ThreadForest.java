package io.mailstream.store.api.sort;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of THREAD (RFC 5256 3) as a flat forest, so that a reply chain thousands deep is no
 * deeper in JSON: nodes in pre-order, {@code parents.get(i)} the index of node i's parent (-1 for
 * a thread root), siblings in their order. {@code uids.get(i) == 0} is a dummy: a parent that is
 * not among the searched messages (RFC 5256 4: {@code ((3)(5))}).
 */
public record ThreadForest(List<Long> uids, List<Integer> parents) {
    public ThreadForest {
        uids = List.copyOf(uids);
        parents = List.copyOf(parents);
        if (uids.size() != parents.size()) {
            throw new IllegalArgumentException("uids and parents differ in size");
        }
    }

    public static ThreadForest empty() {
        return new ThreadForest(List.of(), List.of());
    }

    public int size() {
        return uids.size();
    }

    /** The children of every node (index -> child indexes in order); index size() are the roots. */
    public List<List<Integer>> children() {
        List<List<Integer>> out = new ArrayList<>(uids.size() + 1);
        for (int i = 0; i <= uids.size(); i++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < parents.size(); i++) {
            int p = parents.get(i);
            out.get(p < 0 ? uids.size() : p).add(i);
        }
        return out;
    }
}
