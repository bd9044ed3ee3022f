package io.mailstream.store.client;

import io.mailstream.store.api.SectionBody;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.parsetools.RecordParser;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The HTTP transport of {@link StoreClient}: one pooled HTTP/1.1 client (keep-alive, no
 * pipelining), the bearer secret on every request, errors mapped to StoreExceptions. Every Uni is
 * lazy: the request goes out when it is subscribed.
 */
final class HttpCalls {
    static final String SIZE_HEADER = "X-Section-Size";

    private final StoreClientOptions options;
    private final HttpClient http;
    private final WebClient web;
    private final String authorization;

    HttpCalls(Vertx vertx, StoreClientOptions options) {
        this.options = options;
        HttpClientOptions o = new HttpClientOptions()
                .setKeepAlive(true)
                .setPipelining(false)
                .setMaxPoolSize(options.poolSize())
                .setConnectTimeout((int) options.connectTimeout().toMillis())
                .setTryUseCompression(false);
        this.http = vertx.createHttpClient(o);
        this.web = WebClient.wrap(http);
        this.authorization = "Bearer " + options.secret();
    }

    /** A JSON (or empty) request with a JSON (or empty) answer decoded by {@code decode}. */
    <T> Uni<T> json(HttpMethod method, String path, Map<String, ?> query, Object body, Function<Buffer, T> decode) {
        return Uni.createFrom().deferred(() -> {
            HttpRequest<Buffer> req = request(method, path, query);
            if (body == null) {
                return send(req, null, decode);
            }
            req.putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json");
            return send(req, Json.encode(body), decode);
        });
    }

    /** A request whose body is raw octets (APPEND). */
    <T> Uni<T> octets(String path, Map<String, ?> query, byte[] body, Function<Buffer, T> decode) {
        return Uni.createFrom().deferred(() -> {
            HttpRequest<Buffer> req = request(HttpMethod.POST, path, query);
            req.putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/octet-stream");
            return send(req, Buffer.buffer(body), decode);
        });
    }

    private HttpRequest<Buffer> request(HttpMethod method, String path, Map<String, ?> query) {
        HttpRequest<Buffer> req = web.requestAbs(method, options.baseUrl() + path)
                .putHeader(HttpHeaders.AUTHORIZATION.toString(), authorization)
                .putHeader(HttpHeaders.ACCEPT.toString(), "application/json")
                .idleTimeout(options.requestTimeout().toMillis());
        if (query != null) {
            query.forEach((k, v) -> {
                if (v instanceof Iterable<?> many) {
                    many.forEach(item -> req.addQueryParam(k, String.valueOf(item)));
                } else if (v != null) {
                    req.addQueryParam(k, String.valueOf(v));
                }
            });
        }
        return req;
    }

    private static <T> Uni<T> send(HttpRequest<Buffer> req, Buffer body, Function<Buffer, T> decode) {
        return Uni.createFrom().<HttpResponse<Buffer>>emitter(em -> {
            var future = body == null ? req.send() : req.sendBuffer(body);
            future.onComplete(ar -> {
                if (ar.succeeded()) {
                    em.complete(ar.result());
                } else {
                    em.fail(ErrorMapping.transport(ar.cause()));
                }
            });
        }).map(resp -> {
            if (resp.statusCode() / 100 != 2) {
                throw ErrorMapping.fromResponse(resp.statusCode(), resp.body());
            }
            Buffer b = resp.body();
            return decode.apply(b == null ? Buffer.buffer() : b);
        });
    }

    /**
     * A streamed section: the Uni completes with the headers (size first), the Multi then reads
     * the body with backpressure. Cancel the Multi (or consume it) to free the connection.
     */
    Uni<SectionBody> stream(String path, Map<String, ?> query) {
        return Uni.createFrom().<HttpClientResponse>emitter(em -> {
            RequestOptions ro = new RequestOptions().setMethod(HttpMethod.GET)
                    .setAbsoluteURI(options.baseUrl() + path + QueryString.of(query))
                    .setIdleTimeout(options.requestTimeout().toMillis())
                    .putHeader(HttpHeaders.AUTHORIZATION, authorization);
            http.request(ro).compose(r -> r.send()).onComplete(ar -> {
                if (ar.failed()) {
                    em.fail(ErrorMapping.transport(ar.cause()));
                    return;
                }
                HttpClientResponse resp = ar.result();
                if (resp.statusCode() != 200) {
                    resp.body().onComplete(b -> em.fail(ErrorMapping.fromResponse(resp.statusCode(),
                            b.succeeded() ? b.result() : null)));
                    return;
                }
                resp.pause();
                em.complete(resp);
            });
        }).map(resp -> {
            String size = resp.getHeader(SIZE_HEADER);
            if (size == null) {
                resp.request().reset();
                throw new StoreException(StoreErrorCode.SERVERBUG, "section answer without " + SIZE_HEADER);
            }
            return new SectionBody(Long.parseLong(size), body(resp));
        });
    }

    private static Multi<byte[]> body(HttpClientResponse resp) {
        AtomicBoolean subscribed = new AtomicBoolean();
        return Multi.createFrom().<byte[]>emitter(em -> {
            if (!subscribed.compareAndSet(false, true)) {
                em.fail(new IllegalStateException("a section body can be read once"));
                return;
            }
            AtomicBoolean ended = new AtomicBoolean();
            resp.handler(buf -> em.emit(buf.getBytes()));
            resp.exceptionHandler(t -> em.fail(ErrorMapping.transport(t)));
            resp.endHandler(v -> {
                ended.set(true);
                em.complete();
            });
            em.onRequest(resp::fetch);
            em.onTermination(() -> {
                if (!ended.get()) {
                    resp.request().reset();
                }
            });
            long already = em.requested();
            if (already > 0) {
                resp.fetch(already);
            }
        }, BackPressureStrategy.BUFFER);
    }

    /** Receives a newline-delimited answer line by line; may throw a StoreException to stop. */
    interface LineSink<T> {
        void line(Buffer line);

        T finish();
    }

    /** The longest line a line-delimited answer may have: bounds the memory of a bad answer. */
    static final int MAX_LINE = 16 * 1024 * 1024;

    /**
     * A JSON request whose answer is newline-delimited and read as it arrives, so that neither
     * side holds the whole answer as one buffer.
     */
    <T> Uni<T> lines(HttpMethod method, String path, Object body, Supplier<LineSink<T>> sinks) {
        return Uni.createFrom().emitter(em -> {
            LineSink<T> sink = sinks.get();
            RequestOptions ro = new RequestOptions().setMethod(method)
                    .setAbsoluteURI(options.baseUrl() + path)
                    .setIdleTimeout(options.requestTimeout().toMillis())
                    .putHeader(HttpHeaders.AUTHORIZATION, authorization)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
            http.request(ro).compose(r -> r.send(Json.encode(body))).onComplete(ar -> {
                if (ar.failed()) {
                    em.fail(ErrorMapping.transport(ar.cause()));
                    return;
                }
                HttpClientResponse resp = ar.result();
                if (resp.statusCode() != 200) {
                    resp.body().onComplete(b -> em.fail(ErrorMapping.fromResponse(resp.statusCode(),
                            b.succeeded() ? b.result() : null)));
                    return;
                }
                AtomicBoolean failed = new AtomicBoolean();
                RecordParser parser = RecordParser.newDelimited("\n", line -> {
                    if (failed.get()) {
                        return;
                    }
                    try {
                        sink.line(line);
                    } catch (RuntimeException e) {
                        failed.set(true);
                        resp.request().reset();
                        em.fail(e);
                    }
                });
                parser.maxRecordSize(MAX_LINE);
                parser.exceptionHandler(t -> {
                    if (failed.compareAndSet(false, true)) {
                        resp.request().reset();
                        em.fail(new StoreException(StoreErrorCode.SERVERBUG, "store answer line too long"));
                    }
                });
                resp.handler(parser);
                resp.exceptionHandler(t -> {
                    if (failed.compareAndSet(false, true)) {
                        em.fail(ErrorMapping.transport(t));
                    }
                });
                resp.endHandler(v -> {
                    if (failed.get()) {
                        return;
                    }
                    try {
                        em.complete(sink.finish());
                    } catch (RuntimeException e) {
                        em.fail(e);
                    }
                });
            });
        });
    }

    void close() {
        web.close();
    }
}
