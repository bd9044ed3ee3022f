package io.mailstream.imap.command;

import io.mailstream.store.api.MailStore;

/** Which names CREATE and RENAME accept (RFC 9051 5.1): the store keeps them, clients can list them. */
final class MailboxNames {
    private MailboxNames() {
    }

    /** RFC 9051 6.3.4: a trailing delimiter only declares the intent to create children. */
    static String stripTrailingDelimiter(String name) {
        String n = name;
        while (n.length() > 1 && n.charAt(n.length() - 1) == MailStore.DELIMITER) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }

    /** Why {@code name} cannot be created, or null if it can. */
    static String problem(String name) {
        if (name.isEmpty()) {
            return "Empty mailbox name";
        }
        if (name.charAt(0) == MailStore.DELIMITER || name.contains("//")) {
            return "Mailbox name has an empty hierarchy level";
        }
        if (name.length() > 1024) {
            return "Mailbox name too long";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            // RFC 9051 5.1: wildcards in names would make LIST patterns ambiguous.
            // RFC 6855 3: no C0/C1 controls, DEL, LINE or PARAGRAPH SEPARATOR in UTF-8 names
            if (c == '*' || c == '%' || c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
                return "Mailbox name contains a character that is not allowed";
            }
        }
        return null;
    }
}
