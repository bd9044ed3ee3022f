package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.RespCode;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.pop3.session.MaildropView;
import io.mailstream.pop3.session.Pop3State;
import io.mailstream.store.api.Maildrop;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.UserRef;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The login shared by PASS and AUTH: check the password, take the maildrop lease, enter
 * TRANSACTION (RFC 1939 4). Failed logins are slowed down and, after too many, the connection
 * is closed.
 */
final class Login {
    private static final Logger LOG = Logger.getLogger(Login.class);

    private Login() {
    }

    static Uni<Void> login(Pop3Context ctx, String username, String password) {
        int failures = ((Pop3State.Authorization) ctx.state()).authFailures();
        if (!ctx.reserveUser(username)) {
            ctx.state(new Pop3State.Authorization(null, failures));
            return ctx.send(Responses.err(RespCode.SYS_TEMP, "too many sessions for this user, try again later"));
        }
        return ctx.store(s -> s.authenticate(username, password))
                .onItem().transformToUni(user -> openMaildrop(ctx, user, failures))
                .onFailure().recoverWithUni(t -> {
                    ctx.releaseUser();
                    ctx.state(new Pop3State.Authorization(null, failures));
                    if (StoreFailures.is(t, StoreErrorCode.AUTHENTICATIONFAILED)) {
                        return failed(ctx, username, failures + 1);
                    }
                    LOG.warnf("login of %s failed: %s", username, t.toString());
                    return ctx.send(StoreFailures.reply(t));
                });
    }

    private static Uni<Void> openMaildrop(Pop3Context ctx, UserRef user, int failures) {
        Duration ttl = ctx.settings().leaseTtl();
        return ctx.store(s -> s.openMaildrop(user.userId(), ctx.sessionId(), ttl))
                .onItem().transformToUni(drop -> enter(ctx, user, drop))
                .onFailure(t -> StoreFailures.is(t, StoreErrorCode.INUSE)).recoverWithUni(t -> {
                    ctx.releaseUser();
                    ctx.state(new Pop3State.Authorization(null, failures));
                    // RFC 2449 8.1.2: authenticated, but another session holds the maildrop.
                    return ctx.send(Responses.err(RespCode.IN_USE, "maildrop already locked by another session"));
                });
    }

    private static Uni<Void> enter(Pop3Context ctx, UserRef user, Maildrop drop) {
        MaildropView view = new MaildropView(drop);
        ctx.state(new Pop3State.Transaction(user, view, ctx.sessionId()));
        return ctx.send(Responses.ok("maildrop has " + Responses.messages(view.count()) + " (" + view.octets() + " octets)"));
    }

    /** RFC 3206 5: [AUTH] says the credentials were wrong (not a system problem). */
    private static Uni<Void> failed(Pop3Context ctx, String username, int failures) {
        ctx.authFailed(username);
        ctx.state(new Pop3State.Authorization(null, failures));
        var settings = ctx.settings();
        if (failures >= settings.maxAuthFailures()) {
            return ctx.delay(settings.authFailureDelay())
                    .chain(() -> ctx.send(Responses.err(RespCode.AUTH, "invalid user name or password; closing")))
                    .invoke(ctx::close);
        }
        Uni<Void> wait = failures > settings.authFailuresBeforeDelay() ? ctx.delay(settings.authFailureDelay())
                : Uni.createFrom().voidItem();
        return wait.chain(() -> ctx.send(Responses.err(RespCode.AUTH, "invalid user name or password")));
    }
}
