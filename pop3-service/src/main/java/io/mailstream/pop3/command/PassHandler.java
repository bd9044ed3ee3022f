package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.Pop3Command;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.pop3.session.Pop3State;
import io.smallrye.mutiny.Uni;

/** RFC 1939 7 PASS: only immediately after a successful USER. */
final class PassHandler implements Pop3Handler<Pop3Command.Pass> {
    @Override
    public Uni<Void> handle(Pop3Context ctx, Pop3Command.Pass command) {
        Pop3State.Authorization auth = (Pop3State.Authorization) ctx.state();
        if (!ctx.plaintextAuthAllowed()) {
            return ctx.send(UserHandler.PLAINTEXT_REFUSED);
        }
        if (auth.user() == null) {
            return ctx.send(Responses.err("send USER first"));
        }
        return Login.login(ctx, auth.user(), command.password());
    }
}
