package io.mailstream.store.api;

import java.util.List;

/** The POP3 maildrop (INBOX) fixed at login: RFC 1939 message numbers are list index + 1. */
public record Maildrop(String mailboxId, long uidValidity, List<Entry> messages) {
    /** One message; {@code uidl} is stable across sessions and restarts (RFC 1939 7). */
    public record Entry(long uid, long size, String uidl) {
    }
}
