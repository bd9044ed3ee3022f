package io.mailstream.imap.command.sort;

import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.search.SearchKey;
import java.util.List;

/** Limits a store query to the messages the session knows (new ones are announced after the command). */
final class Known {
    private Known() {
    }

    /** The key AND the session's uid range; null when the session knows no message. */
    static SearchKey restrict(SearchKey key, SelectedMailbox m) {
        if (m.exists() == 0) {
            return null;
        }
        return new SearchKey.And(List.of(key, new SearchKey.Uids(UidSet.range(1, m.maxUid()))));
    }
}
