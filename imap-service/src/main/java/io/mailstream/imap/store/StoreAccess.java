package io.mailstream.imap.store;

import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import java.time.Duration;
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
        return Uni.createFrom().deferred(() -> operation.apply(store))
                .ifNoItem().after(timeout)
                .failWith(() -> new StoreException(StoreErrorCode.UNAVAILABLE, "the mail store did not answer in time"))
                .emitOn(r -> context.runOnContext(v -> r.run()));
    }

    /** Continues {@code uni} on the connection's context (for data streamed from the store). */
    public <T> Uni<T> onContext(Uni<T> uni) {
        return uni.emitOn(r -> context.runOnContext(v -> r.run()));
    }

    public MailStore store() {
        return store;
    }
}
