package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.SelectParams;
import io.mailstream.imap.proto.types.MailboxName;
import io.mailstream.imap.proto.types.SequenceSet;

/**
 * SELECT / EXAMINE mailbox [SP "(" select-param *(SP select-param) ")"] (RFC 9051 6.3.2,
 * RFC 4466 2.1 select-params, RFC 7162 3.1.8 CONDSTORE and 3.2.5 QRESYNC).
 */
final class SelectParser {
    private SelectParser() {
    }

    static ImapCommand select(String tag, boolean examine, Reader r) {
        r.sp();
        MailboxName mailbox = Args.mailbox(r);
        SelectParams params = SelectParams.NONE;
        if (r.trySp()) {
            params = params(r);
        }
        return examine ? new ImapCommand.Examine(tag, mailbox, params) : new ImapCommand.Select(tag, mailbox, params);
    }

    private static SelectParams params(Reader r) {
        boolean condstore = false;
        SelectParams.Qresync qresync = null;
        r.open();
        if (!r.peekIs(')')) {
            do {
                String name = r.keyword();
                if (name.equals("CONDSTORE") && !condstore) {
                    condstore = true;
                } else if (name.equals("QRESYNC") && qresync == null) {
                    r.sp();
                    qresync = qresync(r);
                } else {
                    throw new SyntaxException("unknown or repeated SELECT parameter " + CommandParser.shorten(name));
                }
            } while (r.trySp());
        }
        r.close();
        return new SelectParams(condstore, qresync);
    }

    /**
     * "(" uidvalidity SP mod-sequence-value [SP known-uids] [SP seq-match-data] ")";
     * seq-match-data = "(" known-sequence-set SP known-uid-set ")".
     */
    private static SelectParams.Qresync qresync(Reader r) {
        r.open();
        long uidValidity = r.nzNumber();
        r.sp();
        long modSeq = r.number64();
        if (modSeq == 0) {
            throw new SyntaxException("mod-sequence must not be zero");
        }
        SequenceSet known = null;
        SequenceSet msns = null;
        SequenceSet uids = null;
        if (r.trySp()) {
            if (r.peekIs('(')) {
                r.open();
                msns = noDollar(r.sequenceSet());
                r.sp();
                uids = noDollar(r.sequenceSet());
                r.close();
            } else {
                known = noDollar(r.sequenceSet());
                if (r.trySp()) {
                    r.open();
                    msns = noDollar(r.sequenceSet());
                    r.sp();
                    uids = noDollar(r.sequenceSet());
                    r.close();
                }
            }
        }
        r.close();
        return new SelectParams.Qresync(uidValidity, modSeq, known, msns, uids);
    }

    private static SequenceSet noDollar(SequenceSet s) {
        if (s.isLastResult()) {
            throw new SyntaxException("$ is not allowed in QRESYNC");
        }
        return s;
    }
}
