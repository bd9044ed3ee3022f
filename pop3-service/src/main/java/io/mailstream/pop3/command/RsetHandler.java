package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.Pop3Command;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.pop3.session.MaildropView;
import io.smallrye.mutiny.Uni;

/** RFC 1939 5 RSET: unmarks every deleted message. */
final class RsetHandler implements Pop3Handler<Pop3Command.Rset> {
    @Override
    public Uni<Void> handle(Pop3Context ctx, Pop3Command.Rset command) {
        MaildropView view = ctx.transaction().maildrop();
        view.reset();
        return ctx.send(Responses.ok("maildrop has " + Responses.messages(view.count()) + " (" + view.octets() + " octets)"));
    }
}
