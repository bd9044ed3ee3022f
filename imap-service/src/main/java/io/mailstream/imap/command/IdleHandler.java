package io.mailstream.imap.command;

import io.mailstream.imap.events.EventApplier;
import io.mailstream.imap.events.MailboxChangeBus;
import io.mailstream.imap.events.PushMetrics;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.selected.MailboxSync;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.sync.MailboxEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Locale;

/**
 * RFC 2177 / RFC 9051 6.3.13 IDLE: {@code + idling}, then changes are pushed as they are seen
 * (EXPUNGE included: IDLE is a command in progress that allows it) until the client sends
 * DONE. Changes arrive through the {@link MailboxChangeBus} (Kafka events of every writer, and
 * this instance's own writes) and by asking the store every {@code idle-poll}, so a Kafka outage
 * delays updates but loses none; {@code * OK Still here} keeps NAT mappings alive.
 */
public final class IdleHandler implements CommandHandler<ImapCommand.Idle> {

    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Idle command, CommandContext ctx) {
        ctx.send(new ImapResponse.Continuation("idling"));
        Idling idling = new Idling(ctx);
        // Ends with DONE, or with the connection if the mailbox is deleted meanwhile (BYE).
        Uni<String> doneOrGone = Uni.createFrom().emitter(em -> {
            idling.onGone = em::fail;
            ctx.io().readLine().subscribe().with(em::complete, em::fail);
        });
        idling.start();
        return doneOrGone
                .chain(line -> idling.stop().replaceWith(line))
                .map(line -> line.toUpperCase(Locale.ROOT).equals("DONE")
                        ? ctx.ok("IDLE terminated")
                        : ctx.bad("Expected DONE to end IDLE"))
                .onFailure().call(e -> idling.stop())
                // The client went away while idling, the usual way IDLE ends: nobody to answer, no error.
                .onFailure(IllegalStateException.class)
                .recoverWithItem(e -> ctx.bad("Connection closed during IDLE"));
    }

    private static final int NEWS = 0;
    private static final int POLL = 1;
    private static final int NOW = 2;

    /**
     * How much older than "now" a read may be for IDLE's poll to take its answer: a read another
     * session began up to a second ago serves the safety net as well (it runs every idle-poll).
     */
    private static java.time.Duration pollSlack(CommandContext ctx) {
        java.time.Duration quarter = ctx.settings().idlePoll().dividedBy(4);
        return quarter.compareTo(java.time.Duration.ofSeconds(1)) < 0 ? quarter : java.time.Duration.ofSeconds(1);
    }

    /** The timers and the change listener of one IDLE command. */
    private static final class Idling implements MailboxChangeBus.Listener {
        private final CommandContext ctx;
        private final Context context;
        private final Vertx vertx;
        private final SelectedMailbox mailbox;
        private final MailboxChangeBus bus;
        private final String userId;
        private java.util.function.Consumer<Throwable> onGone = e -> { };
        private long pendingSince;
        private long pollTimer = -1;
        private long keepaliveTimer = -1;
        private Uni<Void> inFlight;
        private boolean again;
        /** The strictest read asked for while one was in flight (see {@link #syncNow}). */
        private int againFresh;
        private boolean stopped;

        Idling(CommandContext ctx) {
            this.ctx = ctx;
            this.context = ctx.io().context();
            this.vertx = context.owner();
            this.mailbox = ctx.session().selected();
            this.bus = ctx.services().changes();
            this.userId = ctx.userId();
        }

        void start() {
            if (mailbox != null) {
                bus.register(userId, mailbox.mailboxId(), this);
                // The poll reads the store afresh: the safety net for events that never come.
                pollTimer = vertx.setPeriodic(ctx.settings().idlePoll().toMillis(), id -> syncNow(POLL));
                // Registered first, then asked: a change made before IDLE (whose event came while
                // nobody listened) is not left for the poll. Staged changes go out with it.
                syncNow(NOW);
            }
            keepaliveTimer = vertx.setPeriodic(ctx.settings().idleKeepalive().toMillis(),
                    id -> ctx.send(ImapResponse.Condition.ok(null, "Still here")));
        }

        @Override
        public void poke() {
            // A read shared with the other local sessions poked by the same write.
            context.runOnContext(v -> syncNow(NEWS));
        }

        @Override
        public void event(MailboxEvent event, long timestamp) {
            context.runOnContext(v -> onEvent(event, timestamp));
        }

        /** DESIGN invariant 4: applied directly only when it continues this session's modseq. */
        private void onEvent(MailboxEvent event, long timestamp) {
            if (stopped) {
                return;
            }
            if (inFlight != null) {
                // The store's answer in flight may predate this event: ask again after it.
                again = true;
                pendingSince = pendingSince == 0 ? timestamp : pendingSince;
                return;
            }
            EventApplier.Outcome outcome = EventApplier.apply(mailbox, event);
            if (outcome == EventApplier.Outcome.APPLIED) {
                bus.metrics().applied();
                ctx.sync().flush(true);
                bus.metrics().delivered(timestamp);
            } else if (outcome == EventApplier.Outcome.RESYNC) {
                bus.metrics().resync(PushMetrics.ResyncReason.GAP, 1);
                pendingSince = pendingSince == 0 ? timestamp : pendingSince;
                syncNow(NEWS);
            } else if (outcome == EventApplier.Outcome.GONE) {
                gone();
            }
        }

        /** RFC 9051 7.1.5: the selected mailbox was deleted: BYE and close (as Dovecot does). */
        private void gone() {
            stop();
            onGone.accept(new MailboxSync.MailboxGoneException());
        }

        /**
         * @param fresh {@link #NEWS}: a read begun after the last news heard of the mailbox (shared
         *              with the other local sessions poked by the same write); {@link #POLL}: begun
         *              at most a slack before now (polls of many sessions share reads);
         *              {@link #NOW}: begun now (the start of IDLE)
         */
        private void syncNow(int fresh) {
            if (stopped) {
                return;
            }
            if (inFlight != null) {
                again = true;
                againFresh = Math.max(againFresh, fresh);
                return;
            }
            Uni<Void> read = fresh == NOW ? ctx.sync().poll(true)
                    : fresh == POLL ? ctx.sync().poll(true, pollSlack(ctx)) : ctx.sync().sync(true);
            inFlight = read.memoize().indefinitely();
            inFlight.subscribe().with(v -> done(), e -> {
                if (e instanceof MailboxSync.MailboxGoneException) {
                    inFlight = null;
                    gone();
                } else {
                    done();
                }
            });
        }

        private void done() {
            inFlight = null;
            if (pendingSince != 0 && !again) {
                bus.metrics().delivered(pendingSince);
                pendingSince = 0;
            }
            if (again && !stopped) {
                int fresh = againFresh;
                again = false;
                againFresh = NEWS;
                syncNow(fresh);
            }
        }

        /** Stops pushing; completes after a sync in progress (no EXPUNGE may follow the tagged OK). */
        Uni<Void> stop() {
            if (!stopped) {
                stopped = true;
                vertx.cancelTimer(pollTimer);
                vertx.cancelTimer(keepaliveTimer);
                if (mailbox != null) {
                    bus.unregister(userId, mailbox.mailboxId(), this);
                }
            }
            Uni<Void> pending = inFlight;
            return pending == null ? Uni.createFrom().voidItem() : pending.onFailure().recoverWithNull();
        }
    }
}
