package io.mailstream.imap.command;

import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Uni;

/**
 * EXPUNGE and UID EXPUNGE: remove \Deleted messages and announce each (RFC 9051 7.5.1), as one
 * VANISHED once QRESYNC is enabled (RFC 7162 3.2.7, 3.2.9).
 */
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
        return ctx.store().call(s -> s.expunge(ctx.userId(), m.mailboxId(), uids)).chain(r -> {
            m.expunged(r.expunged(), ctx.session().qresync(), ctx.sync().announcer());
            if (r.expunged().isEmpty()) {
                return ctx.done(ctx.ok(done));
            }
            ctx.services().changes().changed(m.mailboxId());
            return withHighestModSeq(ctx, done);
        });
    }

    /**
     * RFC 7162 3.2.7 / 3.2.9 (and RFC 6851 4.4 for MOVE): with QRESYNC, the tagged OK of a command
     * that expunged carries HIGHESTMODSEQ; synced first, so it never passes a change not yet told.
     */
    static Uni<ImapResponse.Tagged> withHighestModSeq(CommandContext ctx, String done) {
        if (!ctx.session().qresync()) {
            return ctx.done(ctx.ok(done));
        }
        SelectedMailbox m = ctx.selected();
        return ctx.sync().sync(true).map(v -> ctx.session().selected() == m
                ? ctx.ok(new ResponseCode.HighestModSeq(m.announcedModSeq()), done) : ctx.ok(done));
    }
}
