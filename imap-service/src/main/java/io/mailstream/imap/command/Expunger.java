package io.mailstream.imap.command;

import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.selected.MailboxSync;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Uni;

/** EXPUNGE and UID EXPUNGE: remove \Deleted messages and announce each (RFC 9051 7.5.1). */
final class Expunger {
    private Expunger() {
    }

    /** {@code uids == null}: every \Deleted message. */
    static Uni<ImapResponse.Tagged> expunge(CommandContext ctx, UidSet uids, String done) {
        SelectedMailbox m = ctx.selected();
        if (m.readOnly()) {
            return ctx.done(ctx.no(ResponseCode.READ_ONLY, "The mailbox is read-only"));
        }
        if (uids != null && uids.isEmpty()) {
            return ctx.done(ctx.ok(done));
        }
        return ctx.store().call(s -> s.expunge(ctx.userId(), m.mailboxId(), uids)).map(r -> {
            m.expunged(r.expunged(), u -> ctx.send(MailboxSync.toResponse(u)));
            if (!r.expunged().isEmpty()) {
                ctx.services().changes().changed(m.mailboxId());
            }
            return ctx.ok(done);
        });
    }
}
