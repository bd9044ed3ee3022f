package io.mailstream.store.client;

import java.time.Duration;

/**
 * Connection settings of a {@link StoreClient}.
 *
 * @param baseUrl        e.g. {@code http://127.0.0.1:8080} (mailstream.store.url)
 * @param secret         the service secret (mailstream.store.secret)
 * @param poolSize       HTTP/1.1 connections kept to the store (keep-alive, no pipelining)
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout idle timeout of one request (no bytes for this long: UNAVAILABLE)
 */
public record StoreClientOptions(String baseUrl, String secret, int poolSize, Duration connectTimeout,
        Duration requestTimeout) {

    public static final int DEFAULT_POOL_SIZE = 32;

    public StoreClientOptions {
        if (baseUrl == null || !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
            throw new IllegalArgumentException("store base URL must be http(s)://host:port, got " + baseUrl);
        }
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("store secret is required");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
    }

    public static StoreClientOptions of(String baseUrl, String secret) {
        return new StoreClientOptions(baseUrl, secret, DEFAULT_POOL_SIZE, Duration.ofSeconds(2), Duration.ofSeconds(60));
    }

    public StoreClientOptions withPoolSize(int size) {
        return new StoreClientOptions(baseUrl, secret, size, connectTimeout, requestTimeout);
    }

    public StoreClientOptions withRequestTimeout(Duration timeout) {
        return new StoreClientOptions(baseUrl, secret, poolSize, connectTimeout, timeout);
    }
}
