package io.mailstream.store.service.api;

import static io.mailstream.store.service.api.MailboxResource.body;

import io.mailstream.store.api.AppendResult;
import io.mailstream.store.api.Changes;
import io.mailstream.store.api.CopyResult;
import io.mailstream.store.api.ExpungeResult;
import io.mailstream.store.api.MessageMeta;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.StoreFlagsResult;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.service.ops.MongoMailStore;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** Store API: append and the id-addressed message operations of a selected mailbox. */
@Path("/store/v1")
public class MessageResource {
    @Inject
    MongoMailStore store;

    /** Body: the raw RFC 5322 message; {@code flag} repeated; {@code internalDate} ISO-8601 with its zone. */
    @POST
    @Path("/users/{userId}/append")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Uni<AppendResult> append(@RestPath String userId, @RestQuery String mailbox, @RestQuery List<String> flag,
            @RestQuery String internalDate, byte[] message) {
        java.time.OffsetDateTime date;
        try {
            date = internalDate == null || internalDate.isEmpty() ? null : AppendParts.internalDate(internalDate);
        } catch (DateTimeParseException e) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "bad internalDate: " + internalDate);
        }
        return store.appendAt(userId, mailbox, flag == null ? null : new LinkedHashSet<>(flag), date, message);
    }

    /**
     * RFC 3502 MULTIAPPEND, all or nothing. Body: the messages back to back; one {@code part}
     * per message, in order: {@code size,internalDate,flags} (ISO-8601 date or empty, flags
     * separated by spaces).
     */
    @POST
    @Path("/users/{userId}/append-all")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public Uni<List<AppendResult>> appendAll(@RestPath String userId, @RestQuery String mailbox,
            @RestQuery List<String> part, byte[] body) {
        return store.appendAll(userId, mailbox, AppendParts.split(part, body));
    }

    @GET
    @Path("/users/{userId}/mailboxes/{mailboxId}/messages")
    public Uni<List<MessageMeta>> fetchMeta(@RestPath String userId, @RestPath String mailboxId,
            @RestQuery String uids, @RestQuery boolean envelope, @RestQuery boolean bodyStructure) {
        return store.fetchMeta(userId, mailboxId, uids(uids), envelope, bodyStructure);
    }

    @POST
    @Path("/users/{userId}/mailboxes/{mailboxId}/flags")
    public Uni<StoreFlagsResult> storeFlags(@RestPath String userId, @RestPath String mailboxId,
            StoreRequests.StoreFlags req) {
        return store.storeFlags(userId, mailboxId, uids(body(req).uids()), req.operation(), req.flags(),
                req.unchangedSince());
    }

    @POST
    @Path("/users/{userId}/mailboxes/{mailboxId}/expunge")
    public Uni<ExpungeResult> expunge(@RestPath String userId, @RestPath String mailboxId, StoreRequests.Expunge req) {
        return store.expunge(userId, mailboxId, req == null || req.uids() == null ? null : UidSet.parse(req.uids()));
    }

    @POST
    @Path("/users/{userId}/mailboxes/{mailboxId}/copy")
    public Uni<CopyResult> copy(@RestPath String userId, @RestPath String mailboxId, StoreRequests.Copy req) {
        return store.copy(userId, mailboxId, uids(body(req).uids()), req.destination());
    }

    @POST
    @Path("/users/{userId}/mailboxes/{mailboxId}/move")
    public Uni<CopyResult> move(@RestPath String userId, @RestPath String mailboxId, StoreRequests.Copy req) {
        return store.move(userId, mailboxId, uids(body(req).uids()), req.destination());
    }

    @POST
    @Path("/users/{userId}/mailboxes/{mailboxId}/search")
    public Uni<List<Long>> search(@RestPath String userId, @RestPath String mailboxId, StoreRequests.Search req) {
        return store.search(userId, mailboxId, body(req).key());
    }

    @POST
    @Path("/users/{userId}/mailboxes/{mailboxId}/sort")
    public Uni<List<Long>> sort(@RestPath String userId, @RestPath String mailboxId, StoreRequests.Sort req) {
        return store.sort(userId, mailboxId, body(req).criteria(), req.key());
    }

    @POST
    @Path("/users/{userId}/mailboxes/{mailboxId}/thread")
    public Uni<io.mailstream.store.api.sort.ThreadForest> thread(@RestPath String userId, @RestPath String mailboxId,
            StoreRequests.Thread req) {
        return store.thread(userId, mailboxId, body(req).algorithm(), req.key());
    }

    @GET
    @Path("/users/{userId}/mailboxes/{mailboxId}/changes")
    public Uni<Changes> changes(@RestPath String userId, @RestPath String mailboxId, @RestQuery Long since) {
        if (since == null) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "missing since");
        }
        return store.changesSince(userId, mailboxId, since);
    }

    static UidSet uids(String text) {
        if (text == null) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "missing uid set");
        }
        return UidSet.parse(text);
    }
}
