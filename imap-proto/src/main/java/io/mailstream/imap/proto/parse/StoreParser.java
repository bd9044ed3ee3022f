package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.types.ModSeq;
import io.mailstream.imap.proto.types.SequenceSet;
import io.mailstream.store.api.FlagOperation;
import java.util.ArrayList;
import java.util.List;

/**
 * store = "STORE" SP sequence-set [SP store-modifiers] SP store-att-flags (RFC 9051 6.4.6,
 * RFC 7162 3.1.3 UNCHANGEDSINCE); store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP
 * (flag-list / (flag *(SP flag))).
 */
final class StoreParser {
    private StoreParser() {
    }

    static ImapCommand.Store store(String tag, boolean uid, Reader r) {
        r.sp();
        SequenceSet set = r.sequenceSet();
        r.sp();
        ModSeq unchangedSince = null;
        if (r.peekIs('(')) {
            r.open();
            String mod = r.keyword();
            if (!mod.equals("UNCHANGEDSINCE")) {
                throw new SyntaxException("unknown STORE modifier " + CommandParser.shorten(mod));
            }
            r.sp();
            unchangedSince = new ModSeq(r.number64());
            r.close();
            r.sp();
        }
        FlagOperation op = FlagOperation.REPLACE;
        if (r.peekIs('+')) {
            r.expect('+');
            op = FlagOperation.ADD;
        } else if (r.peekIs('-')) {
            r.expect('-');
            op = FlagOperation.REMOVE;
        }
        String item = r.keyword();
        boolean silent;
        if (item.equals("FLAGS")) {
            silent = false;
        } else if (item.equals("FLAGS.SILENT")) {
            silent = true;
        } else {
            throw new SyntaxException("expected FLAGS, +FLAGS or -FLAGS");
        }
        r.sp();
        List<String> flags;
        if (r.peekIs('(')) {
            flags = Args.flagList(r);
        } else {
            flags = new ArrayList<>();
            do {
                flags.add(Args.flag(r));
            } while (r.trySp());
        }
        return new ImapCommand.Store(tag, uid, set, op, silent, flags, unchangedSince);
    }
}
