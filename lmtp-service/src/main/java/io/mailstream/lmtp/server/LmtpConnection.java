package io.mailstream.lmtp.server;

import io.mailstream.lmtp.LmtpSettings;
import io.mailstream.lmtp.proto.InputFramer;
import io.mailstream.lmtp.proto.Replies;
import io.mailstream.lmtp.proto.Reply;
import io.mailstream.lmtp.session.LmtpSession;
import io.mailstream.lmtp.session.Services;
import io.mailstream.lmtp.session.Transport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * One client connection: feeds the socket's bytes to the {@link InputFramer}, hands events to
 * the {@link LmtpSession} one at a time, and applies backpressure: reading pauses while a command
 * waits for the store with more than {@link #HIGH_WATER} octets of pipelined input already
 * buffered, and while the client does not read its replies (write queue full).
 */
final class LmtpConnection implements Transport {
    private static final Logger LOG = Logger.getLogger(LmtpConnection.class);
    static final int HIGH_WATER = 64 * 1024;

    private final Vertx vertx;
    private final NetSocket socket;
    private final Context context;
    private final Executor executor;
    private final LmtpSettings settings;
    private final InputFramer framer;
    private final LmtpSession session;
    private final Runnable onClosed;
    private boolean busy;
    private boolean paused;
    private boolean closing;
    private boolean closed;
    private boolean secure;
    private long lastActivity = System.nanoTime();
    private long idleTimer = -1;

    LmtpConnection(Vertx vertx, NetSocket socket, Services services, String id, Runnable onClosed) {
        this.vertx = vertx;
        this.socket = socket;
        this.context = vertx.getOrCreateContext();
        this.executor = task -> context.runOnContext(v -> task.run());
        this.settings = services.settings();
        this.framer = new InputFramer(settings.maxLineLength());
        this.session = new LmtpSession(this, services, id);
        this.onClosed = onClosed;
    }

    void start() {
        socket.handler(this::onData);
        socket.closeHandler(v -> onClose());
        socket.exceptionHandler(t -> {
            LOG.debugf("connection from %s failed: %s", remoteAddress(), t.toString());
            socket.close();
        });
        reply(Replies.greeting(settings.hostname()));
        armIdleTimer(settings.idleTimeout().toMillis());
    }

    private void onData(Buffer data) {
        if (closing) {
            return;
        }
        lastActivity = System.nanoTime();
        framer.feed(data.getBytes());
        pump();
    }

    /** Takes framed events while no command is in flight; the only place input is consumed. */
    private void pump() {
        while (!busy && !closing) {
            InputFramer.Event event = framer.next();
            if (event == null) {
                break;
            }
            try {
                dispatch(event);
            } catch (RuntimeException e) {
                // A bug, not bad input: say so and drop the connection rather than guess the state.
                LOG.errorf(e, "internal error on connection from %s", remoteAddress());
                reply(Replies.internalError(settings.hostname()));
                close();
            }
        }
        flowControl();
    }

    private void dispatch(InputFramer.Event event) {
        if (event instanceof InputFramer.Line l) {
            await(session.onLine(l.bytes()));
        } else if (event instanceof InputFramer.Content c) {
            session.onContent(c.bytes());
        } else if (event instanceof InputFramer.ContentEnd) {
            await(session.onContentEnd());
        } else if (event instanceof InputFramer.LineTooLong) {
            session.onLineTooLong();
        }
    }

    private void await(Uni<Void> step) {
        if (step == LmtpSession.DONE) {
            return;
        }
        busy = true;
        step.subscribe().with(ok -> executor.execute(this::resume), failure -> {
            LOG.warnf(failure, "command failed on connection from %s", remoteAddress());
            executor.execute(() -> {
                reply(Replies.temporaryFailure(null));
                resume();
            });
        });
    }

    private void resume() {
        busy = false;
        pump();
    }

    private void flowControl() {
        boolean shouldPause = !closing && ((busy && framer.buffered() > HIGH_WATER) || socket.writeQueueFull());
        if (shouldPause && !paused) {
            paused = true;
            socket.pause();
            if (socket.writeQueueFull()) {
                socket.drainHandler(v -> pump());
            }
        } else if (!shouldPause && paused) {
            paused = false;
            socket.resume();
        }
    }

    private void armIdleTimer(long delayMs) {
        idleTimer = vertx.setTimer(Math.max(1, delayMs), id -> {
            if (closing) {
                return;
            }
            long idleMs = (System.nanoTime() - lastActivity) / 1_000_000;
            long limit = settings.idleTimeout().toMillis();
            if (busy || idleMs < limit) {
                armIdleTimer(busy ? limit : limit - idleMs);
                return;
            }
            // RFC 5321 4.5.3.2.7: the server may close an idle connection after its timeout.
            reply(Replies.idleTimeout(settings.hostname()));
            close();
        });
    }

    private void onClose() {
        closing = true;
        closed = true;
        vertx.cancelTimer(idleTimer);
        onClosed.run();
    }

    // --- Transport -------------------------------------------------------------------------

    @Override
    public void reply(Reply reply) {
        if (!closed) {
            socket.write(Buffer.buffer(reply.encode()));
        }
    }

    @Override
    public void expectData() {
        framer.expectData();
    }

    @Override
    public void expectChunk(long size) {
        framer.expectChunk(size);
    }

    @Override
    public void startTls() {
        // RFC 3207 4.2 (and the plaintext command injection it guards against): nothing the
        // client sent before the handshake is used.
        framer.discardBuffered();
        busy = true;
        socket.upgradeToSsl().onComplete(ar -> {
            if (ar.failed()) {
                LOG.debugf("TLS handshake with %s failed: %s", remoteAddress(), ar.cause().toString());
                socket.close();
                return;
            }
            secure = true;
            resume();
        });
    }

    @Override
    public void close() {
        if (!closing) {
            closing = true;
            socket.end();
        }
    }

    @Override
    public boolean closed() {
        return closed;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public String remoteAddress() {
        return socket.remoteAddress() == null ? "unknown" : socket.remoteAddress().hostAddress();
    }

    @Override
    public Executor context() {
        return executor;
    }
}
