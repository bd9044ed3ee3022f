package io.mailstream.store.client;

import static io.mailstream.store.client.QueryString.segment;

import com.fasterxml.jackson.core.type.TypeReference;
import io.mailstream.store.api.AppendItem;
import io.mailstream.store.api.AppendResult;
import io.mailstream.store.api.Changes;
import io.mailstream.store.api.CopyResult;
import io.mailstream.store.api.ExpungeResult;
import io.mailstream.store.api.FlagOperation;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.MailboxInfo;
import io.mailstream.store.api.MailboxSnapshot;
import io.mailstream.store.api.MailboxStatus;
import io.mailstream.store.api.Maildrop;
import io.mailstream.store.api.MessageMeta;
import io.mailstream.store.api.Quota;
import io.mailstream.store.api.SectionBody;
import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.StoreFlagsResult;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.api.search.SearchKey;
import io.mailstream.store.api.sort.SortCriterion;
import io.mailstream.store.api.sort.ThreadAlgorithm;
import io.mailstream.store.api.sort.ThreadForest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@link MailStore} over the store-service HTTP API ({@code /store/v1}), for the front-ends.
 * Failures arrive as {@code StoreException}s with the store's code; a store that cannot be
 * reached gives UNAVAILABLE. Thread-safe; share one instance per service.
 *
 * <pre>{@code
 * MailStore store = new StoreClient(vertx, "http://127.0.0.1:8080", secret);
 * }</pre>
 */
public final class StoreClient implements MailStore, AutoCloseable {
    private static final TypeReference<List<MailboxInfo>> MAILBOXES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };
    private static final TypeReference<List<MessageMeta>> METAS = new TypeReference<>() {
    };
    private static final TypeReference<List<AppendResult>> APPEND_RESULTS = new TypeReference<>() {
    };
    private static final TypeReference<List<Long>> UIDS = new TypeReference<>() {
    };
    private static final Function<Buffer, Void> NONE = b -> null;

    private final HttpCalls http;

    public StoreClient(Vertx vertx, String baseUrl, String secret) {
        this(vertx, StoreClientOptions.of(baseUrl, secret));
    }

    public StoreClient(Vertx vertx, StoreClientOptions options) {
        this.http = new HttpCalls(vertx, options);
    }

    private static String user(String userId) {
        return "/store/v1/users/" + segment(userId);
    }

    private static String mailbox(String userId, String mailboxId) {
        return user(userId) + "/mailboxes/" + segment(mailboxId);
    }

    private static <T> Function<Buffer, T> as(Class<T> type) {
        return b -> Json.decode(b, type);
    }

    private static <T> Function<Buffer, T> as(TypeReference<T> type) {
        return b -> Json.decode(b, type);
    }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Override
    public Uni<UserRef> authenticate(String username, String password) {
        return http.json(HttpMethod.POST, "/store/v1/auth", null, body("username", username, "password", password),
                as(UserRef.class));
    }

    @Override
    public Uni<UserRef> findUser(String username) {
        return http.json(HttpMethod.POST, "/store/v1/users/lookup", null, body("username", username),
                as(UserRef.class));
    }

    @Override
    public Uni<Quota> quota(String userId) {
        return http.json(HttpMethod.GET, user(userId) + "/quota", null, null, as(Quota.class));
    }

    @Override
    public Uni<List<MailboxInfo>> listMailboxes(String userId) {
        return http.json(HttpMethod.GET, user(userId) + "/mailboxes", null, null, as(MAILBOXES));
    }

    @Override
    public Uni<List<String>> listSubscriptions(String userId) {
        return http.json(HttpMethod.GET, user(userId) + "/subscriptions", null, null, as(NAMES));
    }

    @Override
    public Uni<MailboxInfo> createMailbox(String userId, String name, Set<String> specialUse) {
        return http.json(HttpMethod.POST, user(userId) + "/mailboxes", null,
                body("name", name, "specialUse", specialUse == null ? Set.of() : specialUse), as(MailboxInfo.class));
    }

    @Override
    public Uni<Void> deleteMailbox(String userId, String name) {
        return http.json(HttpMethod.POST, user(userId) + "/mailboxes/delete", null, body("name", name), NONE);
    }

    @Override
    public Uni<Void> renameMailbox(String userId, String from, String to) {
        return http.json(HttpMethod.POST, user(userId) + "/mailboxes/rename", null, body("from", from, "to", to),
                NONE);
    }

    @Override
    public Uni<Void> setSubscribed(String userId, String name, boolean subscribed) {
        return http.json(HttpMethod.POST, user(userId) + "/mailboxes/subscription", null,
                body("name", name, "subscribed", subscribed), NONE);
    }

    @Override
    public Uni<MailboxStatus> status(String userId, String name) {
        return http.json(HttpMethod.POST, user(userId) + "/mailboxes/status", null, body("name", name),
                as(MailboxStatus.class));
    }

    @Override
    public Uni<MailboxSnapshot> select(String userId, String name, boolean claimRecent) {
        return http.lines(HttpMethod.POST, user(userId) + "/mailboxes/select",
                body("name", name, "claimRecent", claimRecent), SnapshotReader::new);
    }

    @Override
    public Uni<AppendResult> append(String userId, String mailboxName, Set<String> flags, Instant internalDate,
            byte[] message) {
        Map<String, Object> q = new HashMap<>();
        q.put("mailbox", mailboxName);
        q.put("flag", flags == null ? List.of() : List.copyOf(flags));
        q.put("internalDate", internalDate == null ? null : internalDate.toString());
        return http.octets(user(userId) + "/append", q, message == null ? new byte[0] : message,
                as(AppendResult.class));
    }

    /** As append, the internal date sent with its zone (ISO-8601 offset date-time, RFC 9051 2.3.3). */
    @Override
    public Uni<AppendResult> appendAt(String userId, String mailboxName, Set<String> flags,
            java.time.OffsetDateTime internalDate, byte[] message) {
        Map<String, Object> q = new HashMap<>();
        q.put("mailbox", mailboxName);
        q.put("flag", flags == null ? List.of() : List.copyOf(flags));
        q.put("internalDate", internalDate == null ? null
                : java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(internalDate));
        return http.octets(user(userId) + "/append", q, message == null ? new byte[0] : message,
                as(AppendResult.class));
    }

    /**
     * RFC 3502 MULTIAPPEND: the messages' octets back to back as the body, one {@code part}
     * query parameter per message ({@code size,internalDate,flag flag...}; empty date = now).
     */
    @Override
    public Uni<List<AppendResult>> appendAll(String userId, String mailboxName, List<AppendItem> messages) {
        List<String> parts = new ArrayList<>();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (AppendItem m : messages) {
            if (m.flags().stream().anyMatch(f -> f.indexOf(' ') >= 0 || f.isEmpty())) {
                // flags travel space-separated; a flag with a space is invalid anyway (RFC 9051 9 atom)
                return Uni.createFrom().failure(new io.mailstream.store.api.StoreException(
                        io.mailstream.store.api.StoreErrorCode.BADREQUEST, "bad flag"));
            }
            parts.add(m.message().length + "," + (m.internalDate() == null ? "" : m.internalDateOffset() == null
                    ? m.internalDate().toString() : java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
                            .format(m.internalDate().atOffset(m.internalDateOffset()))) + ","
                    + String.join(" ", m.flags()));
            body.writeBytes(m.message());
        }
        Map<String, Object> q = new HashMap<>();
        q.put("mailbox", mailboxName);
        q.put("part", parts);
        return http.octets(user(userId) + "/append-all", q, body.toByteArray(), as(APPEND_RESULTS));
    }

    @Override
    public Uni<List<MessageMeta>> fetchMeta(String userId, String mailboxId, UidSet uids, boolean withEnvelope,
            boolean withBodyStructure) {
        Map<String, Object> q = body("uids", uids == null ? null : uids.toString(), "envelope", withEnvelope,
                "bodyStructure", withBodyStructure);
        return http.json(HttpMethod.GET, mailbox(userId, mailboxId) + "/messages", q, null, as(METAS));
    }

    @Override
    public Uni<SectionBody> fetchSection(String userId, String mailboxId, SectionRequest request) {
        var spec = request.section();
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("part", spec.part().stream().map(String::valueOf).collect(Collectors.joining(".")));
        q.put("text", spec.text().name());
        q.put("field", spec.fields());
        q.put("binary", request.binary());
        q.put("offset", request.offset());
        q.put("length", request.length());
        return http.stream(mailbox(userId, mailboxId) + "/messages/" + request.uid() + "/section", q);
    }

    @Override
    public Uni<StoreFlagsResult> storeFlags(String userId, String mailboxId, UidSet uids, FlagOperation operation,
            Set<String> flags, Long unchangedSince) {
        return http.json(HttpMethod.POST, mailbox(userId, mailboxId) + "/flags", null,
                body("uids", uids == null ? null : uids.toString(), "operation", operation, "flags", flags,
                        "unchangedSince", unchangedSince), as(StoreFlagsResult.class));
    }

    @Override
    public Uni<ExpungeResult> expunge(String userId, String mailboxId, UidSet uids) {
        return http.json(HttpMethod.POST, mailbox(userId, mailboxId) + "/expunge", null,
                body("uids", uids == null ? null : uids.toString()), as(ExpungeResult.class));
    }

    @Override
    public Uni<CopyResult> copy(String userId, String mailboxId, UidSet uids, String destinationName) {
        return http.json(HttpMethod.POST, mailbox(userId, mailboxId) + "/copy", null,
                body("uids", uids == null ? null : uids.toString(), "destination", destinationName),
                as(CopyResult.class));
    }

    @Override
    public Uni<CopyResult> move(String userId, String mailboxId, UidSet uids, String destinationName) {
        return http.json(HttpMethod.POST, mailbox(userId, mailboxId) + "/move", null,
                body("uids", uids == null ? null : uids.toString(), "destination", destinationName),
                as(CopyResult.class));
    }

    @Override
    public Uni<List<Long>> search(String userId, String mailboxId, SearchKey key) {
        return http.json(HttpMethod.POST, mailbox(userId, mailboxId) + "/search", null, new SearchBody(key), as(UIDS));
    }

    /** Typed wrapper so Jackson writes the key's polymorphic type id. */
    private record SearchBody(SearchKey key) {
    }

    @Override
    public Uni<List<Long>> sort(String userId, String mailboxId, List<SortCriterion> criteria, SearchKey key) {
        return http.json(HttpMethod.POST, mailbox(userId, mailboxId) + "/sort", null, new SortBody(criteria, key),
                as(UIDS));
    }

    private record SortBody(List<SortCriterion> criteria, SearchKey key) {
    }

    @Override
    public Uni<ThreadForest> thread(String userId, String mailboxId, ThreadAlgorithm algorithm, SearchKey key) {
        return http.json(HttpMethod.POST, mailbox(userId, mailboxId) + "/thread", null,
                new ThreadBody(algorithm, key), as(ThreadForest.class));
    }

    private record ThreadBody(ThreadAlgorithm algorithm, SearchKey key) {
    }

    @Override
    public Uni<Changes> changesSince(String userId, String mailboxId, long sinceModSeq) {
        return http.json(HttpMethod.GET, mailbox(userId, mailboxId) + "/changes", body("since", sinceModSeq), null,
                as(Changes.class));
    }

    @Override
    public Uni<Maildrop> openMaildrop(String userId, String owner, Duration ttl) {
        return http.json(HttpMethod.POST, user(userId) + "/maildrop/open", null,
                body("owner", owner, "ttlMillis", ttl.toMillis()), as(Maildrop.class));
    }

    @Override
    public Uni<Void> renewMaildrop(String userId, String owner, Duration ttl) {
        return http.json(HttpMethod.POST, user(userId) + "/maildrop/renew", null,
                body("owner", owner, "ttlMillis", ttl.toMillis()), NONE);
    }

    @Override
    public Uni<Void> closeMaildrop(String userId, String owner) {
        return http.json(HttpMethod.POST, user(userId) + "/maildrop/close", null, body("owner", owner), NONE);
    }

    /** Closes the connection pool. */
    @Override
    public void close() {
        http.close();
    }
}
