package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.Pop3Command;
import io.mailstream.pop3.proto.Responses;
import io.smallrye.mutiny.Uni;

/** RFC 1939 5 NOOP. */
final class NoopHandler implements Pop3Handler<Pop3Command.Noop> {
    @Override
    public Uni<Void> handle(Pop3Context ctx, Pop3Command.Noop command) {
        return ctx.send(Responses.ok());
    }
}
