package io.mailstream.imap.server;

import io.mailstream.imap.proto.encode.EncodedResponse;
import io.mailstream.store.api.SectionBody;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Writes a connection's responses in order, with backpressure: when the socket's write queue is
 * full the connection stops reading (RFC 9051 5.3 flow control) and streamed literals stop
 * requesting chunks from the store until the queue drains. Used on the connection's context only.
 */
public final class Output {
    private final NetSocket socket;
    private final Context context;
    private final List<Runnable> drainWaiters = new ArrayList<>();
    private final List<io.smallrye.mutiny.subscription.UniEmitter<? super Void>> drainEmitters = new ArrayList<>();
    private Runnable onDrain = () -> { };
    private long bytesOut;
    private boolean closed;
    private Runnable cancelStream;

    private final java.util.function.LongConsumer sent;

    public Output(NetSocket socket, Context context, java.util.function.LongConsumer sent) {
        this.socket = socket;
        this.context = context;
        this.sent = sent;
        socket.drainHandler(v -> drained());
    }

    /** Called whenever the write queue drains (the connection resumes reading). */
    public void onDrain(Runnable r) {
        this.onDrain = r;
    }

    public boolean full() {
        return socket.writeQueueFull();
    }

    public long bytesOut() {
        return bytesOut;
    }

    public void write(byte[] bytes) {
        bytesOut += bytes.length;
        sent.accept(bytes.length);
        socket.write(Buffer.buffer(bytes));
    }

    /** Completes when the write queue has room (immediately if it has). */
    public Uni<Void> drain() {
        if (!socket.writeQueueFull()) {
            return Uni.createFrom().voidItem();
        }
        if (closed) {
            return Uni.createFrom().failure(new StreamBrokenException("connection closed", null));
        }
        return Uni.createFrom().emitter(em -> {
            drainEmitters.add(em);
            drainWaiters.add(() -> {
                drainEmitters.remove(em);
                em.complete(null);
            });
        });
    }

    /**
     * Writes a response whose literals may be streamed from the store ({@link SectionBody} as
     * the segment source), completing when every octet is queued. A stream that ends early or
     * fails leaves the literal short: the connection cannot recover framing and must close.
     */
    public Uni<Void> write(EncodedResponse response) {
        if (!response.isStreamed()) {
            write(response.toBytes());
            return drain();
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (EncodedResponse.Segment s : response.segments()) {
            if (s instanceof EncodedResponse.Segment.Bytes b) {
                chain = chain.invoke(() -> write(b.octets()));
            } else if (s instanceof EncodedResponse.Segment.Stream st) {
                chain = chain.chain(() -> stream(st));
            }
        }
        return chain.chain(this::drain);
    }

    private Uni<Void> stream(EncodedResponse.Segment.Stream st) {
        if (!(st.source() instanceof SectionBody body)) {
            return Uni.createFrom().failure(new IllegalStateException("unknown stream source " + st.source()));
        }
        return Uni.createFrom().emitter(em -> body.content()
                .emitOn(r -> context.runOnContext(v -> r.run()))
                .subscribe().withSubscriber(new MultiSubscriber<byte[]>() {
                    private Flow.Subscription sub;
                    private long written;

                    @Override
                    public void onSubscribe(Flow.Subscription s) {
                        sub = s;
                        // The connection may close mid-literal: stop reading from the store then.
                        cancelStream = () -> {
                            s.cancel();
                            em.fail(new StreamBrokenException("connection closed during a literal", null));
                        };
                        if (closed) {
                            cancelStream.run();
                            return;
                        }
                        s.request(1);
                    }

                    @Override
                    public void onItem(byte[] chunk) {
                        if (closed) {
                            return;
                        }
                        int n = (int) Math.min(chunk.length, st.size() - written);
                        if (n > 0) {
                            write(n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n));
                            written += n;
                        }
                        if (socket.writeQueueFull()) {
                            drainWaiters.add(() -> sub.request(1));
                        } else {
                            sub.request(1);
                        }
                    }

                    @Override
                    public void onFailure(Throwable t) {
                        cancelStream = null;
                        em.fail(new StreamBrokenException("section stream failed after " + written + " octets", t));
                    }

                    @Override
                    public void onCompletion() {
                        cancelStream = null;
                        if (written != st.size()) {
                            em.fail(new StreamBrokenException(
                                    "section stream gave " + written + " of " + st.size() + " octets", null));
                        } else {
                            em.complete(null);
                        }
                    }
                }));
    }

    /** The connection closed: a literal being streamed is abandoned, waiters are released. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Runnable c = cancelStream;
        cancelStream = null;
        if (c != null) {
            c.run();
        }
        drainWaiters.clear();
        List<io.smallrye.mutiny.subscription.UniEmitter<? super Void>> waiting = new ArrayList<>(drainEmitters);
        drainEmitters.clear();
        waiting.forEach(em -> em.fail(new StreamBrokenException("connection closed", null)));
    }

    private void drained() {
        List<Runnable> waiters = new ArrayList<>(drainWaiters);
        drainWaiters.clear();
        waiters.forEach(Runnable::run);
        onDrain.run();
    }

    /** A streamed literal could not be completed; the connection has to be closed. */
    public static final class StreamBrokenException extends RuntimeException {
        public StreamBrokenException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
