package io.mailstream.store.client;

import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.StoreException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link MailStore} that times every store call the front-end makes: Prometheus histogram
 * {@code mailstream_store_client_seconds{operation, outcome}}, the operation being the
 * MailStore method and the outcome {@code ok}, the store's error code in lower case
 * ({@code nonexistent}, {@code unavailable}, ...) or {@code error}: bounded, no user in any tag.
 * A dynamic proxy, so operations added to the contract are timed without a change here.
 */
public final class TimedMailStore {
    /** Fixed buckets (seconds): a store call is a LAN HTTP round trip plus a MongoDB operation. */
    static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private TimedMailStore() {
    }

    /** {@code store} timed into {@code registry}; the proxy is AutoCloseable when the store is. */
    public static MailStore wrap(MailStore store, MeterRegistry registry) {
        Map<String, Timer> timers = new ConcurrentHashMap<>();
        Class<?>[] types = store instanceof AutoCloseable ? new Class<?>[] {MailStore.class, AutoCloseable.class}
                : new Class<?>[] {MailStore.class};
        return (MailStore) Proxy.newProxyInstance(MailStore.class.getClassLoader(), types, (proxy, method, args) -> {
            Object result = invoke(store, method, args);
            if (!(result instanceof Uni<?> uni) || method.getDeclaringClass() == Object.class) {
                return result;
            }
            String operation = method.getName();
            return Uni.createFrom().deferred(() -> {
                long started = System.nanoTime();
                return uni.onItemOrFailure().invoke((item, failure) -> timers
                        .computeIfAbsent(operation + ' ' + outcome(failure), k -> timer(registry, operation,
                                outcome(failure)))
                        .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS));
            });
        });
    }

    static String outcome(Throwable failure) {
        if (failure == null) {
            return "ok";
        }
        return failure instanceof StoreException e && e.code() != null ? e.code().name().toLowerCase(Locale.ROOT)
                : "error";
    }

    private static Timer timer(MeterRegistry registry, String operation, String outcome) {
        return Timer.builder("mailstream.store.client")
                .description("Store API calls made by this front-end, by MailStore operation and outcome")
                .tag("operation", operation).tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
