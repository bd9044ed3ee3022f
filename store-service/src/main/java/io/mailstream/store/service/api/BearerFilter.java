package io.mailstream.store.service.api;

import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.service.config.AdminSettings;
import io.mailstream.store.service.config.StoreSettings;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * DESIGN.md invariant 8: the store API is not public. Every {@code /store/v1} route needs
 * {@code Authorization: Bearer <mailstream.store.secret>}, every {@code /admin/v1} route the
 * admin token; compared in constant time. An unset secret refuses everything.
 */
public class BearerFilter {
    private final byte[] storeSecret;
    private final byte[] adminToken;

    @Inject
    public BearerFilter(StoreSettings store, AdminSettings admin) {
        this.storeSecret = bytes(store.secret());
        this.adminToken = bytes(admin.token());
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getPath();
        byte[] expected;
        if (path.startsWith("/store/")) {
            expected = storeSecret;
        } else if (path.startsWith("/admin/")) {
            expected = adminToken;
        } else {
            return Optional.empty();
        }
        String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (expected != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8), expected)) {
            return Optional.empty();
        }
        return Optional.of(Response.fromResponse(ErrorMapper.response(StoreErrorCode.UNAUTHORIZED,
                "missing or wrong bearer token")).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
    }

    private static byte[] bytes(Optional<String> s) {
        return s.filter(v -> !v.isBlank()).map(v -> v.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }
}
