package io.mailstream.imap.selected;

import io.mailstream.imap.proto.types.SequenceSet;
import io.mailstream.store.api.Changes;
import io.mailstream.store.api.MailboxSnapshot;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.UidRange;
import io.mailstream.store.api.UidSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One session's view of its selected mailbox: the UID of each message sequence number as the
 * client knows them, and changes seen in the store but not yet announced, keyed by UID.
 * Numbers change only at {@link #flush}: RFC 9051 7.5.1 forbids EXPUNGE during FETCH, STORE and
 * SEARCH, and RFC 9051 5.2 forbids an EXISTS that shrinks the mailbox, so an expunged message
 * keeps its number until the session may announce it.
 */
public final class SelectedMailbox {
    private final String mailboxId;
    private final String name;
    private final boolean readOnly;
    private final long uidValidity;

    private final UidIndex index;
    private final Map<Long, Set<String>> flags = new HashMap<>();
    private final Set<String> keywords = new TreeSet<>();
    private long firstRecentUid;
    private long highestModSeq;
    private long uidNext;

    private final TreeSet<Long> pendingExpunges = new TreeSet<>();
    private final TreeMap<Long, Set<String>> pendingNew = new TreeMap<>();
    private final TreeMap<Long, MessageFlags> pendingFlags = new TreeMap<>();
    /** RFC 7162 3.2: the mod-sequence up to which the client has been told everything. */
    private long announcedModSeq;
    private boolean keywordsChanged;
    private UidSet savedSearch = UidSet.empty();

    public SelectedMailbox(MailboxSnapshot snapshot, String name, boolean readOnly) {
        this.mailboxId = snapshot.mailbox().mailboxId();
        this.name = name;
        this.readOnly = readOnly;
        this.uidValidity = snapshot.uidValidity();
        this.uidNext = snapshot.uidNext();
        this.highestModSeq = snapshot.highestModSeq();
        this.announcedModSeq = snapshot.highestModSeq();
        this.firstRecentUid = snapshot.firstRecentUid();
        this.keywords.addAll(snapshot.keywords());
        List<MessageFlags> messages = snapshot.messages();
        this.index = new UidIndex(messages.size());
        for (MessageFlags m : messages) {
            index.append(m.uid());
            flags.put(m.uid(), Set.copyOf(m.flags()));
        }
    }

    public String mailboxId() {
        return mailboxId;
    }

    /** The name the session selected it by (UTF-8). */
    public String name() {
        return name;
    }

    public boolean readOnly() {
        return readOnly;
    }

    public long uidValidity() {
        return uidValidity;
    }

    public long uidNext() {
        return uidNext;
    }

    public long highestModSeq() {
        return highestModSeq;
    }

    /**
     * The HIGHESTMODSEQ the client may be given (RFC 7162 3.2): never above an expunge it has not
     * been told of yet, so a client that disconnects now loses nothing on its next QRESYNC.
     */
    public long announcedModSeq() {
        return announcedModSeq;
    }

    /**
     * Every UID below this that is not in the view no longer exists: new messages seen but not
     * yet announced start here (UIDs are never reused, RFC 9051 2.3.1.1).
     */
    public long goneBelow() {
        return pendingNew.isEmpty() ? uidNext : pendingNew.firstKey();
    }

    /** Number of messages the client knows of (RFC 9051 7.4.1 EXISTS). */
    public int exists() {
        return index.size();
    }

    /** Messages with the RFC 3501 \Recent flag for this session. */
    public int recent() {
        return index.size() - index.lowerBound(firstRecentUid);
    }

    public boolean isRecent(long uid) {
        return uid >= firstRecentUid;
    }

    public Set<String> keywords() {
        return Set.copyOf(keywords);
    }

    /** The UID at message sequence number {@code msn} (1-based). */
    public long uidAt(int msn) {
        return index.uidAt(msn);
    }

    /** The message sequence number of {@code uid}, or 0 if not in the view. */
    public int msnOf(long uid) {
        return index.msnOf(uid);
    }

    /** The flags last seen for a message in the view (without \Recent). */
    public Set<String> flagsOf(long uid) {
        return flags.getOrDefault(uid, Set.of());
    }

    /** Whether another session expunged {@code uid} and the client has not been told yet. */
    public boolean isExpungePending(long uid) {
        return pendingExpunges.contains(uid);
    }

    /** The highest UID in the view, 0 when empty ({@code *} of a UID set). */
    public long maxUid() {
        return index.maxUid();
    }

    /**
     * The UIDs of a message sequence set. RFC 9051 9: a number above EXISTS is invalid, so the
     * caller answers BAD on {@link IllegalArgumentException}. {@code *} is the last message.
     */
    public UidSet resolveMsns(SequenceSet set) {
        return set.isLastResult() ? savedSearch() : index.resolveMsns(set);
    }

    /** The UIDs of a UID set that are in the view (RFC 9051 6.4.9: others are ignored). */
    public UidSet resolveUids(SequenceSet set) {
        return set.isLastResult() ? savedSearch() : index.resolveUids(set);
    }

    /** The UIDs of the view that are in {@code set}, ascending. */
    public List<Long> uidsIn(UidSet set) {
        return index.uidsIn(set);
    }

    /** RFC 5182: the result saved by SEARCH ... RETURN (SAVE), as UIDs still in the view. */
    public UidSet savedSearch() {
        return UidSet.ofAll(uidsIn(savedSearch));
    }

    public void saveSearch(UidSet result) {
        this.savedSearch = result;
    }

    // --- store changes ---------------------------------------------------------------------

    /** Stages what another session (or this one) changed in the store; announces nothing. */
    public void stage(Changes changes) {
        for (UidRange r : changes.expunged().ranges()) {
            for (long uid = r.first(); uid <= r.last(); uid++) {
                pendingNew.remove(uid);
                pendingFlags.remove(uid);
                if (msnOf(uid) > 0) {
                    pendingExpunges.add(uid);
                }
            }
        }
        for (MessageFlags m : changes.changed()) {
            stageFlags(m);
        }
        highestModSeq = Math.max(highestModSeq, changes.highestModSeq());
        uidNext = Math.max(uidNext, changes.uidNext());
    }

    /** Stages the complete list of messages after a resync (tombstones gone). */
    public void stageFull(List<MessageFlags> all, long highestModSeq, long uidNext) {
        Set<Long> present = new java.util.HashSet<>();
        for (MessageFlags m : all) {
            present.add(m.uid());
        }
        for (int msn = 1; msn <= index.size(); msn++) {
            long uid = index.uidAt(msn);
            if (!present.contains(uid)) {
                pendingExpunges.add(uid);
                pendingFlags.remove(uid);
            }
        }
        pendingNew.keySet().removeIf(uid -> !present.contains(uid));
        for (MessageFlags m : all) {
            stageFlags(m);
        }
        this.highestModSeq = Math.max(this.highestModSeq, highestModSeq);
        this.uidNext = Math.max(this.uidNext, uidNext);
    }

    private void stageFlags(MessageFlags m) {
        long uid = m.uid();
        Set<String> newFlags = m.flags();
        if (pendingExpunges.contains(uid)) {
            return;
        }
        noteKeywords(newFlags);
        if (msnOf(uid) > 0) {
            if (newFlags.equals(flags.get(uid))) {
                pendingFlags.remove(uid);
            } else {
                pendingFlags.put(uid, new MessageFlags(uid, Set.copyOf(newFlags), m.modSeq()));
            }
        } else if (uid > maxUid()) {
            pendingNew.put(uid, Set.copyOf(newFlags));
        }
    }

    private void noteKeywords(Set<String> f) {
        for (String s : f) {
            if (!s.startsWith("\\") && keywords.add(s)) {
                keywordsChanged = true;
            }
        }
    }

    /** Whether anything waits to be announced. */
    public boolean hasPending() {
        return !pendingExpunges.isEmpty() || !pendingNew.isEmpty() || !pendingFlags.isEmpty() || keywordsChanged;
    }

    /**
     * Announces staged changes: EXPUNGEs only when {@code allowExpunge} (RFC 9051 7.5.1), then a
     * FLAGS list for new keywords, EXISTS (and RECENT for IMAP4rev1) for new messages, and the
     * flag changes of messages still in the view.
     */
    public void flush(boolean allowExpunge, boolean rev1, Consumer<Unsolicited> out) {
        flush(allowExpunge, rev1, false, out);
    }

    /** {@link #flush}; with {@code vanished} (QRESYNC enabled) expunges go out as one VANISHED. */
    public void flush(boolean allowExpunge, boolean rev1, boolean vanished, Consumer<Unsolicited> out) {
        if (allowExpunge && !pendingExpunges.isEmpty()) {
            expungeFromView(new ArrayList<>(pendingExpunges), vanished, out);
            pendingExpunges.clear();
        }
        if (keywordsChanged) {
            keywordsChanged = false;
            out.accept(new Unsolicited.FlagList(Set.copyOf(keywords)));
        }
        if (!pendingNew.isEmpty()) {
            int recentBefore = recent();
            for (Map.Entry<Long, Set<String>> e : pendingNew.entrySet()) {
                append(e.getKey(), e.getValue());
            }
            pendingNew.clear();
            out.accept(new Unsolicited.Exists(index.size()));
            if (rev1 && recent() != recentBefore) {
                out.accept(new Unsolicited.Recent(recent()));
            }
        }
        for (MessageFlags f : pendingFlags.values()) {
            int msn = msnOf(f.uid());
            if (msn > 0) {
                flags.put(f.uid(), f.flags());
                Set<String> shown = withRecent(f.uid(), f.flags(), rev1);
                out.accept(new Unsolicited.FlagsChanged(msn, f.uid(), shown, f.modSeq()));
            }
        }
        pendingFlags.clear();
        if (pendingExpunges.isEmpty()) {
            announcedModSeq = highestModSeq;
        }
    }

    /** The flags to show for a message: RFC 3501 2.3.2 adds \Recent for IMAP4rev1 sessions. */
    public Set<String> withRecent(long uid, Set<String> f, boolean rev1) {
        if (!rev1 || !isRecent(uid)) {
            return f;
        }
        Set<String> s = new LinkedHashSet<>(f);
        s.add("\\Recent");
        return s;
    }

    // --- this session's own changes -----------------------------------------------------------

    /** Records flags this session has just shown the client (STORE or FETCH results). */
    public void observedFlags(long uid, Set<String> f) {
        if (msnOf(uid) > 0 && !pendingExpunges.contains(uid)) {
            flags.put(uid, Set.copyOf(f));
            noteKeywords(f);
            MessageFlags staged = pendingFlags.get(uid);
            if (staged != null && staged.flags().equals(f)) {
                pendingFlags.remove(uid);
            }
        }
    }

    /**
     * Removes messages this session expunged (EXPUNGE, UID EXPUNGE, MOVE) and announces them,
     * lowest first: each EXPUNGE decrements the numbers after it (RFC 9051 7.5.1).
     */
    public void expunged(UidSet removed, Consumer<Unsolicited> out) {
        expunged(removed, false, out);
    }

    /** {@link #expunged}; with {@code vanished} as one VANISHED (RFC 7162 3.2.7, 3.2.9). */
    public void expunged(UidSet removed, boolean vanished, Consumer<Unsolicited> out) {
        List<Long> gone = uidsIn(removed);
        expungeFromView(gone, vanished, out);
        gone.forEach(pendingExpunges::remove);
        for (UidRange r : removed.ranges()) {
            pendingNew.subMap(r.first(), true, r.last(), true).clear();
        }
    }

    private void expungeFromView(List<Long> gone, boolean vanished, Consumer<Unsolicited> out) {
        Set<Long> remove = new java.util.HashSet<>(gone);
        if (vanished && !gone.isEmpty()) {
            // RFC 7162 3.2.10.2: only UIDs in the view, so each one decrements EXISTS.
            out.accept(new Unsolicited.Vanished(UidSet.ofAll(gone)));
        }
        index.remove(remove, msn -> {
            if (!vanished) {
                out.accept(new Unsolicited.Expunge((int) msn));
            }
        });
        for (Long uid : gone) {
            flags.remove(uid);
            pendingFlags.remove(uid);
        }
        savedSearch = UidSet.ofAll(uidsIn(savedSearch));
    }

    private void append(long uid, Set<String> f) {
        index.append(uid);
        flags.put(uid, f);
    }
}
