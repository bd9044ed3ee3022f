package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.Pop3Command;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.pop3.proto.TopFilter;
import io.mailstream.pop3.session.MaildropView;
import io.mailstream.pop3.session.Pop3State;
import io.smallrye.mutiny.Uni;

/**
 * RFC 1939 7 TOP msg n: the header, the blank line and n body lines, streamed; reading from the
 * store stops once enough lines were sent.
 */
final class TopHandler implements Pop3Handler<Pop3Command.Top> {
    @Override
    public Uni<Void> handle(Pop3Context ctx, Pop3Command.Top command) {
        Pop3State.Transaction t = ctx.transaction();
        MaildropView.Lookup l = t.maildrop().lookup(command.msg());
        if (!l.found()) {
            return ctx.send(Responses.err(l.error()));
        }
        return RetrHandler.stream(ctx, t, command.msg(), l.entry().uid(), Responses.ok("top of message follows"),
                new TopFilter(command.lines()));
    }
}
