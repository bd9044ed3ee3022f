package io.mailstream.pop3.server;

import io.mailstream.pop3.Pop3Settings;
import io.mailstream.pop3.command.CommandRegistry;
import io.mailstream.pop3.command.Pop3Context;
import io.mailstream.pop3.proto.LineFramer;
import io.mailstream.pop3.proto.ParseResult;
import io.mailstream.pop3.proto.Pop3Parser;
import io.mailstream.pop3.proto.RespCode;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.pop3.proto.TopFilter;
import io.mailstream.pop3.session.Pop3State;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One POP3 connection: frames lines, runs commands one at a time in arrival order (RFC 2449
 * 6.6 PIPELINING), writes responses, and keeps the timers (inactivity, lease renewal). All its
 * state is touched only on its event loop.
 *
 * <p>Input backpressure: when many pipelined lines wait, the socket is paused until the queue
 * drains; output backpressure: the next command starts only when the write queue has room.
 */
final class Pop3Connection implements Pop3Context {
    private static final Logger LOG = Logger.getLogger(Pop3Connection.class);

    private final Vertx vertx;
    private final Context context;
    private final NetSocket socket;
    private final ServerShared shared;
    private final Pop3Settings settings;
    private final String id;
    private final String remoteIp;
    private final boolean loopback;
    private final InputLines input;
    private final Reservations reservations;
    private final LineReader lines;
    private final Executor onContext;
    private final LeaseKeeper lease;
    private Pop3State state = Pop3State.Authorization.initial();
    private boolean busy;
    private boolean closed;
    private BodyStreamer activeBody;
    private final IdleTimer idle;
    private String keyword;
    private String status;
    private boolean drainAfterCommand;
    private long commandStarted;

    Pop3Connection(Vertx vertx, NetSocket socket, ServerShared shared, String id) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.socket = socket;
        this.shared = shared;
        this.settings = shared.settings();
        this.id = id;
        this.remoteIp = socket.remoteAddress().host();
        this.loopback = Addresses.isLoopback(remoteIp);
        this.input = new InputLines(socket, settings.maxLineLength());
        this.reservations = new Reservations(shared, remoteIp);
        this.lines = new LineReader(input);
        this.onContext = task -> context.runOnContext(v -> task.run());
        this.lease = new LeaseKeeper(vertx, this);
        this.idle = new IdleTimer(vertx, settings.idleTimeout(), this::idleExpired);
    }

    void start() {
        shared.metrics().opened(socket.isSsl());
        shared.drain().opened(this);
        socket.closeHandler(v -> onClosed());
        socket.exceptionHandler(t -> {
            LOG.debugf("%s: socket error: %s", id, t.toString());
            close();
        });
        if (!reservations.reserveIp()) {
            send(Responses.err(RespCode.SYS_TEMP, "too many connections from your address"))
                    .subscribe().with(v -> close(), t -> close());
            return;
        }
        String draining = shared.drain().reason();
        if (draining != null) {
            shared.metrics().rejected("draining");
            send(Responses.err(RespCode.SYS_TEMP, draining)).subscribe().with(v -> close(), t -> close());
            return;
        }
        socket.handler(this::onData);
        idle.start();
        LOG.debugf("%s: connected from %s%s", id, remoteIp, socket.isSsl() ? " (TLS)" : "");
        send(Responses.ok("Mailstream POP3 server ready")).subscribe().with(v -> { }, t -> close());
    }

    // --- input and the command pipeline -------------------------------------------------

    private void onData(Buffer data) {
        if (closed) {
            return;
        }
        touch();
        input.feed(data.getBytes());
        if (lines.waiting()) {
            lines.deliver();
        } else {
            pump();
        }
    }

    private void pump() {
        if (busy || closed || lines.waiting()) {
            return;
        }
        LineFramer.Frame frame = input.nextCommand();
        if (frame == null) {
            return;
        }
        busy = true;
        commandStarted = System.nanoTime();
        Uni<Void> work;
        try {
            work = execute(frame);
        } catch (RuntimeException e) {
            work = Uni.createFrom().failure(e);
        }
        work.subscribe().with(v -> context.runOnContext(x -> commandDone()),
                t -> context.runOnContext(x -> commandFailed(t)));
    }

    private Uni<Void> execute(LineFramer.Frame frame) {
        status = null;
        if (frame instanceof LineFramer.Frame.TooLong) {
            keyword = "TOOLONG";
            return send(Responses.err("line too long, the limit is " + settings.maxLineLength() + " octets"));
        }
        String line = new String(((LineFramer.Frame.Line) frame).bytes(), StandardCharsets.UTF_8);
        ParseResult parsed = Pop3Parser.parse(line);
        if (parsed instanceof ParseResult.Invalid invalid) {
            keyword = "INVALID";
            return send(Responses.err(invalid.reason()));
        }
        var command = ((ParseResult.Parsed) parsed).command();
        keyword = command.keyword();
        LOG.tracef("%s: %s", id, command);
        return shared.commands().dispatch(this, command);
    }

    private void commandDone() {
        shared.metrics().command(keyword, status == null ? "none" : status);
        shared.metrics().commandDuration(keyword, System.nanoTime() - commandStarted);
        busy = false;
        touch();
        if (closed) {
            return;
        }
        if (drainAfterCommand) {
            sayDrainingAndClose(); // the running command has been answered; pipelined ones are not run
            return;
        }
        if (socket.writeQueueFull()) {
            socket.drainHandler(v -> {
                socket.drainHandler(null);
                pump();
            });
        } else {
            pump();
        }
    }

    private void commandFailed(Throwable t) {
        busy = false;
        if (!closed) {
            LOG.warnf("%s: closing after %s failed: %s", id, keyword, t.toString());
            close();
        }
    }

    // --- Pop3Context ----------------------------------------------------------------------

    @Override
    public Pop3State state() {
        return state;
    }

    @Override
    public void state(Pop3State next) {
        Pop3State previous = state;
        state = next;
        if (next instanceof Pop3State.Transaction t && !(previous instanceof Pop3State.Transaction)) {
            shared.metrics().login();
            LOG.debugf("%s: %s logged in from %s, %d messages", id, t.user().username(), remoteIp,
                    t.maildrop().count());
            if (closed) {
                lease.release(t);
            } else {
                lease.start(t);
            }
        } else if (previous instanceof Pop3State.Transaction && !(next instanceof Pop3State.Transaction)) {
            lease.stop();
        }
    }

    @Override
    public Pop3Settings settings() {
        return settings;
    }

    @Override
    public String sessionId() {
        return id;
    }

    @Override
    public <T> Uni<T> store(Function<MailStore, Uni<T>> call) {
        Duration timeout = settings.storeTimeout();
        return Uni.createFrom().deferred(() -> call.apply(shared.store()))
                .ifNoItem().after(timeout)
                .failWith(() -> new StoreException(StoreErrorCode.UNAVAILABLE, "store did not answer in " + timeout))
                .emitOn(onContext);
    }

    @Override
    public Uni<Void> send(String response) {
        return send(response.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Uni<Void> send(byte[] response) {
        if (status == null && response.length > 1 && (response[0] == '-' || response[1] == 'O')) {
            status = response[0] == '+' ? "ok" : "err"; // "+ " (an AUTH challenge) is not a status
        }
        return Uni.createFrom().emitter(em -> socket.write(Buffer.buffer(response)).onComplete(ar -> {
            if (ar.succeeded()) {
                touch();
                em.complete(null);
            } else {
                em.fail(ar.cause());
            }
        }));
    }

    @Override
    public Uni<Void> sendBody(String firstLine, Multi<byte[]> body, TopFilter top) {
        return send(firstLine).chain(() -> {
            activeBody = new BodyStreamer(context, socket, top, this::touch);
            return activeBody.run(body);
        }).eventually(() -> activeBody = null);
    }

    @Override
    public Uni<String> readLine() {
        return lines.read(() -> closed);
    }

    @Override
    public boolean tlsActive() {
        return socket.isSsl();
    }

    @Override
    public boolean tlsAvailable() {
        return shared.tlsConfigured() && !socket.isSsl();
    }

    @Override
    public boolean plaintextAuthAllowed() {
        return socket.isSsl() || loopback || settings.allowPlaintextAuth();
    }

    @Override
    public Uni<Void> startTls() {
        // RFC 2595 4: the client must wait for the handshake; anything it pipelined after STLS
        // arrived in plaintext and is discarded (no command injection into the TLS session).
        input.reset();
        return Uni.createFrom().emitter(em -> socket.upgradeToSsl().onComplete(ar -> {
            if (ar.succeeded()) {
                LOG.debugf("%s: TLS started", id);
                em.complete(null);
            } else {
                em.fail(ar.cause());
            }
        }));
    }

    @Override
    public Uni<Void> delay(Duration duration) {
        return Uni.createFrom().emitter(em -> vertx.setTimer(Math.max(1, duration.toMillis()), t -> em.complete(null)));
    }

    @Override
    public boolean reserveUser(String username) {
        return reservations.reserveUser(username);
    }

    @Override
    public void releaseUser() {
        reservations.releaseUser();
    }

    @Override
    public void authFailed(String username) {
        shared.metrics().authFailure();
        LOG.infof("%s: authentication failed for %s from %s", id, username, remoteIp);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            socket.close();
        }
    }

    /** The RFC 1939 state, for the sessions gauge. */
    String stateTag() {
        Pop3State s = state;
        return s instanceof Pop3State.Transaction ? "transaction" : s instanceof Pop3State.Update ? "update"
                : "authorization";
    }

    // --- shutdown drain -------------------------------------------------------------------

    /**
     * Shutdown drain: {@code -ERR [SYS/TEMP] reason} (which a client reads as the failure of its
     * next command), then the connection closes: now between commands, after the response of a
     * running command otherwise. RFC 1939 6: a session that ends without QUIT deletes nothing.
     */
    void drain() {
        context.runOnContext(v -> {
            if (closed) {
                return;
            }
            if (busy && !lines.waiting()) {
                drainAfterCommand = true;
                return;
            }
            sayDrainingAndClose();
        });
    }

    private void sayDrainingAndClose() {
        String why = shared.drain().reason();
        send(Responses.err(RespCode.SYS_TEMP, why == null ? "server shutting down" : why))
                .subscribe().with(x -> close(), t -> close());
    }

    /** End of the drain timeout: closed whatever it is doing; an unanswered command was never acknowledged. */
    void forceClose() {
        context.runOnContext(v -> close());
    }

    // --- timers and teardown ------------------------------------------------------------

    private void touch() {
        idle.touch();
    }

    /** RFC 1939 3: the autologout timer closes silently, without entering UPDATE. */
    private void idleExpired() {
        if (!closed) {
            LOG.debugf("%s: inactivity timeout", id);
            shared.metrics().idleTimeout();
            close();
        }
    }

    /** RFC 1939 6: a session ending without QUIT deletes nothing; the lock is released. */
    private void onClosed() {
        closed = true;
        idle.cancel();
        if (activeBody != null) {
            activeBody.abort();
        }
        lines.closed();
        lease.stop();
        if (state instanceof Pop3State.Transaction t) {
            lease.release(t);
        }
        reservations.releaseAll();
        input.clear();
        shared.metrics().closed();
        shared.drain().closed(this);
        LOG.debugf("%s: closed", id);
    }
}
