package io.mailstream.lmtp.delivery;

import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Predicate;

/** Store call helpers: a timeout that reads as UNAVAILABLE, and matching on error codes. */
public final class StoreCalls {
    private StoreCalls() {
    }

    public static <T> Uni<T> guard(Uni<T> call, Duration timeout) {
        return call.ifNoItem().after(timeout)
                .failWith(() -> new StoreException(StoreErrorCode.UNAVAILABLE, "store call timed out"));
    }

    public static Predicate<Throwable> is(StoreErrorCode code) {
        return t -> t instanceof StoreException e && e.code() == code;
    }

    public static StoreErrorCode code(Throwable t) {
        return t instanceof StoreException e ? e.code() : StoreErrorCode.SERVERBUG;
    }
}
