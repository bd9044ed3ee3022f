package io.mailstream.imap.command.search;

import io.mailstream.imap.proto.types.SequenceSet;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.UidRange;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.search.SearchKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites what only the session can evaluate into keys the store understands (store-api
 * SearchKey contract): message sequence sets and {@code $} (RFC 5182) become UID sets of the
 * session's view, \Recent (RECENT, NEW, OLD of RFC 3501) becomes the session's recent UIDs.
 */
public final class SearchKeys {
    private SearchKeys() {
    }

    /** Whether the key has a MODSEQ criterion (RFC 7162 3.1.5). */
    public static boolean usesModSeq(SearchKey key) {
        if (key instanceof SearchKey.ModSeq) {
            return true;
        }
        if (key instanceof SearchKey.And a) {
            return a.keys().stream().anyMatch(SearchKeys::usesModSeq);
        }
        if (key instanceof SearchKey.Or o) {
            return usesModSeq(o.left()) || usesModSeq(o.right());
        }
        return key instanceof SearchKey.Not n && usesModSeq(n.key());
    }

    /** @throws IllegalArgumentException for a malformed set or a message number beyond EXISTS */
    public static SearchKey resolve(SearchKey key, SelectedMailbox m) {
        if (key instanceof SearchKey.MessageSet ms) {
            SequenceSet set = SequenceSet.parse(ms.set());
            return new SearchKey.Uids(ms.uid() ? m.resolveUids(set) : m.resolveMsns(set));
        }
        if (key instanceof SearchKey.Flag f && f.flag().equalsIgnoreCase("\\Recent")) {
            SearchKey recent = new SearchKey.Uids(recentUids(m));
            return f.set() ? recent : new SearchKey.Not(recent);
        }
        if (key instanceof SearchKey.And a) {
            List<SearchKey> keys = new ArrayList<>();
            for (SearchKey k : a.keys()) {
                keys.add(resolve(k, m));
            }
            return new SearchKey.And(keys);
        }
        if (key instanceof SearchKey.Or o) {
            return new SearchKey.Or(resolve(o.left(), m), resolve(o.right(), m));
        }
        if (key instanceof SearchKey.Not n) {
            return new SearchKey.Not(resolve(n.key(), m));
        }
        return key;
    }

    private static UidSet recentUids(SelectedMailbox m) {
        int recent = m.recent();
        if (recent == 0) {
            return UidSet.empty();
        }
        long first = m.uidAt(m.exists() - recent + 1);
        return new UidSet(List.of(new UidRange(first, Math.max(first, m.maxUid()))));
    }
}
