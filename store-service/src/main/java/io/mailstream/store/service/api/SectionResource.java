package io.mailstream.store.service.api;

import io.mailstream.store.api.SectionBody;
import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.SectionSpec;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.service.ops.MongoMailStore;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Store API: one body section, streamed from the blob chunks. The size is in the
 * {@value #SIZE_HEADER} header, before the first byte, so a front-end can write an IMAP literal
 * header {@code {size}} first.
 */
@Path("/store/v1")
public class SectionResource {
    public static final String SIZE_HEADER = "X-Section-Size";

    @Inject
    MongoMailStore store;

    /**
     * @param part   dotted part number ({@code 1.2}), empty for the whole message
     * @param text   FULL (default), HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT, TEXT or MIME
     * @param field  header field names for HEADER_FIELDS(_NOT), repeated
     */
    @GET
    @Path("/users/{userId}/mailboxes/{mailboxId}/messages/{uid}/section")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public RestMulti<byte[]> section(@RestPath String userId, @RestPath String mailboxId, @RestPath long uid,
            @RestQuery String part, @RestQuery String text, @RestQuery List<String> field,
            @RestQuery boolean binary, @RestQuery Long offset, @RestQuery Long length) {
        SectionRequest req = new SectionRequest(uid, new SectionSpec(path(part), text(text),
                field == null ? List.of() : List.copyOf(field)), binary, offset == null ? 0 : offset,
                length == null ? -1 : length);
        Uni<SectionBody> body = store.fetchSection(userId, mailboxId, req);
        return RestMulti.fromUniResponse(body, SectionBody::content,
                b -> Map.of(SIZE_HEADER, List.of(Long.toString(b.size()))));
    }

    static List<Integer> path(String part) {
        List<Integer> out = new ArrayList<>();
        if (part == null || part.isEmpty()) {
            return out;
        }
        for (String p : part.split("\\.", -1)) {
            try {
                int n = Integer.parseInt(p);
                if (n < 1) {
                    throw new NumberFormatException();
                }
                out.add(n);
            } catch (NumberFormatException e) {
                throw new StoreException(StoreErrorCode.BADREQUEST, "bad part number: " + part);
            }
        }
        return out;
    }

    static SectionSpec.Text text(String text) {
        if (text == null || text.isEmpty()) {
            return SectionSpec.Text.FULL;
        }
        try {
            return SectionSpec.Text.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new StoreException(StoreErrorCode.BADREQUEST, "bad section text: " + text);
        }
    }
}
