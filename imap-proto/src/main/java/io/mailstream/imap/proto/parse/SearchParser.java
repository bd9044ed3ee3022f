package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.SearchReturnOption;
import io.mailstream.imap.proto.types.Flag;
import io.mailstream.imap.proto.types.SequenceSet;
import io.mailstream.store.api.search.SearchKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * search = "SEARCH" [search-return-opts] SP search-program; search-program = ["CHARSET" SP
 * charset SP] search-key *(SP search-key) (RFC 9051 6.4.4, RFC 4731, RFC 5182, RFC 7162 MODSEQ).
 */
final class SearchParser {
    private SearchParser() {
    }

    static ImapCommand.Search search(String tag, boolean uid, Reader r) {
        r.sp();
        Set<SearchReturnOption> ret = null;
        if (r.tryKeyword("RETURN")) {
            r.sp();
            ret = returnOptions(r);
            r.sp();
        }
        String charset = null;
        if (r.tryKeyword("CHARSET")) {
            r.sp();
            charset = charset(r);
            r.sp();
        }
        List<SearchKey> keys = new ArrayList<>();
        keys.add(key(r));
        while (r.trySp()) {
            keys.add(key(r));
        }
        SearchKey key = keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
        return new ImapCommand.Search(tag, uid, charset, ret, key);
    }

    /** search-return-opts: MIN / MAX / ALL / COUNT / SAVE; "()" means ALL (RFC 4731 3.1). */
    static Set<SearchReturnOption> returnOptions(Reader r) {
        Set<SearchReturnOption> opts = EnumSet.noneOf(SearchReturnOption.class);
        r.open();
        if (!r.peekIs(')')) {
            do {
                String name = r.keyword();
                try {
                    opts.add(SearchReturnOption.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw new SyntaxException("unknown SEARCH return option " + CommandParser.shorten(name));
                }
            } while (r.trySp());
        }
        r.close();
        if (opts.isEmpty()) {
            opts.add(SearchReturnOption.ALL);
        }
        return opts;
    }

    /** charset = atom / quoted; RFC 9051 6.4.4: UTF-8 and US-ASCII, else NO [BADCHARSET]. */
    static String charset(Reader r) {
        String cs = (r.peekIs('"') ? r.string() : r.atom()).toUpperCase(Locale.ROOT);
        if (!cs.equals("UTF-8") && !cs.equals("US-ASCII")) {
            throw new SyntaxException("unsupported charset " + CommandParser.shorten(cs),
                    io.mailstream.imap.proto.parse.ParseResult.Kind.BAD_CHARSET);
        }
        return cs;
    }

    /** 1*(SP search-key) after the charset of SORT / THREAD (RFC 5256 5 search-criteria). */
    static SearchKey criteria(Reader r) {
        List<SearchKey> keys = new ArrayList<>();
        r.sp();
        keys.add(key(r));
        while (r.trySp()) {
            keys.add(key(r));
        }
        return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
    }

    private static SearchKey key(Reader r) {
        r.enter();
        try {
            return keyUnbounded(r);
        } finally {
            r.leave();
        }
    }

    private static SearchKey keyUnbounded(Reader r) {
        if (r.peekIs('(')) {
            // depth is counted per key (key() enters), so the parenthesis itself is not counted
            List<SearchKey> keys = new ArrayList<>();
            r.expect('(');
            keys.add(key(r));
            while (r.trySp()) {
                keys.add(key(r));
            }
            r.expect(')');
            return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
        }
        if (r.atSequenceSet()) {
            return new SearchKey.MessageSet(sequenceSet(r).toString(), false);
        }
        String name = r.keyword();
        switch (name) {
            case "ALL":
                return new SearchKey.All();
            case "ANSWERED":
                return flag(Flag.ANSWERED, true);
            case "UNANSWERED":
                return flag(Flag.ANSWERED, false);
            case "DELETED":
                return flag(Flag.DELETED, true);
            case "UNDELETED":
                return flag(Flag.DELETED, false);
            case "DRAFT":
                return flag(Flag.DRAFT, true);
            case "UNDRAFT":
                return flag(Flag.DRAFT, false);
            case "FLAGGED":
                return flag(Flag.FLAGGED, true);
            case "UNFLAGGED":
                return flag(Flag.FLAGGED, false);
            case "SEEN":
                return flag(Flag.SEEN, true);
            case "UNSEEN":
                return flag(Flag.SEEN, false);
            // RFC 3501 6.4.4: RECENT, NEW (= RECENT UNSEEN) and OLD (= NOT RECENT)
            case "RECENT":
                return flag(Flag.RECENT, true);
            case "OLD":
                return flag(Flag.RECENT, false);
            case "NEW":
                return new SearchKey.And(List.of(flag(Flag.RECENT, true), flag(Flag.SEEN, false)));
            case "KEYWORD":
                r.sp();
                return flag(r.atom(), true);
            case "UNKEYWORD":
                r.sp();
                return flag(r.atom(), false);
            case "BCC":
                return header("Bcc", r);
            case "CC":
                return header("Cc", r);
            case "FROM":
                return header("From", r);
            case "SUBJECT":
                return header("Subject", r);
            case "TO":
                return header("To", r);
            case "HEADER": {
                r.sp();
                String field = r.astring();
                r.sp();
                return new SearchKey.Header(field, r.astring());
            }
            case "BODY":
                r.sp();
                return new SearchKey.Body(r.astring());
            case "TEXT":
                r.sp();
                return new SearchKey.Text(r.astring());
            case "BEFORE":
                return new SearchKey.InternalDate(SearchKey.DateOp.BEFORE, date(r));
            case "ON":
                return new SearchKey.InternalDate(SearchKey.DateOp.ON, date(r));
            case "SINCE":
                return new SearchKey.InternalDate(SearchKey.DateOp.SINCE, date(r));
            case "SENTBEFORE":
                return new SearchKey.SentDate(SearchKey.DateOp.BEFORE, date(r));
            case "SENTON":
                return new SearchKey.SentDate(SearchKey.DateOp.ON, date(r));
            case "SENTSINCE":
                return new SearchKey.SentDate(SearchKey.DateOp.SINCE, date(r));
            case "LARGER":
                r.sp();
                return new SearchKey.Size(true, r.number64());
            case "SMALLER":
                r.sp();
                return new SearchKey.Size(false, r.number64());
            case "UID":
                r.sp();
                return new SearchKey.MessageSet(sequenceSet(r).toString(), true);
            case "NOT":
                r.sp();
                return new SearchKey.Not(key(r));
            case "OR": {
                r.sp();
                SearchKey left = key(r);
                r.sp();
                return new SearchKey.Or(left, key(r));
            }
            case "MODSEQ":
                return modseq(r);
            // RFC 8474 6
            case "EMAILID":
                r.sp();
                return new SearchKey.EmailId(objectId(r));
            case "THREADID":
                r.sp();
                return new SearchKey.ThreadId(objectId(r));
            default:
                throw new SyntaxException("unknown search key " + CommandParser.shorten(name));
        }
    }

    /** RFC 8474 7: objectid = 1*255(ALPHA / DIGIT / "_" / "-"), case-sensitive. */
    private static String objectId(Reader r) {
        String id = r.atom();
        if (id.length() > 255 || !id.matches("[A-Za-z0-9_-]+")) {
            throw new SyntaxException("invalid objectid");
        }
        return id;
    }

    private static SequenceSet sequenceSet(Reader r) {
        return r.sequenceSet();
    }

    private static SearchKey flag(String flag, boolean set) {
        return new SearchKey.Flag(flag, set);
    }

    private static SearchKey header(String field, Reader r) {
        r.sp();
        return new SearchKey.Header(field, r.astring());
    }

    private static java.time.LocalDate date(Reader r) {
        r.sp();
        return Args.date(r);
    }

    /**
     * RFC 7162 3.1.5: "MODSEQ" [SP entry-name SP entry-type-req] SP mod-sequence-valzer. The
     * per-flag entry is accepted and searched as the message's mod-sequence (a superset).
     */
    private static SearchKey modseq(Reader r) {
        r.sp();
        if (r.peekIs('"')) {
            String entry = r.string();
            if (!entry.toLowerCase(Locale.ROOT).startsWith("/flags/")) {
                throw new SyntaxException("invalid MODSEQ entry name");
            }
            r.sp();
            String type = r.keyword();
            if (!type.equals("PRIV") && !type.equals("SHARED") && !type.equals("ALL")) {
                throw new SyntaxException("invalid MODSEQ entry type");
            }
            r.sp();
        }
        return new SearchKey.ModSeq(r.number64());
    }
}
