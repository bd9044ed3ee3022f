package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.session.SessionState;
import io.mailstream.store.api.search.SearchKey;
import io.smallrye.mutiny.Uni;

/**
 * Runs commands one after the other (RFC 9051 5.5: in the order given) through the command
 * table: state check, pipelining check, handler, mailbox sync, and the mapping of failures.
 */
public final class CommandDispatcher {
    private final CommandRegistry registry;
    private final ImapServices services;

    public CommandDispatcher(CommandRegistry registry, ImapServices services) {
        this.registry = registry;
        this.services = services;
    }

    /** Per-connection pipelining memory. */
    public static final class Pipeline {
        private boolean lastSentExpunge;
    }

    /**
     * Executes {@code command}.
     *
     * @param pipelined the command arrived before the previous command's tagged response went out
     */
    public Uni<ImapResponse.Tagged> execute(ImapCommand command, CommandContext ctx, boolean pipelined,
            Pipeline pipeline) {
        long started = System.nanoTime();
        return dispatch(command, ctx, pipelined, pipeline)
                .invoke(tagged -> services.metrics().commandDuration(command.name(), System.nanoTime() - started));
    }

    private Uni<ImapResponse.Tagged> dispatch(ImapCommand command, CommandContext ctx, boolean pipelined,
            Pipeline pipeline) {
        String name = command.name();
        CommandSpec spec = registry.spec(name);
        SessionState.Kind kind = ctx.session().state().kind();
        if (spec == null) {
            return finish(name, ctx.bad("Unknown command " + name), pipeline, false);
        }
        if (!spec.allowedIn(kind)) {
            return finish(name, ctx.bad(notAllowed(kind, spec)), pipeline, false);
        }
        if (pipelined && pipeline.lastSentExpunge && usesSeqs(command, spec)) {
            // RFC 9051 5.5: after a command that sent EXPUNGE the client must wait for its
            // completion before using sequence numbers; this command's numbers are ambiguous.
            return finish(name, ctx.bad(ResponseCode.CLIENTBUG,
                    "Sequence numbers changed by EXPUNGE while this command was pipelined; resend it"),
                    pipeline, false);
        }
        long expungesBefore = ctx.io() instanceof ExpungeCounter c ? c.expungesSent() : 0;
        @SuppressWarnings("unchecked")
        CommandHandler<ImapCommand> handler = (CommandHandler<ImapCommand>) spec.handler();
        return Uni.createFrom().deferred(() -> handler.handle(command, ctx))
                .onFailure(t -> !Failures.fatal(t))
                .recoverWithItem(t -> Failures.toTagged(ctx.tag(), name, t))
                .call(tagged -> spec.has(CommandFlag.NO_SYNC) ? Uni.createFrom().voidItem()
                        // RFC 9051 7.5.1: no EXPUNGE during FETCH/STORE/SEARCH; and none while a
                        // pipelined command is waiting, whose sequence numbers it would shift.
                        // RFC 7162 3.2.10.2: nor VANISHED during a UID SEARCH with message numbers.
                        : syncAfter(command, ctx, !spec.has(CommandFlag.NO_EXPUNGE) && !ctx.io().inputPending()
                                && !(command instanceof ImapCommand.Search s && s.uid() && usesSeqs(command, spec))))
                .chain(tagged -> {
                    boolean sent = ctx.io() instanceof ExpungeCounter c && c.expungesSent() > expungesBefore;
                    return finish(name, tagged, pipeline, sent);
                });
    }

    /**
     * The mailbox sync after a command. NOOP and CHECK always read the store: clients poll with
     * them (RFC 9051 6.1.2: NOOP "can be used as a periodic poll for new messages or message
     * status updates"), also for changes no event has told of yet. Commands that only read (or
     * whose writes tell the change bus) read the store only when something was heard about the
     * mailbox since the session's last read, or when the event intake is not healthy
     * ({@link io.mailstream.imap.selected.MailboxSync#syncIfStale}). Every other command reads.
     */
    static Uni<Void> syncAfter(ImapCommand command, CommandContext ctx, boolean allowExpunge) {
        if (command instanceof ImapCommand.Noop || command instanceof ImapCommand.Check) {
            return ctx.sync().poll(allowExpunge);
        }
        return mayTrustNews(command) ? ctx.sync().syncIfStale(allowExpunge)
                : ctx.sync().syncAfterCommand(allowExpunge);
    }

    /**
     * Commands that change no mailbox, or whose changes to the selected one are told to the
     * change bus by their handler (STORE, FETCH setting \Seen): their sync may trust the news.
     */
    private static boolean mayTrustNews(ImapCommand c) {
        return c instanceof ImapCommand.Fetch || c instanceof ImapCommand.Search || c instanceof ImapCommand.Store
                || c instanceof ImapCommand.Status || c instanceof ImapCommand.List || c instanceof ImapCommand.Lsub
                || c instanceof ImapCommand.Capability || c instanceof ImapCommand.Namespace
                || c instanceof ImapCommand.Id || c instanceof ImapCommand.Enable
                || c instanceof ImapCommand.GetQuota || c instanceof ImapCommand.GetQuotaRoot;
    }

    private Uni<ImapResponse.Tagged> finish(String name, ImapResponse.Tagged tagged, Pipeline pipeline,
            boolean sentExpunge) {
        pipeline.lastSentExpunge = sentExpunge;
        services.metrics().command(name, tagged.status().name());
        return Uni.createFrom().item(tagged);
    }

    /** USES_SEQS from the table; UID SEARCH only when its key holds message numbers. */
    static boolean usesSeqs(ImapCommand command, CommandSpec spec) {
        if (spec.has(CommandFlag.USES_SEQS)) {
            return true;
        }
        return command instanceof ImapCommand.Search s && s.uid() && hasMessageNumbers(s.key());
    }

    private static boolean hasMessageNumbers(SearchKey key) {
        if (key instanceof SearchKey.MessageSet m) {
            return !m.uid();
        }
        if (key instanceof SearchKey.And a) {
            return a.keys().stream().anyMatch(CommandDispatcher::hasMessageNumbers);
        }
        if (key instanceof SearchKey.Or o) {
            return hasMessageNumbers(o.left()) || hasMessageNumbers(o.right());
        }
        return key instanceof SearchKey.Not n && hasMessageNumbers(n.key());
    }

    private static String notAllowed(SessionState.Kind kind, CommandSpec spec) {
        if (kind == SessionState.Kind.NOT_AUTHENTICATED) {
            return "Log in first";
        }
        if (spec.allowedIn(SessionState.Kind.NOT_AUTHENTICATED)) {
            return "Already authenticated";
        }
        return kind == SessionState.Kind.AUTHENTICATED ? "No mailbox selected" : "Logging out";
    }

    /** Implemented by connections that count the EXPUNGE responses they wrote. */
    public interface ExpungeCounter {
        long expungesSent();
    }
}
