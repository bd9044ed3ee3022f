package io.mailstream.imap.proto.encode;

import io.mailstream.store.api.sort.ThreadForest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The thread lists of RFC 5256 4/5:
 * <pre>
 * thread-list    = "(" (thread-members / thread-nested) ")"
 * thread-members = nz-number *(SP nz-number) [SP thread-nested]
 * thread-nested  = 2*thread-list
 * </pre>
 * A chain of single children is one list ({@code (3 6 ...)}); a split nests one list per child.
 * A dummy (number 0) writes no number: its children follow as nested lists ({@code ((3)(5))}).
 * Iterative, with an explicit stack: nesting depth is client-controlled.
 */
final class ThreadEncoder {
    private ThreadEncoder() {
    }

    static String encode(ThreadForest forest) {
        List<List<Integer>> children = forest.children();
        List<Integer> roots = children.get(forest.size());
        StringBuilder sb = new StringBuilder();
        // each entry: a String to write, or an Integer node to write as a thread-list
        Deque<Object> stack = new ArrayDeque<>();
        for (int i = roots.size() - 1; i >= 0; i--) {
            stack.push(roots.get(i));
        }
        while (!stack.isEmpty()) {
            Object top = stack.pop();
            if (top instanceof String s) {
                sb.append(s);
                continue;
            }
            List<Object> parts = new ArrayList<>();
            parts.add("(");
            int node = (Integer) top;
            boolean numbers = false;
            while (true) {
                long n = forest.uids().get(node);
                if (n != 0) {
                    parts.add((numbers ? " " : "") + n);
                    numbers = true;
                }
                List<Integer> kids = children.get(node);
                if (kids.size() == 1) {
                    node = kids.get(0);
                    continue;
                }
                if (!kids.isEmpty()) {
                    if (numbers) {
                        parts.add(" ");
                    }
                    parts.addAll(kids);
                }
                break;
            }
            parts.add(")");
            for (int i = parts.size() - 1; i >= 0; i--) {
                stack.push(parts.get(i));
            }
        }
        return sb.toString();
    }
}
