package io.mailstream.imap.store;

import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A session's way to the store: every call has a timeout (a store that does not answer becomes
 * {@code NO [UNAVAILABLE]}, never a hung session) and completes on the connection's context, so
 * session state is only touched by its own event loop.
 */
public final class StoreAccess {
    private final MailStore store;
    private final Context context;
    private final Duration timeout;

    public StoreAccess(MailStore store, Context context, Duration timeout) {
        this.store = store;
        this.context = context;
        this.timeout = timeout;
    }

    public <T> Uni<T> call(Function<MailStore, Uni<T>> operation) {
        // A Vert.x timer rather than Mutiny's ifNoItem(): a cancelled Vert.x timer is gone at
        // once, where a cancelled task of the shared scheduler stays queued until it would have
        // fired, holding its call for the whole timeout.
        return Uni.createFrom().emitter(em -> {
            AtomicBoolean settled = new AtomicBoolean();
            AtomicReference<Cancellable> upstream = new AtomicReference<>();
            long timer = context.owner().setTimer(timeout.toMillis(), id -> {
                if (settled.compareAndSet(false, true)) {
                    Cancellable c = upstream.get();
                    if (c != null) {
                        c.cancel();
                    }
                    context.runOnContext(v -> em.fail(
                            new StoreException(StoreErrorCode.UNAVAILABLE, "the mail store did not answer in time")));
                }
            });
            upstream.set(Uni.createFrom().deferred(() -> operation.apply(store)).subscribe().with(
                    item -> {
                        if (settled.compareAndSet(false, true)) {
                            context.owner().cancelTimer(timer);
                            context.runOnContext(v -> em.complete(item));
                        }
                    },
                    failure -> {
                        if (settled.compareAndSet(false, true)) {
                            context.owner().cancelTimer(timer);
                            context.runOnContext(v -> em.fail(failure));
                        }
                    }));
            em.onTermination(() -> {
                if (settled.compareAndSet(false, true)) {
                    context.owner().cancelTimer(timer);
                    upstream.get().cancel();
                }
            });
        });
    }

    /** Continues {@code uni} on the connection's context (for data streamed from the store). */
    public <T> Uni<T> onContext(Uni<T> uni) {
        return uni.emitOn(r -> context.runOnContext(v -> r.run()));
    }

    public MailStore store() {
        return store;
    }
}
