package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.Pop3Command;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.pop3.session.Pop3State;
import io.smallrye.mutiny.Uni;

/** RFC 2595 4 STLS: AUTHORIZATION only; the session stays in AUTHORIZATION afterwards. */
final class StlsHandler implements Pop3Handler<Pop3Command.Stls> {
    @Override
    public Uni<Void> handle(Pop3Context ctx, Pop3Command.Stls command) {
        if (ctx.tlsActive()) {
            return ctx.send(Responses.err("command not permitted when TLS active"));
        }
        if (!ctx.tlsAvailable()) {
            return ctx.send(Responses.err("TLS not available"));
        }
        // Anything learnt before TLS (a USER name) is forgotten, as RFC 2595 asks of clients.
        Pop3State.Authorization auth = (Pop3State.Authorization) ctx.state();
        ctx.state(new Pop3State.Authorization(null, auth.authFailures()));
        return ctx.send(Responses.ok("Begin TLS negotiation")).chain(ctx::startTls);
    }
}
