package io.mailstream.imap.command;

import io.mailstream.imap.events.MailboxChangeBus;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.selected.SelectedMailbox;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Locale;

/**
 * RFC 2177 / RFC 9051 6.3.13 IDLE: {@code + idling}, then changes are pushed as they are seen
 * (EXPUNGE included: IDLE is a command in progress that allows it) until the client sends
 * DONE. Changes are noticed through the {@link MailboxChangeBus} (immediately) and by asking the
 * store every {@code idle-poll}; {@code * OK Still here} keeps NAT mappings alive.
 */
public final class IdleHandler implements CommandHandler<ImapCommand.Idle> {

    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Idle command, CommandContext ctx) {
        ctx.send(new ImapResponse.Continuation("idling"));
        Idling idling = new Idling(ctx);
        idling.start();
        return ctx.io().readLine()
                .chain(line -> idling.stop().replaceWith(line))
                .map(line -> line.toUpperCase(Locale.ROOT).equals("DONE")
                        ? ctx.ok("IDLE terminated")
                        : ctx.bad("Expected DONE to end IDLE"))
                .onFailure().call(e -> idling.stop());
    }

    /** The timers and the change listener of one IDLE command. */
    private static final class Idling implements MailboxChangeBus.Listener {
        private final CommandContext ctx;
        private final Context context;
        private final Vertx vertx;
        private final SelectedMailbox mailbox;
        private long pollTimer = -1;
        private long keepaliveTimer = -1;
        private Uni<Void> inFlight;
        private boolean again;
        private boolean stopped;

        Idling(CommandContext ctx) {
            this.ctx = ctx;
            this.context = ctx.io().context();
            this.vertx = context.owner();
            this.mailbox = ctx.session().selected();
        }

        void start() {
            if (mailbox != null) {
                ctx.services().changes().register(mailbox.mailboxId(), this);
                pollTimer = vertx.setPeriodic(ctx.settings().idlePoll().toMillis(), id -> syncNow());
                // Changes staged before IDLE started go out at once.
                ctx.sync().flush(true);
            }
            keepaliveTimer = vertx.setPeriodic(ctx.settings().idleKeepalive().toMillis(),
                    id -> ctx.send(ImapResponse.Condition.ok(null, "Still here")));
        }

        @Override
        public void poke() {
            context.runOnContext(v -> syncNow());
        }

        private void syncNow() {
            if (stopped) {
                return;
            }
            if (inFlight != null) {
                again = true;
                return;
            }
            inFlight = ctx.sync().sync(true).memoize().indefinitely();
            inFlight.subscribe().with(v -> done(), e -> done());
        }

        private void done() {
            inFlight = null;
            if (again && !stopped) {
                again = false;
                syncNow();
            }
        }

        /** Stops pushing; completes after a sync in progress (no EXPUNGE may follow the tagged OK). */
        Uni<Void> stop() {
            if (!stopped) {
                stopped = true;
                vertx.cancelTimer(pollTimer);
                vertx.cancelTimer(keepaliveTimer);
                if (mailbox != null) {
                    ctx.services().changes().unregister(mailbox.mailboxId(), this);
                }
            }
            Uni<Void> pending = inFlight;
            return pending == null ? Uni.createFrom().voidItem() : pending.onFailure().recoverWithNull();
        }
    }
}
