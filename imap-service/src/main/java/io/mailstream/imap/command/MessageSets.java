package io.mailstream.imap.command;

import io.mailstream.imap.proto.types.SequenceSet;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.UidSet;

/** Resolves a command's sequence set against the session's view (RFC 9051 6.4.9, 9). */
final class MessageSets {
    private MessageSets() {
    }

    /**
     * UIDs of the messages named by {@code set}: message numbers unless {@code uid}. A message
     * number beyond EXISTS fails with IllegalArgumentException, answered BAD.
     */
    static UidSet resolve(SelectedMailbox m, SequenceSet set, boolean uid) {
        return uid ? m.resolveUids(set) : m.resolveMsns(set);
    }
}
