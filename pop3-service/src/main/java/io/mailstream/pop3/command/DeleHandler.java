package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.Pop3Command;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.pop3.session.MaildropView;
import io.smallrye.mutiny.Uni;

/** RFC 1939 5 DELE: only marks the message; the store sees nothing until QUIT. */
final class DeleHandler implements Pop3Handler<Pop3Command.Dele> {
    @Override
    public Uni<Void> handle(Pop3Context ctx, Pop3Command.Dele command) {
        MaildropView.Lookup l = ctx.transaction().maildrop().markDeleted(command.msg());
        return ctx.send(l.found() ? Responses.ok("message " + command.msg() + " deleted") : Responses.err(l.error()));
    }
}
