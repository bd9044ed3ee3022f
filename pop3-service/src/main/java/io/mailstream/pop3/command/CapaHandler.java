package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.Pop3Command;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.pop3.session.Pop3State;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 2449 5 CAPA, in both states. USER and SASL PLAIN are announced only where plaintext
 * passwords are acceptable (RFC 5034 4: do not advertise them before TLS); STLS only where it
 * is permitted (RFC 2595 4: in AUTHORIZATION, without TLS).
 */
final class CapaHandler implements Pop3Handler<Pop3Command.Capa> {
    static final String IMPLEMENTATION = "Mailstream";

    @Override
    public Uni<Void> handle(Pop3Context ctx, Pop3Command.Capa command) {
        List<String> caps = new ArrayList<>();
        caps.add("TOP");
        caps.add("UIDL");
        boolean plaintext = ctx.plaintextAuthAllowed();
        if (plaintext) {
            caps.add("USER");
        }
        caps.add("RESP-CODES");
        caps.add("AUTH-RESP-CODE");
        caps.add("PIPELINING");
        if (plaintext) {
            caps.add("SASL " + AuthHandler.PLAIN);
        }
        if (ctx.tlsAvailable() && ctx.state() instanceof Pop3State.Authorization) {
            caps.add("STLS");
        }
        caps.add("IMPLEMENTATION " + IMPLEMENTATION);
        return ctx.send(Responses.multiLine(Responses.ok("Capability list follows"), caps));
    }
}
