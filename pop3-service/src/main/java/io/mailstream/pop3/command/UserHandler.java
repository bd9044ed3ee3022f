package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.Pop3Command;
import io.mailstream.pop3.proto.RespCode;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.pop3.session.Pop3State;
import io.smallrye.mutiny.Uni;

/**
 * RFC 1939 7 USER. Always "+OK" for a well-formed name, so USER does not reveal which users
 * exist; the verdict comes with PASS.
 */
final class UserHandler implements Pop3Handler<Pop3Command.User> {
    static final String PLAINTEXT_REFUSED =
            Responses.err(RespCode.AUTH, "plaintext authentication disallowed on non-TLS connections, use STLS");

    @Override
    public Uni<Void> handle(Pop3Context ctx, Pop3Command.User command) {
        Pop3State.Authorization auth = (Pop3State.Authorization) ctx.state();
        if (!ctx.plaintextAuthAllowed()) {
            // RFC 2595 2.2 / RFC 5034 4: no cleartext passwords before TLS.
            return ctx.send(PLAINTEXT_REFUSED);
        }
        ctx.state(new Pop3State.Authorization(command.name(), auth.authFailures()));
        return ctx.send(Responses.ok("send PASS"));
    }
}
