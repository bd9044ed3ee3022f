package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.store.api.MailStore;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** RFC 2342 / RFC 9051 6.3.10 NAMESPACE: one personal namespace, no other users', no shared. */
public final class NamespaceHandler implements CommandHandler<ImapCommand.Namespace> {
    private static final ImapResponse.Namespace RESPONSE = new ImapResponse.Namespace(
            List.of(new ImapResponse.NamespaceDescr("", MailStore.DELIMITER)), null, null);

    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Namespace command, CommandContext ctx) {
        ctx.send(RESPONSE);
        return ctx.done(ctx.ok("NAMESPACE completed"));
    }
}
