package io.mailstream.store.service.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps failures to JSON error bodies with a fitting HTTP status. */
public class ErrorMapper {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    public static int status(StoreErrorCode code) {
        return switch (code) {
            case NONEXISTENT -> 404;
            case ALREADYEXISTS -> 409;
            case OVERQUOTA -> 507;
            case TOOBIG -> 413;
            case LIMIT -> 429;
            case UNAVAILABLE -> 503;
            case CANNOT, UNKNOWNCTE -> 422;
            case AUTHENTICATIONFAILED -> 403;
            case INUSE -> 423;
            case BADREQUEST -> 400;
            case UNAUTHORIZED -> 401;
            case SERVERBUG -> 500;
        };
    }

    public static Response response(StoreErrorCode code, String message) {
        return Response.status(status(code)).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(code.name(), message)).build();
    }

    @ServerExceptionMapper
    public Response store(StoreException e) {
        if (e.code() == StoreErrorCode.SERVERBUG) {
            LOG.error("store bug", e);
        }
        return response(e.code(), e.getMessage());
    }

    @ServerExceptionMapper({MongoTimeoutException.class, MongoSocketException.class})
    public Response unavailable(MongoException e) {
        LOG.warnf("MongoDB unavailable: %s", e.getMessage());
        return response(StoreErrorCode.UNAVAILABLE, "database unavailable");
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return response(StoreErrorCode.BADREQUEST, "malformed JSON: " + e.getOriginalMessage());
    }

    /** Overrides Quarkus' built-in mapper so the body keeps the store's error shape. */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e) {
        return response(StoreErrorCode.BADREQUEST, "bad request body: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response typeId(InvalidTypeIdException e) {
        return response(StoreErrorCode.BADREQUEST, "bad request body: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        StoreErrorCode code = switch (status) {
            case 404 -> StoreErrorCode.NONEXISTENT;
            case 413 -> StoreErrorCode.TOOBIG;
            case 401 -> StoreErrorCode.UNAUTHORIZED;
            case 503 -> StoreErrorCode.UNAVAILABLE;
            default -> status >= 500 ? StoreErrorCode.SERVERBUG : StoreErrorCode.BADREQUEST;
        };
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(code.name(), e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response other(Exception e) {
        LOG.error("unexpected failure", e);
        return response(StoreErrorCode.SERVERBUG, "internal error: " + e.getClass().getSimpleName());
    }
}
