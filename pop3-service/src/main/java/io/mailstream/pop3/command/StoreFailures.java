package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.RespCode;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;

/** Maps store failures to POP3 replies (RFC 3206 response codes). */
public final class StoreFailures {
    private StoreFailures() {
    }

    public static boolean is(Throwable t, StoreErrorCode code) {
        return t instanceof StoreException e && e.code() == code;
    }

    /**
     * RFC 3206 4: SYS/TEMP for a failure that may go away (store down, slow, or misbehaving);
     * the text never carries the store's own message, which may name internals.
     */
    public static String reply(Throwable t) {
        if (t instanceof StoreException e && e.code() == StoreErrorCode.NONEXISTENT) {
            return Responses.err(RespCode.SYS_PERM, "maildrop not found");
        }
        return Responses.err(RespCode.SYS_TEMP, "mail store unavailable, try again later");
    }
}
