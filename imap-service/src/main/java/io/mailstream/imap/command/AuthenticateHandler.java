package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * RFC 9051 6.2.2 AUTHENTICATE with the PLAIN mechanism (RFC 4616), the initial response of
 * SASL-IR (RFC 4959) or after an empty {@code + } continuation; {@code *} cancels.
 */
public final class AuthenticateHandler implements CommandHandler<ImapCommand.Authenticate> {
    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Authenticate command, CommandContext ctx) {
        if (!command.mechanism().equalsIgnoreCase("PLAIN")) {
            return ctx.done(ctx.no("Unsupported authentication mechanism"));
        }
        ImapResponse.Tagged refused = Authenticator.privacyCheck(ctx);
        if (refused != null) {
            return ctx.done(refused);
        }
        if (command.initialResponse() != null) {
            return plain(ctx, command.initialResponse());
        }
        ctx.send(new ImapResponse.Continuation(""));
        return ctx.io().readLine().chain(line -> {
            if (line.equals("*")) {
                return ctx.done(ctx.bad("Authentication canceled"));
            }
            return plain(ctx, line);
        });
    }

    private static Uni<ImapResponse.Tagged> plain(CommandContext ctx, String base64) {
        byte[] message;
        try {
            message = base64.equals("=") ? new byte[0] : Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            return ctx.done(ctx.bad("Invalid base64 in the authentication response"));
        }
        // RFC 4616 2: message = [authzid] UTF8NUL authcid UTF8NUL passwd
        int first = indexOf(message, 0);
        int second = first < 0 ? -1 : indexOf(message, first + 1);
        if (second < 0 || indexOf(message, second + 1) >= 0) {
            return ctx.done(ctx.bad("Malformed PLAIN authentication message"));
        }
        String authzid = new String(message, 0, first, StandardCharsets.UTF_8);
        String authcid = new String(message, first + 1, second - first - 1, StandardCharsets.UTF_8);
        String password = new String(message, second + 1, message.length - second - 1, StandardCharsets.UTF_8);
        if (authcid.isEmpty()) {
            return ctx.done(ctx.bad("Empty authentication identity"));
        }
        if (!authzid.isEmpty() && !authzid.equalsIgnoreCase(authcid)) {
            return ctx.done(ctx.no(ResponseCode.AUTHORIZATIONFAILED, "Acting as another user is not permitted"));
        }
        return Authenticator.authenticate(ctx, authcid, password);
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
