package io.mailstream.imap.server;

import io.mailstream.imap.command.CommandContext;
import io.mailstream.imap.command.CommandDispatcher;
import io.mailstream.imap.command.ImapServices;
import io.mailstream.imap.command.SessionIo;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.parse.ImapParser;
import io.mailstream.imap.proto.parse.ParseResult;
import io.mailstream.imap.proto.encode.ImapEncoder;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.selected.MailboxSync;
import io.mailstream.imap.session.ImapSession;
import io.mailstream.imap.session.SessionState;
import io.mailstream.imap.store.StoreAccess;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One IMAP connection: feeds received octets to the parser, runs commands one at a time in the
 * order received (RFC 9051 5.5), writes continuations and responses, and stops reading while a
 * command runs or the output queue is full (backpressure). Runs on one event loop only.
 */
final class ImapConnection implements SessionIo, CommandDispatcher.ExpungeCounter {
    private static final Logger LOG = Logger.getLogger(ImapConnection.class);

    private final NetSocket socket;
    private final Context context;
    private final ImapServices services;
    private final CommandDispatcher dispatcher;
    private final ImapSession session;
    private final ImapParser parser;
    private final Output output;
    private final StoreAccess store;
    private final MailboxSync sync;
    private final CommandDispatcher.Pipeline pipeline = new CommandDispatcher.Pipeline();
    private final ParserLimitsPolicy limits;
    private final LiteralGate literals;
    private final ConnectionTimers timers;
    private final Runnable onClosed;

    private boolean busy;
    private boolean pumping;
    private boolean paused;
    private boolean closed;
    private boolean inputAtLastCompletion;
    private boolean discardInput;
    private boolean startTls;
    private boolean compress;
    private String closeWithBye;
    private io.smallrye.mutiny.subscription.UniEmitter<? super String> lineWaiter;
    private long expungesSent;
    private boolean cleanedUp;
    private final QuietTasks quiet = new QuietTasks(new QuietTasks.Host() {
        @Override
        public boolean closed() {
            return closed;
        }

        @Override
        public boolean busy() {
            return busy;
        }

        @Override
        public boolean idling() {
            return lineWaiter != null && session.user() != null;
        }

        @Override
        public void busy(boolean b) {
            busy = b;
            if (b) {
                gate();
            } else {
                pump();
            }
        }

        @Override
        public void failed(Throwable e) {
            if (e instanceof MailboxSync.MailboxGoneException) {
                fatal(e);
            } else {
                LOG.debugf("connection %s: notification skipped: %s", session.id(), e.toString());
            }
        }
    });
    private volatile String running;

    ImapConnection(NetSocket socket, Context context, ImapServices services, CommandDispatcher dispatcher,
            ImapSession session, Runnable onClosed) {
        this.socket = socket;
        this.context = context;
        this.services = services;
        this.dispatcher = dispatcher;
        this.session = session;
        this.onClosed = onClosed;
        this.limits = new ParserLimitsPolicy(services.settings());
        this.parser = new ImapParser(limits.forState(session));
        this.literals = new LiteralGate(new AppendLimits(services.settings(), session), parser, services.metrics(),
                this::send);
        this.timers = new ConnectionTimers(context.owner(), services.settings(), session, () -> closed,
                () -> !busy || lineWaiter != null, () -> {
                    send(ImapResponse.Condition.bye("Autologout; idle for too long"));
                    close();
                });
        this.output = new Output(socket, context, services.metrics()::sent);
        this.store = new StoreAccess(services.store(), context, services.settings().storeTimeout());
        this.sync = new MailboxSync(session, store,
                io.mailstream.imap.notify.NotifySession.selectedSink(session, this::send), // RFC 5465 5.1
                services.changes());
        output.onDrain(this::pump);
    }

    void start() {
        socket.handler(this::received);
        socket.closeHandler(v -> closed());
        socket.exceptionHandler(e -> LOG.debugf("connection %s: %s", session.id(), e.getMessage()));
        send(ImapResponse.Condition.ok(new ResponseCode.Capability(services.capabilities().list(session)),
                "Mailstream IMAP ready"));
        timers.armAutologout();
    }

    private void received(Buffer data) {
        if (closed || discardInput) {
            return; // RFC 9051 6.2.1: plaintext after STARTTLS is thrown away
        }
        parser.feed(data.getBytes());
        pump();
    }

    /** Handles parser results until more input is needed or a command is running. */
    private void pump() {
        if (pumping) {
            return;
        }
        pumping = true;
        try {
            while (!closed && !discardInput && (!busy || lineWaiter != null) && !output.full()) {
                ParseResult r = parser.next();
                if (r instanceof ParseResult.NeedMore) {
                    break;
                }
                handle(r);
            }
        } finally {
            pumping = false;
        }
        gate();
    }

    private void handle(ParseResult r) {
        if (r instanceof ParseResult.Line line) {
            if (lineWaiter != null) {
                var w = lineWaiter;
                lineWaiter = null;
                w.complete(line.text());
            }
        } else if (r instanceof ParseResult.NeedLiteral lit) {
            literals.announced(lit);
        } else if (r instanceof ParseResult.Error e) {
            literals.commandEnded();
            rejected(e);
        } else if (r instanceof ParseResult.Request req) {
            literals.commandEnded();
            execute(req.command());
        }
    }

    private void rejected(ParseResult.Error e) {
        services.metrics().command("INVALID", "BAD");
        if (lineWaiter != null) {
            var w = lineWaiter;
            lineWaiter = null;
            w.fail(new IllegalArgumentException(e.message()));
            return;
        }
        send(ParseErrors.response(e, services.settings()));
    }

    private void execute(ImapCommand command) {
        running = command.name();
        busy = true;
        timers.armAutologout();
        boolean pipelined = inputAtLastCompletion;
        CommandContext ctx = new CommandContext(command.tag(), session, this, services, store, sync);
        dispatcher.execute(command, ctx, pipelined, pipeline).subscribe().with(this::completed, this::fatal);
    }

    private void completed(ImapResponse.Tagged tagged) {
        running = null;
        if (closed) {
            return;
        }
        send(tagged);
        if (compress) {
            compress = false;
            Compression.start(socket); // RFC 4978 3: right after the CRLF of the tagged OK
            parser.reset(); // anything pipelined behind COMPRESS was sent uncompressed: a client error
        }
        inputAtLastCompletion = parser.buffered() > 0;
        parser.setLimits(limits.forState(session));
        parser.setUtf8(session.utf8Names());
        if (closeWithBye != null) {
            send(ImapResponse.Condition.bye(closeWithBye));
            close();
            return;
        }
        if (session.state() instanceof SessionState.Logout) {
            close();
            return;
        }
        if (startTls) {
            upgradeTls();
            return;
        }
        busy = false;
        timers.armAutologout();
        if (quiet.runNext()) {
            return; // RFC 5465: a notification waited for this command to end
        }
        pump();
    }

    private void fatal(Throwable t) {
        if (t instanceof MailboxSync.MailboxGoneException) {
            send(ImapResponse.Condition.bye("The selected mailbox was deleted, have to disconnect"));
        } else {
            LOG.warnf("connection %s closed: %s", session.id(), t.toString());
        }
        close();
    }

    private void upgradeTls() {
        startTls = false;
        parser.reset();
        discardInput = true;
        socket.upgradeToSsl().onComplete(ar -> {
            if (ar.failed()) {
                LOG.debugf("connection %s: TLS negotiation failed: %s", session.id(), ar.cause().getMessage());
                close();
                return;
            }
            session.tlsStarted();
            discardInput = false;
            busy = false;
            parser.reset();
            timers.armAutologout();
            pump();
        });
        gate();
    }

    /** Pauses reading while a command runs (IDLE and AUTHENTICATE excepted) or output is queued. */
    private void gate() {
        boolean pause = !closed && !discardInput && ((busy && lineWaiter == null) || output.full());
        if (pause && !paused) {
            socket.pause();
            paused = true;
        } else if (!pause && paused) {
            socket.resume();
            paused = false;
        }
    }

    // --- SessionIo ------------------------------------------------------------------------

    @Override
    public void send(ImapResponse response) {
        if (closed) {
            return;
        }
        if (response instanceof ImapResponse.Expunge
                || (response instanceof ImapResponse.Vanished v && !v.earlier())) {
            expungesSent++;
        }
        output.write(ImapEncoder.encodeBytes(response, session.encoderContext()));
    }

    @Override
    public Uni<Void> write(ImapResponse response) {
        if (closed) {
            return Uni.createFrom().voidItem();
        }
        return output.write(ImapEncoder.encode(response, session.encoderContext()));
    }

    @Override
    public Uni<Void> drain() {
        return output.drain();
    }

    @Override
    public Uni<String> readLine() {
        return Uni.createFrom().emitter(em -> {
            lineWaiter = em;
            parser.expectLine();
            pump();
        });
    }

    @Override
    public boolean inputPending() {
        return parser.buffered() > 0;
    }

    @Override
    public void startTlsAfterResponse() {
        startTls = true;
    }

    @Override
    public void whenQuiet(java.util.function.Supplier<Uni<Void>> task, boolean duringIdle) {
        quiet.add(task, duringIdle);
    }

    @Override
    public void compressAfterResponse() {
        compress = true;
    }

    @Override
    public Uni<Void> sleep(Duration delay) {
        return timers.sleep(delay);
    }

    @Override
    public void afterResponseClose(String byeText) {
        closeWithBye = byeText;
    }

    @Override
    public Context context() {
        return context;
    }

    @Override
    public long expungesSent() {
        return expungesSent;
    }

    /** The session's state for the sessions gauge: idle while in IDLE, else the RFC 9051 3 state. */
    String stateTag() {
        if ("IDLE".equals(running)) {
            return "idle";
        }
        return session.state().kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Shutdown drain: BYE now when no command runs or the session is in IDLE (or AUTHENTICATE)
     * waiting for the client; otherwise the running command finishes and its tagged response
     * goes out before the BYE. A command whose literal is still arriving (a large APPEND) counts
     * as running: it is executed and answered when its last octet is in.
     */
    void drain(String reason) {
        if (closed) {
            return;
        }
        if ((!busy && !literals.pending()) || lineWaiter != null) {
            send(ImapResponse.Condition.bye(reason));
            close();
        } else if (closeWithBye == null) {
            closeWithBye = reason;
        }
    }

    void close() {
        if (!closed) {
            closed = true;
            socket.close();
            closed();
        }
    }

    private void closed() {
        closed = true;
        if (cleanedUp) {
            return;
        }
        cleanedUp = true;
        timers.cancelAutologout();
        if (lineWaiter != null) {
            lineWaiter.fail(new IllegalStateException("connection closed"));
            lineWaiter = null;
        }
        output.close();
        quiet.clear();
        io.mailstream.imap.notify.NotifySession.closed(session, services.changes());
        if (session.loggedIn() != null) {
            services.limits().releaseUser(session.loggedIn().userId());
            services.metrics().loggedOut();
        }
        onClosed.run();
    }
}
