package io.mailstream.pop3.server;

import io.mailstream.pop3.proto.LineFramer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * A running command's wait for the client's next line (the AUTH exchange): while it waits,
 * received lines go to it instead of starting commands.
 */
final class LineReader {
    private final InputLines input;
    private UniEmitter<? super String> waiter;

    LineReader(InputLines input) {
        this.input = input;
    }

    boolean waiting() {
        return waiter != null;
    }

    /** The next line (null for one too long); fails when {@code closed} at subscription. */
    Uni<String> read(BooleanSupplier closed) {
        return Uni.createFrom().emitter(em -> {
            if (closed.getAsBoolean()) {
                em.fail(new IllegalStateException("connection closed"));
                return;
            }
            waiter = em;
            deliver();
        });
    }

    /** Hands the next queued line, if any, to the waiting command. */
    void deliver() {
        LineFramer.Frame frame = input.next();
        if (frame == null) {
            return;
        }
        UniEmitter<? super String> w = waiter;
        waiter = null;
        w.complete(frame instanceof LineFramer.Frame.Line l ? new String(l.bytes(), StandardCharsets.UTF_8)
                : null);
    }

    /** The connection closed: a waiting command fails. */
    void closed() {
        if (waiter != null) {
            UniEmitter<? super String> w = waiter;
            waiter = null;
            w.fail(new IllegalStateException("connection closed"));
        }
    }
}
