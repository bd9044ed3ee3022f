package io.mailstream.imap.command;

import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.imap.session.ImapSession;

/**
 * RFC 7162 3.1 "CONDSTORE enabling commands": SELECT/EXAMINE (CONDSTORE), STATUS
 * (HIGHESTMODSEQ), FETCH MODSEQ / CHANGEDSINCE, STORE UNCHANGEDSINCE, SEARCH MODSEQ and ENABLE
 * CONDSTORE / QRESYNC all make the client CONDSTORE-aware for the rest of the connection.
 */
public final class Condstore {
    private Condstore() {
    }

    /**
     * Marks the session CONDSTORE-aware. RFC 7162 3.1: the first enabling command executed with
     * a mailbox selected returns HIGHESTMODSEQ for it (this server never answers NOMODSEQ).
     */
    public static void enable(CommandContext ctx) {
        if (ctx.session().enable(ImapSession.CONDSTORE)) {
            SelectedMailbox m = ctx.session().selected();
            if (m != null) {
                ctx.send(highestModSeq(m.announcedModSeq()));
            }
        }
    }

    /** {@code * OK [HIGHESTMODSEQ n] Highest} (RFC 7162 3.1.2.1). */
    public static ImapResponse highestModSeq(long modSeq) {
        return ImapResponse.Condition.ok(new ResponseCode.HighestModSeq(modSeq), "Highest");
    }
}
