package io.mailstream.store.service.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailstream.store.api.MailboxInfo;
import io.mailstream.store.api.MailboxStatus;
import io.mailstream.store.api.Quota;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.service.ops.MongoMailStore;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestPath;

/** Store API: authentication, quota and the name-addressed mailbox operations. */
@Path("/store/v1")
public class MailboxResource {
    @Inject
    MongoMailStore store;

    @Inject
    ObjectMapper json;

    @POST
    @Path("/auth")
    public Uni<UserRef> authenticate(StoreRequests.Auth req) {
        if (req == null) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "missing body");
        }
        return store.authenticate(req.username(), req.password());
    }

    @POST
    @Path("/users/lookup")
    public Uni<UserRef> findUser(StoreRequests.Lookup req) {
        if (req == null || req.username() == null) {
            return Uni.createFrom().failure(new StoreException(StoreErrorCode.BADREQUEST, "username required"));
        }
        return store.findUser(req.username());
    }

    @GET
    @Path("/users/{userId}/quota")
    public Uni<Quota> quota(@RestPath String userId) {
        return store.quota(userId);
    }

    @GET
    @Path("/users/{userId}/mailboxes")
    public Uni<List<MailboxInfo>> list(@RestPath String userId) {
        return store.listMailboxes(userId);
    }

    @POST
    @Path("/users/{userId}/mailboxes")
    public Uni<MailboxInfo> create(@RestPath String userId, StoreRequests.CreateMailbox req) {
        return store.createMailbox(userId, body(req).name(), req.specialUse());
    }

    @POST
    @Path("/users/{userId}/mailboxes/delete")
    public Uni<Void> delete(@RestPath String userId, StoreRequests.Name req) {
        return store.deleteMailbox(userId, body(req).name());
    }

    @POST
    @Path("/users/{userId}/mailboxes/rename")
    public Uni<Void> rename(@RestPath String userId, StoreRequests.Rename req) {
        return store.renameMailbox(userId, body(req).from(), req.to());
    }

    @GET
    @Path("/users/{userId}/subscriptions")
    public Uni<List<String>> subscriptions(@RestPath String userId) {
        return store.listSubscriptions(userId);
    }

    @POST
    @Path("/users/{userId}/mailboxes/subscription")
    public Uni<Void> subscribe(@RestPath String userId, StoreRequests.Subscription req) {
        return store.setSubscribed(userId, body(req).name(), req.subscribed());
    }

    @POST
    @Path("/users/{userId}/mailboxes/status")
    public Uni<MailboxStatus> status(@RestPath String userId, StoreRequests.Name req) {
        return store.status(userId, body(req).name());
    }

    /** SELECT/EXAMINE, streamed as {@link SnapshotLines} from a database cursor. */
    @POST
    @Path("/users/{userId}/mailboxes/select")
    @Produces(SnapshotLines.MEDIA_TYPE)
    public RestMulti<byte[]> select(@RestPath String userId, StoreRequests.Select req) {
        return RestMulti.fromUniResponse(store.selectStream(userId, body(req).name(), req.claimRecent()),
                s -> SnapshotLines.encode(s, json), s -> Map.of());
    }

    static <T> T body(T req) {
        if (req == null) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "missing body");
        }
        return req;
    }
}
