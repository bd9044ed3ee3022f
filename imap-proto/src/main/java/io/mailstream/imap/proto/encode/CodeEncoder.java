package io.mailstream.imap.proto.encode;

import io.mailstream.imap.proto.response.ResponseCode;

/** {@code resp-text-code} (RFC 9051 9). */
final class CodeEncoder {
    private CodeEncoder() {
    }

    static void write(ResponseCode code, ResponseWriter w) {
        if (code instanceof ResponseCode.Simple c) {
            w.raw(c.atom());
        } else if (code instanceof ResponseCode.BadCharset c) {
            w.raw("BADCHARSET");
            if (!c.charsets().isEmpty()) {
                w.raw(" (");
                for (int i = 0; i < c.charsets().size(); i++) {
                    if (i > 0) {
                        w.sp();
                    }
                    w.astring(c.charsets().get(i));
                }
                w.raw(")");
            }
        } else if (code instanceof ResponseCode.Capability c) {
            w.raw("CAPABILITY");
            for (String cap : c.capabilities()) {
                w.sp().raw(cap);
            }
        } else if (code instanceof ResponseCode.PermanentFlags c) {
            w.raw("PERMANENTFLAGS ");
            ResponseEncoders.flagList(c.flags(), w);
        } else if (code instanceof ResponseCode.UidNext c) {
            w.raw("UIDNEXT ").number(c.uid());
        } else if (code instanceof ResponseCode.UidValidity c) {
            w.raw("UIDVALIDITY ").number(c.uidValidity());
        } else if (code instanceof ResponseCode.Unseen c) {
            w.raw("UNSEEN ").number(c.msn());
        } else if (code instanceof ResponseCode.AppendUid c) {
            w.raw("APPENDUID ").number(c.uidValidity()).sp().raw(c.uids().toString());
        } else if (code instanceof ResponseCode.CopyUid c) {
            w.raw("COPYUID ").number(c.uidValidity()).sp().raw(SequenceSets.ordered(c.sourceUids())).sp()
                    .raw(SequenceSets.ordered(c.destinationUids()));
        } else if (code instanceof ResponseCode.HighestModSeq c) {
            w.raw("HIGHESTMODSEQ ").number(c.modSeq());
        } else if (code instanceof ResponseCode.Modified c) {
            w.raw("MODIFIED ").raw(c.set().toString());
        } else if (code instanceof ResponseCode.MailboxId c) {
            w.raw("MAILBOXID (").raw(c.id()).raw(")");
        } else if (code instanceof ResponseCode.Other c) {
            w.raw(c.atom());
            if (c.text() != null && !c.text().isEmpty()) {
                // RFC 9051 9: atom [SP 1*<any TEXT-CHAR except "]">]
                w.sp().text(c.text().replace(']', ' '));
            }
        }
    }
}
