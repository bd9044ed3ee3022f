package io.mailstream.store.service.api;

import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.service.domain.UserRecord;
import io.mailstream.store.service.ops.UserAdmin;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

/** Admin REST API: user accounts. Bearer {@code mailstream.admin.token}. */
@Path("/admin/v1/users")
@Tag(name = "users", description = "Mail accounts")
@SecurityScheme(securitySchemeName = "admin", type = SecuritySchemeType.HTTP, scheme = "bearer")
@SecurityRequirement(name = "admin")
public class AdminUsersResource {
    @Inject
    UserAdmin admin;

    /** @param quotaBytes storage limit in octets, -1 unlimited; null: the configured default */
    public record CreateUser(String username, String password, Long quotaBytes, Long quotaMessages) {
    }

    public record Password(String password) {
    }

    public record QuotaUpdate(Long quotaBytes, Long quotaMessages) {
    }

    /** A user as the admin API shows it (never the password hash). */
    public record UserView(String id, String username, long quotaBytes, long quotaMessages, long usedBytes,
            long usedMessages, Instant createdAt) {
        static UserView of(UserRecord u) {
            return new UserView(u.id(), u.username(), u.quotaBytes(), u.quotaMessages(), u.usedBytes(),
                    u.usedMessages(), u.createdAt());
        }
    }

    @POST
    @Operation(summary = "Create a user with INBOX, Drafts, Sent, Trash, Junk and Archive (409 if it exists)")
    public Uni<Response> create(CreateUser req) {
        if (req == null) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "missing body");
        }
        return admin.create(req.username(), req.password(), req.quotaBytes(), req.quotaMessages())
                .map(u -> Response.status(201).entity(UserView.of(u)).build());
    }

    @GET
    @Operation(summary = "List users")
    public Uni<List<UserView>> list() {
        return admin.list().map(all -> all.stream().map(UserView::of).toList());
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "Get one user")
    public Uni<UserView> get(@RestPath String username) {
        return admin.get(username).map(UserView::of);
    }

    @DELETE
    @Path("/{username}")
    @Operation(summary = "Delete a user, its mailboxes and messages")
    public Uni<Void> delete(@RestPath String username) {
        return admin.delete(username);
    }

    @PUT
    @Path("/{username}/password")
    @Operation(summary = "Set the password")
    public Uni<Void> password(@RestPath String username, Password req) {
        if (req == null) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "missing body");
        }
        return admin.setPassword(username, req.password());
    }

    @PUT
    @Path("/{username}/quota")
    @Operation(summary = "Set storage (octets) and message-count quota; -1 = unlimited, null = unchanged")
    public Uni<UserView> quota(@RestPath String username, QuotaUpdate req) {
        if (req == null) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "missing body");
        }
        return admin.setQuota(username, req.quotaBytes(), req.quotaMessages()).map(UserView::of);
    }
}
