package io.mailstream.imap.command.fetch;

import io.mailstream.imap.proto.command.FetchItem;
import io.mailstream.imap.proto.response.FetchAttribute;
import io.mailstream.imap.selected.FlagOrder;
import io.mailstream.store.api.MessageMeta;
import java.util.Set;

/**
 * FETCH items answered from message metadata without reading the message (RFC 9051 6.4.5):
 * FLAGS, UID, INTERNALDATE, RFC822.SIZE, ENVELOPE, BODYSTRUCTURE, BODY and MODSEQ (RFC 7162).
 * Null for others.
 */
final class MessageItems {
    private MessageItems() {
    }

    /** @param flags the flags to show (with \Recent for IMAP4rev1 sessions) */
    static FetchAttribute attribute(FetchItem item, MessageMeta meta, Set<String> flags) {
        if (item instanceof FetchItem.Flags) {
            return new FetchAttribute.Flags(FlagOrder.sorted(flags));
        }
        if (item instanceof FetchItem.Uid) {
            return new FetchAttribute.Uid(meta.uid());
        }
        if (item instanceof FetchItem.InternalDate) {
            // RFC 9051 2.3.3: the date-time with the zone it was appended with (+0000 if unknown)
            return new FetchAttribute.InternalDate(meta.internalDateTime());
        }
        if (item instanceof FetchItem.Rfc822Size) {
            return new FetchAttribute.Rfc822Size(meta.size());
        }
        if (item instanceof FetchItem.Envelope) {
            return new FetchAttribute.Envelope(meta.envelope());
        }
        if (item instanceof FetchItem.BodyStructure) {
            return new FetchAttribute.BodyStructure(meta.bodyStructure());
        }
        if (item instanceof FetchItem.Body) {
            return new FetchAttribute.Body(meta.bodyStructure());
        }
        if (item instanceof FetchItem.ModSeq) {
            // RFC 7162 3.1.4.2: MODSEQ (n)
            return new FetchAttribute.ModSeq(meta.modSeq());
        }
        if (item instanceof FetchItem.EmailId) {
            // RFC 8474 5.1: content-derived, the same after COPY / MOVE
            return new FetchAttribute.EmailId(meta.emailId());
        }
        if (item instanceof FetchItem.ThreadId) {
            return new FetchAttribute.ThreadId(meta.threadId());
        }
        return null;
    }
}
