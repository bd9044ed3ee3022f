package io.mailstream.store.service.api;

import static io.mailstream.store.service.api.MailboxResource.body;

import io.mailstream.store.api.Maildrop;
import io.mailstream.store.service.ops.MongoMailStore;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Duration;
import org.jboss.resteasy.reactive.RestPath;

/** Store API: the POP3 maildrop lease. */
@Path("/store/v1")
public class MaildropResource {
    @Inject
    MongoMailStore store;

    @POST
    @Path("/users/{userId}/maildrop/open")
    public Uni<Maildrop> open(@RestPath String userId, StoreRequests.Maildrop req) {
        return store.openMaildrop(userId, body(req).owner(), Duration.ofMillis(req.ttlMillis()));
    }

    @POST
    @Path("/users/{userId}/maildrop/renew")
    public Uni<Void> renew(@RestPath String userId, StoreRequests.Maildrop req) {
        return store.renewMaildrop(userId, body(req).owner(), Duration.ofMillis(req.ttlMillis()));
    }

    @POST
    @Path("/users/{userId}/maildrop/close")
    public Uni<Void> close(@RestPath String userId, StoreRequests.Maildrop req) {
        return store.closeMaildrop(userId, body(req).owner());
    }
}
