package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.Pop3Command;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.pop3.session.MaildropView;
import io.smallrye.mutiny.Uni;

/** RFC 1939 5 STAT: "+OK nn mm", deleted messages not counted, nothing after the size. */
final class StatHandler implements Pop3Handler<Pop3Command.Stat> {
    @Override
    public Uni<Void> handle(Pop3Context ctx, Pop3Command.Stat command) {
        MaildropView view = ctx.transaction().maildrop();
        return ctx.send(Responses.ok(view.count() + " " + view.octets()));
    }
}
