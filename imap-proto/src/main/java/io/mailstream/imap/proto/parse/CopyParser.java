package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.types.SequenceSet;

/** COPY / MOVE sequence-set SP mailbox (RFC 9051 6.4.7, 6.4.8) and UID EXPUNGE (6.4.9). */
final class CopyParser {
    private CopyParser() {
    }

    static ImapCommand copyOrMove(String tag, boolean uid, boolean move, Reader r) {
        r.sp();
        SequenceSet set = r.sequenceSet();
        r.sp();
        var mailbox = Args.mailbox(r);
        return move ? new ImapCommand.Move(tag, uid, set, mailbox) : new ImapCommand.Copy(tag, uid, set, mailbox);
    }

    static ImapCommand.UidExpunge uidExpunge(String tag, Reader r) {
        r.sp();
        return new ImapCommand.UidExpunge(tag, r.sequenceSet());
    }
}
