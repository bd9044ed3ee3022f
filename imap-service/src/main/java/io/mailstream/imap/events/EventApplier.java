package io.mailstream.imap.events;

import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.Changes;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.UidSet;
import io.mailstream.sync.MailboxEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what one mailbox event means for one session's selected mailbox (DESIGN invariant 4):
 * an event that continues the session's mod-sequence exactly is staged as if the store had
 * answered changes-since (the fast path); one at or below it was already seen (the session's own
 * write, or a duplicate after a Kafka retry); anything else is a gap or a reorder, and the
 * session must ask the store. Pure: no I/O, called on the session's event loop.
 */
public final class EventApplier {

    /** What the session does next. */
    public enum Outcome {
        /** Staged in the view: flush what the moment allows. */
        APPLIED,
        /** Nothing new for this session. */
        IGNORED,
        /** Gap or doubt: ask the store for changes-since. */
        RESYNC,
        /** The mailbox was deleted (or became \Noselect): the session cannot stay in it. */
        GONE
    }

    /** The last event converted: a fan-out hands one event object to every session of the mailbox. */
    private static volatile Converted last;

    private record Converted(MailboxEvent event, Changes changes) {
    }

    private EventApplier() {
    }

    public static Outcome apply(SelectedMailbox m, MailboxEvent event) {
        if (m == null || event == null || !m.mailboxId().equals(event.mailboxId())) {
            return Outcome.IGNORED;
        }
        if (event.schemaVersion() != MailboxEvent.SCHEMA_VERSION) {
            return Outcome.RESYNC;
        }
        if (event instanceof MailboxEvent.MailboxDeleted) {
            return Outcome.GONE;
        }
        if (!(event instanceof MailboxEvent.MessagesAppended || event instanceof MailboxEvent.FlagsChanged
                || event instanceof MailboxEvent.MessagesExpunged)) {
            // Created, renamed (the id and messages stay; RFC 9051 has no unsolicited response for
            // it without NOTIFY), subscription: nothing to tell a selected session.
            return Outcome.IGNORED;
        }
        long seen = m.highestModSeq();
        if (event.modSeq() <= seen) {
            // Already applied: the session's own write (synced after its command) or a redelivery.
            return Outcome.IGNORED;
        }
        if (event.modSeq() != seen + 1) {
            return Outcome.RESYNC;
        }
        Changes changes = changesOf(event);
        if (changes == null) {
            return Outcome.RESYNC;
        }
        m.stage(changes);
        return Outcome.APPLIED;
    }

    /** {@link #toChanges}, converted once per event object however many sessions apply it. */
    static Changes changesOf(MailboxEvent event) {
        Converted c = last;
        if (c != null && c.event() == event) {
            return c.changes();
        }
        Changes changes = toChanges(event);
        last = new Converted(event, changes);
        return changes;
    }

    /**
     * The event as the store's changes-since answer for exactly its mod-sequence; null if
     * malformed. Session-independent (uidNext 0 where the event does not raise it: the view keeps
     * the larger), so one conversion serves every session.
     */
    static Changes toChanges(MailboxEvent event) {
        long modSeq = event.modSeq();
        if (event instanceof MailboxEvent.MessagesAppended a) {
            if (a.messages().isEmpty()) {
                return null;
            }
            List<MessageFlags> changed = flags(a.messages(), modSeq);
            if (changed == null) {
                return null;
            }
            return new Changes(modSeq, a.messages().lastKey() + 1, changed, UidSet.empty(), false);
        }
        if (event instanceof MailboxEvent.FlagsChanged f) {
            List<MessageFlags> changed = flags(f.flags(), modSeq);
            return changed == null ? null : new Changes(modSeq, 0, changed, UidSet.empty(), false);
        }
        MailboxEvent.MessagesExpunged x = (MailboxEvent.MessagesExpunged) event;
        if (x.uids().stream().anyMatch(u -> u == null || u <= 0)) {
            return null;
        }
        return new Changes(modSeq, 0, List.of(), UidSet.ofAll(x.uids()), false);
    }

    private static List<MessageFlags> flags(Map<Long, List<String>> byUid, long modSeq) {
        List<MessageFlags> out = new ArrayList<>(byUid.size());
        for (Map.Entry<Long, List<String>> e : byUid.entrySet()) {
            if (e.getKey() == null || e.getKey() <= 0) {
                return null;
            }
            out.add(new MessageFlags(e.getKey(), Set.copyOf(e.getValue()), modSeq));
        }
        return out;
    }
}
