package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.Pop3Command;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.pop3.session.MaildropView;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/** RFC 1939 5 LIST [msg]: scan listings "n size", exact octet counts fixed at login. */
final class ListHandler implements Pop3Handler<Pop3Command.List> {
    @Override
    public Uni<Void> handle(Pop3Context ctx, Pop3Command.List command) {
        MaildropView view = ctx.transaction().maildrop();
        if (command.msg() != null) {
            MaildropView.Lookup l = view.lookup(command.msg());
            return ctx.send(l.found() ? Responses.ok(command.msg() + " " + l.entry().size()) : Responses.err(l.error()));
        }
        List<String> lines = new ArrayList<>();
        for (MaildropView.Numbered n : view.live()) {
            lines.add(n.msg() + " " + n.entry().size());
        }
        return ctx.send(Responses.multiLine(
                Responses.ok(Responses.messages(view.count()) + " (" + view.octets() + " octets)"), lines));
    }
}
