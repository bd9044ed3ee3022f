package io.mailstream.imap.command.list;

import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.MailboxInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The names a LIST selecting by subscription considers (RFC 5258 3): the existing mailboxes,
 * the subscribed names that do not exist (listed with \NonExistent, RFC 5258 3.4 table) and,
 * with RECURSIVEMATCH, the missing ancestors of subscribed names (for their CHILDINFO).
 * A name that does not exist is a {@link MailboxInfo} without a mailboxId.
 */
final class ListCandidates {
    private static final char DELIM = MailStore.DELIMITER;

    private ListCandidates() {
    }

    static List<MailboxInfo> of(List<MailboxInfo> existing, List<String> subscriptions, boolean recursive) {
        Map<String, MailboxInfo> byName = new TreeMap<>();
        existing.forEach(m -> byName.put(m.name(), m));
        for (String name : subscriptions) {
            byName.computeIfAbsent(name, n -> nonexistent(n, true, existing));
            if (recursive) {
                for (int i = name.indexOf(DELIM); i > 0; i = name.indexOf(DELIM, i + 1)) {
                    byName.computeIfAbsent(name.substring(0, i), n -> nonexistent(n, false, existing));
                }
            }
        }
        return new ArrayList<>(byName.values());
    }

    static boolean exists(MailboxInfo m) {
        return m.mailboxId() != null;
    }

    private static MailboxInfo nonexistent(String name, boolean subscribed, List<MailboxInfo> existing) {
        String prefix = name + DELIM;
        boolean children = existing.stream().anyMatch(m -> m.name().startsWith(prefix));
        return new MailboxInfo(null, name, Set.of(), subscribed, children, true, 0);
    }
}
