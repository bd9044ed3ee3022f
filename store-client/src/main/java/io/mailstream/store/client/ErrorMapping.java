package io.mailstream.store.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/** HTTP answers and transport failures back to {@link StoreException}s. */
final class ErrorMapping {
    private ErrorMapping() {
    }

    /** A non-2xx answer: the JSON {@code {"code","message"}} body, or a code guessed from the status. */
    static StoreException fromResponse(int status, Buffer body) {
        if (body != null && body.length() > 0) {
            try {
                JsonNode n = Json.MAPPER.readTree(body.getBytes());
                String code = n.path("code").asText(null);
                String message = n.path("message").asText("");
                if (code != null) {
                    try {
                        return new StoreException(StoreErrorCode.valueOf(code), message);
                    } catch (IllegalArgumentException unknown) {
                        return new StoreException(byStatus(status), code + ": " + message);
                    }
                }
            } catch (IOException | RuntimeException notJson) {
                // fall through to the status
            }
        }
        return new StoreException(byStatus(status), "store answered HTTP " + status);
    }

    static StoreErrorCode byStatus(int status) {
        return switch (status) {
            case 400 -> StoreErrorCode.BADREQUEST;
            case 401 -> StoreErrorCode.UNAUTHORIZED;
            case 403 -> StoreErrorCode.AUTHENTICATIONFAILED;
            case 404 -> StoreErrorCode.NONEXISTENT;
            case 409 -> StoreErrorCode.ALREADYEXISTS;
            case 413 -> StoreErrorCode.TOOBIG;
            case 422 -> StoreErrorCode.CANNOT;
            case 423 -> StoreErrorCode.INUSE;
            case 429 -> StoreErrorCode.LIMIT;
            case 502, 503, 504 -> StoreErrorCode.UNAVAILABLE;
            case 507 -> StoreErrorCode.OVERQUOTA;
            default -> StoreErrorCode.SERVERBUG;
        };
    }

    /** Connection refused, reset, timed out...: the store is unavailable. */
    static Throwable transport(Throwable t) {
        if (t instanceof StoreException) {
            return t;
        }
        return new StoreException(StoreErrorCode.UNAVAILABLE, "store unreachable: " + t.getMessage());
    }
}
