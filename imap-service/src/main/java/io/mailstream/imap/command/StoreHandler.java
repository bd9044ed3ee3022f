package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.FetchAttribute;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.selected.FlagOrder;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * RFC 9051 6.4.6 STORE / UID STORE: FLAGS, +FLAGS, -FLAGS, with .SILENT; the new flags of each
 * message go back in untagged FETCH responses (with UID for UID STORE, RFC 9051 6.4.9).
 */
public final class StoreHandler implements CommandHandler<ImapCommand.Store> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Store command, CommandContext ctx) {
        SelectedMailbox m = ctx.selected();
        if (command.unchangedSince() != null) {
            return ctx.done(ctx.bad("UNCHANGEDSINCE needs CONDSTORE, which this server does not offer"));
        }
        if (m.readOnly()) {
            return ctx.done(ctx.no(ResponseCode.READ_ONLY, "The mailbox is read-only"));
        }
        UidSet uids = MessageSets.resolve(m, command.set(), command.uid());
        String done = command.name() + " completed";
        if (uids.isEmpty()) {
            return ctx.done(ctx.ok(done));
        }
        Set<String> flags = Set.copyOf(command.flags());
        return ctx.store().call(s -> s.storeFlags(ctx.userId(), m.mailboxId(), uids, command.operation(), flags, null))
                .map(result -> {
                    Set<Long> present = new HashSet<>();
                    for (MessageFlags f : result.updated()) {
                        present.add(f.uid());
                        int msn = m.msnOf(f.uid());
                        if (msn == 0) {
                            continue;
                        }
                        m.observedFlags(f.uid(), f.flags());
                        if (!command.silent()) {
                            List<FetchAttribute> atts = new ArrayList<>();
                            atts.add(new FetchAttribute.Flags(
                                    FlagOrder.sorted(m.withRecent(f.uid(), f.flags(), ctx.session().rev1()))));
                            if (command.uid()) {
                                atts.add(new FetchAttribute.Uid(f.uid()));
                            }
                            ctx.send(new ImapResponse.Fetch(msn, atts));
                        }
                    }
                    ctx.services().changes().changed(m.mailboxId());
                    boolean missing = m.uidsIn(uids).stream().anyMatch(u -> !present.contains(u));
                    // RFC 2180 4.2: messages expunged by another session cannot be changed.
                    return missing && !command.uid()
                            ? ctx.no(ResponseCode.EXPUNGEISSUED, "Some of the requested messages no longer exist")
                            : ctx.ok(done);
                });
    }
}
