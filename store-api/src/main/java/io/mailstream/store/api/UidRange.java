package io.mailstream.store.api;

/** An inclusive range of UIDs, {@code first <= last}, both at least 1. */
public record UidRange(long first, long last) {
    public UidRange {
        if (first < 1 || last < first) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "bad uid range " + first + ":" + last);
        }
    }

    public boolean contains(long uid) {
        return uid >= first && uid <= last;
    }
}
