package io.mailstream.imap.selected;

import io.mailstream.store.api.UidSet;
import java.util.Set;

/**
 * An untagged response a selected mailbox has to announce (RFC 9051 5.2, 7.3, 7.5), produced
 * by {@link SelectedMailbox#flush}; the command layer turns it into wire responses.
 */
public sealed interface Unsolicited {

    /** {@code * n EXPUNGE} (RFC 9051 7.5.1). */
    record Expunge(int msn) implements Unsolicited {
    }

    /**
     * {@code * VANISHED uids} (RFC 7162 3.2.10.2): replaces the EXPUNGE responses of messages in
     * the view once QRESYNC is enabled; only UIDs the client knows (announced by EXISTS).
     */
    record Vanished(UidSet uids) implements Unsolicited {
    }

    /** {@code * n EXISTS} (RFC 9051 7.4.1). */
    record Exists(int count) implements Unsolicited {
    }

    /** {@code * n RECENT} (RFC 3501 7.3.2), for IMAP4rev1 sessions only. */
    record Recent(int count) implements Unsolicited {
    }

    /** {@code * FLAGS (...)} when a keyword came into use (RFC 9051 7.3.5). */
    record FlagList(Set<String> keywords) implements Unsolicited {
    }

    /**
     * {@code * n FETCH (UID u FLAGS (...) [MODSEQ (m)])}: RFC 9051 7.5.2 requires the UID in
     * unsolicited FETCH; RFC 7162 3.1 adds the MODSEQ for CONDSTORE-aware clients.
     */
    record FlagsChanged(int msn, long uid, Set<String> flags, long modSeq) implements Unsolicited {
    }
}
