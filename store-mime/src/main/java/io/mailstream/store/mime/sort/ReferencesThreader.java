package io.mailstream.store.mime.sort;

import io.mailstream.store.api.sort.ThreadForest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 5256 3 REFERENCES, step by step (the step numbers are the RFC's). Works on the per-message
 * keys only; iterative where the tree depth is client-controlled (reply chains), so no input can
 * overflow the stack.
 */
public final class ReferencesThreader {

    private static final class Node {
        ThreadInput msg; // null: a dummy
        Node parent;
        final List<Node> children = new ArrayList<>();

        /** The message this node sorts by: itself, or a dummy's first child (RFC 5256 3 steps 4, 6). */
        ThreadInput key() {
            Node n = this;
            while (n.msg == null && !n.children.isEmpty()) {
                n = n.children.get(0);
            }
            return n.msg;
        }
    }

    private static final Comparator<Node> BY_SENT = (a, b) -> {
        ThreadInput x = a.key();
        ThreadInput y = b.key();
        int c = Long.compare(x.sentAt(), y.sentAt());
        return c != 0 ? c : Long.compare(x.uid(), y.uid()); // RFC 5256 2.2: ties by sequence number
    };

    private ReferencesThreader() {
    }

    /** @param messages the searched messages in uid (sequence) order */
    public static ThreadForest thread(List<ThreadInput> messages) {
        List<Node> all = new ArrayList<>();
        link(messages, all);
        // (2) the messages without parents are the children of the root
        Node root = new Node();
        for (Node n : all) {
            if (n.parent == null) {
                root.children.add(n);
            }
        }
        prune(root);
        // (4) sort the top level by sent date (a dummy by its first child, its children sorted)
        for (Node n : root.children) {
            if (n.msg == null) {
                n.children.sort(BY_SENT);
            }
        }
        root.children.sort(BY_SENT);
        SubjectMerge.merge(root.children, new SubjectMerge.Access<>() {
            public String subject(Node n) {
                return n.key().subject();
            }

            public boolean dummy(Node n) {
                return n.msg == null;
            }

            public boolean reply(Node n) {
                return n.msg != null && n.msg.reply();
            }

            public List<Node> children(Node n) {
                return n.children;
            }

            public Node newDummy() {
                return new Node();
            }
        });
        // (6) sort every set of siblings, the youngest first (post-order)
        for (Node n : postOrder(root)) {
            n.children.sort(BY_SENT);
        }
        return flatten(root);
    }

    /** (1) (A) and (B): parent/child links from each message's references. */
    private static void link(List<ThreadInput> messages, List<Node> all) {
        Map<String, Node> ids = new HashMap<>();
        for (ThreadInput m : messages) {
            Node node = null;
            if (m.messageId() != null) {
                Node known = ids.get(m.messageId());
                if (known == null) {
                    node = new Node();
                    ids.put(m.messageId(), node);
                    all.add(node);
                } else if (known.msg == null) {
                    node = known; // the dummy created for an earlier reference to this id
                }
            }
            if (node == null) {
                // no or a duplicate Message-ID: a unique id, i.e. a node no reference can reach
                node = new Node();
                all.add(node);
            }
            node.msg = m;
            Node prev = null;
            for (String ref : m.references()) {
                Node r = ids.get(ref);
                if (r == null) {
                    r = new Node(); // a dummy, used for every later reference to this id
                    ids.put(ref, r);
                    all.add(r);
                }
                // keep an existing parent (truncated References); never create a loop
                if (prev != null && r.parent == null && !wouldLoop(prev, r)) {
                    attach(prev, r);
                }
                prev = r;
            }
            // (B) the last reference is the parent: an existing link is broken first
            if (node.parent != null) {
                node.parent.children.remove(node);
                node.parent = null;
            }
            if (prev != null && !wouldLoop(prev, node)) {
                attach(prev, node);
            }
        }
    }

    /**
     * Whether making {@code parent} the parent of {@code child} would close a loop, i.e. whether
     * {@code child} is {@code parent} or one of its ancestors. A node without children is nobody's
     * ancestor: the common case (a new message) costs no walk up a long reply chain.
     */
    private static boolean wouldLoop(Node parent, Node child) {
        return child.children.isEmpty() ? child == parent : ancestorOrSelf(child, parent);
    }

    /** Whether {@code a} is {@code b} or one of its ancestors. */
    private static boolean ancestorOrSelf(Node a, Node b) {
        for (Node n = b; n != null; n = n.parent) {
            if (n == a) {
                return true;
            }
        }
        return false;
    }

    private static void attach(Node parent, Node child) {
        child.parent = parent;
        parent.children.add(child);
    }

    /**
     * (3) Dummies without children go; dummies with children are replaced by their children,
     * except at the top level where that happens only for a single child. Bottom-up, so the
     * children spliced in are already pruned.
     */
    private static void prune(Node root) {
        for (Node n : postOrder(root)) {
            List<Node> kept = new ArrayList<>(n.children.size());
            for (Node c : n.children) {
                if (c.msg != null) {
                    kept.add(c);
                } else if (!c.children.isEmpty()) {
                    if (n != root || c.children.size() == 1) {
                        for (Node g : c.children) {
                            g.parent = n;
                            kept.add(g);
                        }
                    } else {
                        kept.add(c);
                    }
                }
            }
            n.children.clear();
            n.children.addAll(kept);
        }
    }

    /** Nodes below {@code root}, children before parents, {@code root} last. */
    private static List<Node> postOrder(Node root) {
        List<Node> pre = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            pre.add(n);
            n.children.forEach(stack::push);
        }
        java.util.Collections.reverse(pre);
        return pre;
    }

    private static ThreadForest flatten(Node root) {
        List<Long> uids = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        for (int i = root.children.size() - 1; i >= 0; i--) {
            stack.push(new Object[] {root.children.get(i), -1});
        }
        while (!stack.isEmpty()) {
            Object[] e = stack.pop();
            Node n = (Node) e[0];
            int index = uids.size();
            uids.add(n.msg == null ? 0L : n.msg.uid());
            parents.add((Integer) e[1]);
            for (int i = n.children.size() - 1; i >= 0; i--) {
                stack.push(new Object[] {n.children.get(i), index});
            }
        }
        return new ThreadForest(uids, parents);
    }
}
