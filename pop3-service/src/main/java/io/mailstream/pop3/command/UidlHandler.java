package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.Pop3Command;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.pop3.session.MaildropView;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 1939 7 UIDL [msg]: "n unique-id". The id is the store's, stable across sessions, IMAP
 * activity and restarts.
 */
final class UidlHandler implements Pop3Handler<Pop3Command.Uidl> {
    @Override
    public Uni<Void> handle(Pop3Context ctx, Pop3Command.Uidl command) {
        MaildropView view = ctx.transaction().maildrop();
        if (command.msg() != null) {
            MaildropView.Lookup l = view.lookup(command.msg());
            return ctx.send(l.found() ? Responses.ok(command.msg() + " " + l.entry().uidl()) : Responses.err(l.error()));
        }
        List<String> lines = new ArrayList<>();
        for (MaildropView.Numbered n : view.live()) {
            lines.add(n.msg() + " " + n.entry().uidl());
        }
        return ctx.send(Responses.multiLine(Responses.ok("unique-id listing follows"), lines));
    }
}
