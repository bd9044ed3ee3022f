package io.mailstream.pop3.session;

import io.mailstream.store.api.Maildrop;
import io.mailstream.store.api.UidSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One session's view of its maildrop: message numbers and sizes fixed at login (RFC 1939 4),
 * plus the messages this session marked deleted (RFC 1939 5 DELE / RSET). Nothing here touches
 * the store; deletions reach it only at QUIT.
 */
public final class MaildropView {
    private final Maildrop maildrop;
    private final BitSet deleted = new BitSet();

    public MaildropView(Maildrop maildrop) {
        this.maildrop = maildrop;
    }

    /** Outcome of looking up a message number: the entry, or the reason there is none. */
    public record Lookup(Maildrop.Entry entry, String error) {
        public boolean found() {
            return entry != null;
        }
    }

    /** A live message with its number. */
    public record Numbered(int msg, Maildrop.Entry entry) {
    }

    public String mailboxId() {
        return maildrop.mailboxId();
    }

    /** Messages not marked deleted (RFC 1939 5 STAT: deleted ones are not counted). */
    public int count() {
        return maildrop.messages().size() - deleted.cardinality();
    }

    /** Octets of the messages not marked deleted. */
    public long octets() {
        long sum = 0;
        for (Numbered n : live()) {
            sum += n.entry().size();
        }
        return sum;
    }

    public Lookup lookup(int msg) {
        int total = maildrop.messages().size();
        if (msg < 1 || msg > total) {
            return new Lookup(null, "no such message, only " + total + " messages in maildrop");
        }
        if (deleted.get(msg - 1)) {
            return new Lookup(null, "message " + msg + " already deleted");
        }
        return new Lookup(maildrop.messages().get(msg - 1), null);
    }

    /** Marks a live message deleted; returns the same lookup error as {@link #lookup} if not. */
    public Lookup markDeleted(int msg) {
        Lookup l = lookup(msg);
        if (l.found()) {
            deleted.set(msg - 1);
        }
        return l;
    }

    /** RFC 1939 5 RSET: unmark everything. */
    public void reset() {
        deleted.clear();
    }

    public List<Numbered> live() {
        List<Numbered> out = new ArrayList<>();
        List<Maildrop.Entry> all = maildrop.messages();
        for (int i = 0; i < all.size(); i++) {
            if (!deleted.get(i)) {
                out.add(new Numbered(i + 1, all.get(i)));
            }
        }
        return out;
    }

    /** Uids of the messages marked deleted, to expunge at QUIT. */
    public UidSet deletedUids() {
        List<Long> uids = new ArrayList<>();
        deleted.stream().forEach(i -> uids.add(maildrop.messages().get(i).uid()));
        return UidSet.ofAll(uids);
    }
}
