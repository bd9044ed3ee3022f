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
 * message go back in untagged FETCH responses (with UID for UID STORE, RFC 9051 6.4.9). RFC 7162
 * 3.1.3 UNCHANGEDSINCE: messages changed since are left alone and listed in [MODIFIED].
 */
public final class StoreHandler implements CommandHandler<ImapCommand.Store> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Store command, CommandContext ctx) {
        SelectedMailbox m = ctx.selected();
        if (m.readOnly()) {
            return ctx.done(ctx.no(ResponseCode.READ_ONLY, "The mailbox is read-only"));
        }
        UidSet uids = MessageSets.resolve(m, command.set(), command.uid());
        Long unchangedSince = command.unchangedSince() == null ? null : command.unchangedSince().value();
        if (unchangedSince != null) {
            Condstore.enable(ctx); // RFC 7162 3.1: a CONDSTORE enabling command
        }
        String done = command.name() + " completed";
        if (uids.isEmpty()) {
            return ctx.done(ctx.ok(done));
        }
        Set<String> flags = Set.copyOf(command.flags());
        return ctx.store().call(s -> s.storeFlags(ctx.userId(), m.mailboxId(), uids, command.operation(), flags,
                        unchangedSince))
                .chain(result -> StoreModified.resolve(ctx, m, command.operation(), flags,
                        unchangedSince == null ? 0 : unchangedSince, result)).map(outcome -> {
                    Set<Long> present = new HashSet<>();
                    for (MessageFlags f : outcome.updated()) {
                        present.add(f.uid());
                        // .SILENT still shows FLAGS when another session changed other flags.
                        respond(ctx, m, command, f, command.silent()
                                && StoreModified.expected(m.flagsOf(f.uid()), command.operation(), flags, f.flags()));
                    }
                    for (MessageFlags f : outcome.current()) {
                        // RFC 7162 3.1.3 (examples 6, 10): the current flags of what failed the test.
                        present.add(f.uid());
                        respond(ctx, m, command, f, false);
                    }
                    if (newToView(m, outcome.updated())) {
                        ctx.services().changes().changed(m.mailboxId());
                    }
                    return tagged(ctx, command, m, uids, present, outcome.modified(), done);
                });
    }

    private static ImapResponse.Tagged tagged(CommandContext ctx, ImapCommand.Store command, SelectedMailbox m,
            UidSet uids, Set<Long> present, UidSet failed, String done) {
        boolean missing = m.uidsIn(uids).stream().anyMatch(u -> !present.contains(u));
        // RFC 7162 3.1.3: message numbers for STORE, UIDs for UID STORE.
        ResponseCode modified = failed.isEmpty() ? null
                : new ResponseCode.Modified(command.uid() ? failed : msns(m, failed));
        if (missing && !command.uid()) {
            // RFC 2180 4.2 / RFC 7162 3.1.3 example 11: expunged by another session.
            return ctx.no(modified != null ? modified : ResponseCode.EXPUNGEISSUED,
                    "Some of the requested messages no longer exist");
        }
        return modified != null ? ctx.ok(modified, "Conditional STORE failed") : ctx.ok(done);
    }

    private static void respond(CommandContext ctx, SelectedMailbox m, ImapCommand.Store command, MessageFlags f,
            boolean silent) {
        int msn = m.msnOf(f.uid());
        if (msn == 0) {
            return;
        }
        m.observedFlags(f.uid(), f.flags());
        boolean condstore = ctx.session().condstore();
        if (silent && !condstore) {
            return;
        }
        List<FetchAttribute> atts = new ArrayList<>();
        if (!silent) {
            Set<String> shown = m.withRecent(f.uid(), f.flags(), ctx.session().rev1());
            atts.add(new FetchAttribute.Flags(FlagOrder.sorted(shown)));
        }
        // RFC 9051 6.4.9 UID for UID STORE; RFC 7162 3.2.4 UID and MODSEQ once CONDSTORE-aware
        // (3.1.3: even with .SILENT, so the client's cache gets the new mod-sequence).
        if (command.uid() || condstore) {
            atts.add(new FetchAttribute.Uid(f.uid()));
        }
        if (condstore) {
            atts.add(new FetchAttribute.ModSeq(f.modSeq()));
        }
        ctx.send(new ImapResponse.Fetch(msn, atts));
    }

    /**
     * Whether the store reports a mod-sequence the view has not seen: a STORE that changed
     * nothing (flags already so) leaves every message at its old one, and the other sessions
     * need not be told (nor this one read the store for it).
     */
    static boolean newToView(SelectedMailbox m, List<MessageFlags> updated) {
        long seen = m.highestModSeq();
        return updated.stream().anyMatch(f -> f.modSeq() > seen);
    }

    private static UidSet msns(SelectedMailbox m, UidSet uids) {
        List<Long> out = new ArrayList<>();
        for (Long uid : m.uidsIn(uids)) {
            out.add((long) m.msnOf(uid));
        }
        return UidSet.ofAll(out);
    }
}
