package io.mailstream.imap.command;

import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.session.SessionState;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.UserRef;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * Password authentication shared by LOGIN and AUTHENTICATE PLAIN: refuses plaintext passwords
 * on unprotected connections (RFC 9051 6.2.3, RFC 8314), slows down repeated failures and
 * disconnects after too many, and caps sessions per user.
 */
final class Authenticator {
    private Authenticator() {
    }

    /** NO [PRIVACYREQUIRED] when the connection may not carry a plaintext password, else null. */
    static ImapResponse.Tagged privacyCheck(CommandContext ctx) {
        if (ctx.services().capabilities().plaintextAuthAllowed(ctx.session())) {
            return null;
        }
        return ctx.no(ResponseCode.PRIVACYREQUIRED, "Plaintext authentication is disabled without TLS; use STARTTLS");
    }

    static Uni<ImapResponse.Tagged> authenticate(CommandContext ctx, String username, String password) {
        return ctx.store().call(s -> s.authenticate(username, password))
                .onItem().transform(user -> loggedIn(ctx, user))
                .onFailure(e -> e instanceof StoreException se && se.code() == StoreErrorCode.AUTHENTICATIONFAILED)
                .recoverWithUni(e -> failed(ctx));
    }

    private static ImapResponse.Tagged loggedIn(CommandContext ctx, UserRef user) {
        if (!ctx.services().limits().acquireUser(user.userId())) {
            return ctx.no(ResponseCode.LIMIT, "Too many connections for this user");
        }
        ctx.session().loggedIn(user);
        ctx.state(new SessionState.Authenticated(user));
        ctx.services().metrics().loggedIn();
        return ctx.ok(new ResponseCode.Capability(ctx.services().capabilities().list(ctx.session())), "Logged in");
    }

    private static Uni<ImapResponse.Tagged> failed(CommandContext ctx) {
        ctx.services().metrics().authFailed();
        int failures = ctx.session().state() instanceof SessionState.NotAuthenticated n ? n.authFailures() + 1 : 1;
        ctx.state(new SessionState.NotAuthenticated(failures));
        Duration base = ctx.settings().authFailureDelay();
        Duration delay = base.multipliedBy(1L << Math.min(failures - 1, 5));
        return ctx.io().sleep(delay).map(v -> {
            if (failures >= ctx.settings().maxAuthFailures()) {
                ctx.io().afterResponseClose("Too many authentication failures");
            }
            return ctx.no(ResponseCode.AUTHENTICATIONFAILED, "Authentication failed");
        });
    }
}
