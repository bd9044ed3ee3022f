package io.mailstream.store.api;

/** A store API failure carrying a machine-readable {@link StoreErrorCode}. */
public class StoreException extends RuntimeException {
    private final StoreErrorCode code;

    public StoreException(StoreErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public StoreErrorCode code() {
        return code;
    }

    public static StoreException of(StoreErrorCode code, String message) {
        return new StoreException(code, message);
    }
}
