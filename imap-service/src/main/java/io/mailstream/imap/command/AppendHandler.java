package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.AppendMessage;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.store.api.AppendItem;
import io.mailstream.store.api.AppendResult;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * RFC 9051 6.3.12 APPEND with APPENDUID (RFC 4315 3): durable before OK (DESIGN invariant 7);
 * a missing mailbox is {@code NO [TRYCREATE]}. Several messages (RFC 3502 MULTIAPPEND) are
 * appended atomically by one store call: all or none, APPENDUID with the uid set. Sizes are
 * checked by the connection before each literal is read (RFC 7889 APPENDLIMIT) and again here.
 *
 * <p>RFC 6855 4: while UTF8=ACCEPT is offered, a message with 8-bit octets in its header from a
 * client that did not ENABLE UTF8=ACCEPT is refused with NO (the client keeps it). Operators
 * migrating legacy mail with such headers can stop offering UTF8=ACCEPT
 * ({@code mailstream.imap.utf8-accept=false}); the rule then does not apply.
 */
public final class AppendHandler implements CommandHandler<ImapCommand.Append> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Append command, CommandContext ctx) {
        long total = 0;
        for (AppendMessage msg : command.messages()) {
            if (msg.utf8() && !ctx.session().utf8Accept()) {
                // RFC 6855 4: the UTF8 data extension belongs to UTF8=ACCEPT, which must be enabled first
                return ctx.done(ctx.bad("APPEND UTF8 (...) needs ENABLE UTF8=ACCEPT"));
            }
            if (ctx.settings().utf8Accept() && !ctx.session().utf8Accept() && HeaderOctets.has8Bit(msg.content())) {
                // RFC 6855 4: "the server MUST reject, with a NO response, an APPEND command that
                // includes any 8-bit character in message header fields"
                return ctx.done(ctx.no("8-bit characters in the message header need ENABLE UTF8=ACCEPT"
                        + " (RFC 6855 4); encode them as RFC 2047 words otherwise"));
            }
            if (msg.literal8() && !msg.utf8() && ctx.session().rev1()) {
                return ctx.done(ctx.bad("literal8 needs IMAP4rev2 (ENABLE IMAP4rev2)"));
            }
            if (msg.content().length > ctx.settings().effectiveAppendLimit()) {
                return ctx.done(ctx.no(ResponseCode.TOOBIG, "Message larger than the APPENDLIMIT of "
                        + ctx.settings().effectiveAppendLimit() + " octets"));
            }
            total += msg.content().length;
        }
        if (total > ctx.settings().maxAppendTotal()) {
            return ctx.done(ctx.no(ResponseCode.TOOBIG, "Messages larger than " + ctx.settings().maxAppendTotal()
                    + " octets together"));
        }
        String mailbox = command.mailbox().name();
        Uni<List<AppendResult>> stored = command.messages().size() == 1
                ? one(ctx, mailbox, command.messages().get(0)).map(List::of)
                : ctx.store().call(s -> s.appendAll(ctx.userId(), mailbox, items(command.messages())));
        return stored.map(r -> {
            ctx.services().changes().changed(r.get(0).mailboxId());
            List<Long> uids = new ArrayList<>(r.size());
            r.forEach(a -> uids.add(a.uid()));
            // RFC 4315 3 / RFC 3502 6.3.11: APPENDUID uidvalidity uid-set, one uid per message
            return ctx.ok(new ResponseCode.AppendUid(r.get(0).uidValidity(), UidSet.ofAll(uids)), "APPEND completed");
        }).onFailure(CopyHandler::noDestination).recoverWithItem(e -> ctx.no(ResponseCode.TRYCREATE,
                "The mailbox does not exist"));
    }

    private static Uni<AppendResult> one(CommandContext ctx, String mailbox, AppendMessage msg) {
        // RFC 9051 2.3.3: the internal date keeps the zone the client gave (FETCH INTERNALDATE returns it)
        return ctx.store().call(s -> s.appendAt(ctx.userId(), mailbox, Set.copyOf(msg.flags()), msg.internalDate(),
                msg.content()));
    }

    private static List<AppendItem> items(List<AppendMessage> messages) {
        List<AppendItem> items = new ArrayList<>(messages.size());
        for (AppendMessage m : messages) {
            items.add(AppendItem.at(Set.copyOf(m.flags()), m.internalDate(), m.content()));
        }
        return items;
    }
}
