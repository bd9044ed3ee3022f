package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.Pop3Command;
import io.mailstream.pop3.proto.RespCode;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.pop3.proto.SaslPlain;
import io.mailstream.pop3.session.Pop3State;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * RFC 5034 4 AUTH with the PLAIN mechanism (RFC 4616), with or without an initial response.
 * Without one the server sends the empty challenge "+ " and reads the response line; "*"
 * cancels.
 */
final class AuthHandler implements Pop3Handler<Pop3Command.Auth> {
    static final String PLAIN = "PLAIN";

    @Override
    public Uni<Void> handle(Pop3Context ctx, Pop3Command.Auth command) {
        if (command.mechanism() == null) {
            // Quirk: Outlook and other RFC 1734-era clients send a bare AUTH to list mechanisms.
            List<String> mechanisms = ctx.plaintextAuthAllowed() ? List.of(PLAIN) : List.of();
            return ctx.send(Responses.multiLine(Responses.ok(), mechanisms));
        }
        if (!command.mechanism().equals(PLAIN)) {
            return ctx.send(Responses.err("unsupported authentication mechanism"));
        }
        if (!ctx.plaintextAuthAllowed()) {
            return ctx.send(UserHandler.PLAINTEXT_REFUSED);
        }
        // RFC 5034 4: a pending USER is forgotten; AUTH starts over.
        Pop3State.Authorization auth = (Pop3State.Authorization) ctx.state();
        ctx.state(new Pop3State.Authorization(null, auth.authFailures()));
        if (command.initialResponse() != null) {
            return verify(ctx, command.initialResponse());
        }
        // RFC 5034 4: an empty challenge is "+" followed by a single space.
        return ctx.send("+ \r\n").chain(ctx::readLine).chain(line -> {
            if (line == null) {
                return ctx.send(Responses.err("authentication response too long"));
            }
            if (line.equals("*")) {
                return ctx.send(Responses.err("authentication cancelled"));
            }
            return verify(ctx, line);
        });
    }

    private static Uni<Void> verify(Pop3Context ctx, String response) {
        SaslPlain.Credentials credentials;
        try {
            credentials = SaslPlain.decode(response);
        } catch (SaslPlain.InvalidResponse e) {
            return ctx.send(Responses.err(e.getMessage()));
        }
        // RFC 4616 2: acting as another user (a different authzid) is not supported.
        if (!credentials.authzid().isEmpty() && !credentials.authzid().equalsIgnoreCase(credentials.authcid())) {
            return ctx.send(Responses.err(RespCode.AUTH, "authorization identity not permitted"));
        }
        return Login.login(ctx, credentials.authcid(), credentials.password());
    }
}
