package io.mailstream.pop3.server;

import io.mailstream.pop3.proto.DotStuffer;
import io.mailstream.pop3.proto.TopFilter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;

/**
 * Streams a message body from the store to the socket with backpressure: one chunk is
 * requested at a time, and the next only when the socket's write queue has room again
 * (writeQueueFull / drainHandler), so a large RETR to a slow client holds one chunk in memory.
 * Every signal is handled on the connection's event loop.
 */
final class BodyStreamer implements Flow.Subscriber<byte[]> {
    private final Context context;
    private final NetSocket socket;
    private final TopFilter top;
    private final Runnable progress;
    private final DotStuffer stuffer = new DotStuffer();
    private UniEmitter<? super Void> emitter;
    private Flow.Subscription subscription;
    private boolean finished;

    BodyStreamer(Context context, NetSocket socket, TopFilter top, Runnable progress) {
        this.context = context;
        this.socket = socket;
        this.top = top;
        this.progress = progress;
    }

    Uni<Void> run(Multi<byte[]> body) {
        return Uni.createFrom().emitter(em -> {
            emitter = em;
            body.subscribe().withSubscriber(this);
        });
    }

    /** The connection closed: stop reading from the store. */
    void abort() {
        if (subscription != null) {
            subscription.cancel();
        }
        fail(new CancellationException("connection closed"));
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        context.runOnContext(v -> {
            subscription = s;
            if (finished) {
                s.cancel();
            } else {
                s.request(1);
            }
        });
    }

    @Override
    public void onNext(byte[] chunk) {
        context.runOnContext(v -> write(chunk));
    }

    @Override
    public void onError(Throwable t) {
        context.runOnContext(v -> fail(t));
    }

    @Override
    public void onComplete() {
        context.runOnContext(v -> finish());
    }

    private void write(byte[] chunk) {
        if (finished) {
            return;
        }
        byte[] out = stuffer.stuff(top == null ? chunk : top.filter(chunk));
        if (out.length > 0) {
            socket.write(Buffer.buffer(out));
            progress.run();
        }
        if (top != null && top.done()) {
            subscription.cancel();
            finish();
        } else if (socket.writeQueueFull()) {
            socket.drainHandler(d -> {
                socket.drainHandler(null);
                if (!finished) {
                    subscription.request(1);
                }
            });
        } else {
            subscription.request(1);
        }
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        socket.write(Buffer.buffer(stuffer.terminator())).onComplete(ar -> {
            if (ar.succeeded()) {
                emitter.complete(null);
            } else {
                emitter.fail(ar.cause());
            }
        });
    }

    private void fail(Throwable t) {
        if (!finished) {
            finished = true;
            if (emitter != null) {
                emitter.fail(t);
            }
        }
    }
}
