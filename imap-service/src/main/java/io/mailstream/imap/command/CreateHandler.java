package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.store.api.MailboxInfo;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * RFC 9051 6.3.4 CREATE (missing parents are created too), with RFC 6154 3 CREATE-SPECIAL-USE:
 * {@code (USE (...))} attributes are kept; one this server cannot give is refused with
 * {@code NO [USEATTR]} and nothing is created.
 */
public final class CreateHandler implements CommandHandler<ImapCommand.Create> {
    /**
     * Uses a plain mailbox can carry. \All and \Flagged describe virtual mailboxes (RFC 6154 2),
     * which this store does not have, so they are refused like unknown attributes.
     */
    private static final List<String> ASSIGNABLE = List.of("\\Archive", "\\Drafts", "\\Junk", "\\Sent", "\\Trash",
            "\\Important");

    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Create command, CommandContext ctx) {
        String name = MailboxNames.stripTrailingDelimiter(command.mailbox().name());
        if (name.equalsIgnoreCase("INBOX")) {
            return ctx.done(ctx.no(ResponseCode.ALREADYEXISTS, "INBOX always exists"));
        }
        String problem = MailboxNames.problem(name);
        if (problem != null) {
            return ctx.done(ctx.no(ResponseCode.CANNOT, problem));
        }
        Set<String> uses = new LinkedHashSet<>();
        for (String requested : command.specialUse()) {
            String use = ASSIGNABLE.stream().filter(a -> a.equalsIgnoreCase(requested)).findFirst().orElse(null);
            if (use == null) {
                return ctx.done(ctx.no(ResponseCode.USEATTR, requested + " not supported"));
            }
            uses.add(use);
        }
        if (uses.isEmpty()) {
            return create(ctx, name, uses);
        }
        // RFC 6154 3: a server MAY refuse a special use another mailbox already has; this one does,
        // so each use names one mailbox (clients pick the first match anyway).
        return ctx.store().call(s -> s.listMailboxes(ctx.userId())).chain(all -> {
            for (MailboxInfo m : all) {
                for (String use : uses) {
                    if (m.specialUse().contains(use)) {
                        return ctx.done(ctx.no(ResponseCode.USEATTR, use + " is already the use of another mailbox"));
                    }
                }
            }
            return create(ctx, name, uses);
        });
    }

    private static Uni<ImapResponse.Tagged> create(CommandContext ctx, String name, Set<String> uses) {
        return ctx.store().call(s -> s.createMailbox(ctx.userId(), name, Set.copyOf(uses)))
                // RFC 8474 4.1: the MAILBOXID of the new mailbox in the tagged OK
                .map(info -> ctx.ok(new ResponseCode.MailboxId(MailboxObjectIds.of(info.mailboxId())),
                        "CREATE completed"));
    }
}
