package io.mailstream.imap.command.list;

import io.mailstream.imap.command.CommandContext;
import io.mailstream.imap.command.CommandHandler;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.store.api.MailStore;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * RFC 3501 6.3.9 LSUB (deprecated by RFC 9051 but still answered): subscribed names matching
 * the pattern; with a trailing {@code %}, an unsubscribed parent of a matching subscribed name
 * is returned with \Noselect.
 */
public final class LsubHandler implements CommandHandler<ImapCommand.Lsub> {
    private static final char DELIM = MailStore.DELIMITER;

    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Lsub command, CommandContext ctx) {
        if (command.pattern().isEmpty()) {
            ctx.send(new ImapResponse.Lsub(List.of("\\Noselect"), DELIM, ""));
            return ctx.done(ctx.ok("LSUB completed"));
        }
        ListPattern pattern = ListPattern.of(command.reference(), command.pattern(), DELIM);
        // RFC 3501 6.3.9: every subscribed name, whether or not the mailbox exists.
        return ctx.store().call(s -> s.listSubscriptions(ctx.userId())).map(all -> {
            Set<String> subscribed = new LinkedHashSet<>(all);
            Set<String> parents = new LinkedHashSet<>();
            for (String name : subscribed) {
                if (pattern.matches(name)) {
                    ctx.send(new ImapResponse.Lsub(List.of(), DELIM, name));
                    continue;
                }
                for (int i = name.indexOf(DELIM); i > 0; i = name.indexOf(DELIM, i + 1)) {
                    String parent = name.substring(0, i);
                    if (!subscribed.contains(parent) && pattern.matches(parent) && parents.add(parent)) {
                        ctx.send(new ImapResponse.Lsub(List.of("\\Noselect"), DELIM, parent));
                    }
                }
            }
            return ctx.ok("LSUB completed");
        });
    }
}
