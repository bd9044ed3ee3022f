package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.SearchReturnOption;
import io.mailstream.store.api.sort.SortCriterion;
import io.mailstream.store.api.sort.SortKey;
import io.mailstream.store.api.sort.ThreadAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * sort = ["UID" SP] "SORT" [SP "RETURN" SP search-return-opts] SP sort-criteria SP
 * search-criteria (RFC 5256 5, RFC 5267 3, RFC 5957 5);
 * thread = ["UID" SP] "THREAD" SP thread-alg SP search-criteria (RFC 5256 5).
 * The charset is mandatory in both.
 */
final class SortParser {
    /** Bound on sort criteria: there are nine keys, each usable once meaningfully. */
    static final int MAX_CRITERIA = 16;

    private SortParser() {
    }

    static ImapCommand.Sort sort(String tag, boolean uid, Reader r) {
        r.sp();
        Set<SearchReturnOption> ret = null;
        if (r.tryKeyword("RETURN")) {
            r.sp();
            ret = SearchParser.returnOptions(r);
            if (ret.contains(SearchReturnOption.SAVE)) {
                throw new SyntaxException("SAVE is not a SORT return option");
            }
            r.sp();
        }
        List<SortCriterion> criteria = criteria(r);
        r.sp();
        String charset = SearchParser.charset(r);
        return new ImapCommand.Sort(tag, uid, ret, criteria, charset, SearchParser.criteria(r));
    }

    static ImapCommand.Thread thread(String tag, boolean uid, Reader r) {
        r.sp();
        String name = r.keyword();
        ThreadAlgorithm algorithm;
        try {
            algorithm = ThreadAlgorithm.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new SyntaxException("unknown threading algorithm " + CommandParser.shorten(name));
        }
        r.sp();
        String charset = SearchParser.charset(r);
        return new ImapCommand.Thread(tag, uid, algorithm, charset, SearchParser.criteria(r));
    }

    /** sort-criteria = "(" sort-criterion *(SP sort-criterion) ")"; sort-criterion = ["REVERSE" SP] sort-key. */
    private static List<SortCriterion> criteria(Reader r) {
        List<SortCriterion> out = new ArrayList<>();
        r.open();
        do {
            boolean reverse = false;
            String name = r.keyword();
            if (name.equals("REVERSE")) {
                reverse = true;
                r.sp();
                name = r.keyword();
            }
            try {
                out.add(new SortCriterion(SortKey.valueOf(name), reverse));
            } catch (IllegalArgumentException e) {
                throw new SyntaxException("unknown sort key " + CommandParser.shorten(name));
            }
            if (out.size() > MAX_CRITERIA) {
                throw new SyntaxException("too many sort criteria");
            }
        } while (r.trySp());
        r.close();
        return out;
    }
}
