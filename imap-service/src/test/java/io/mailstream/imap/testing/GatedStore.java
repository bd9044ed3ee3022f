package io.mailstream.imap.testing;

import io.mailstream.store.api.MailStore;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * A store whose calls of one operation wait for {@link #open()}: a test holds a command "in
 * flight" (the store has been asked, nothing answered yet) for as long as it needs.
 */
public final class GatedStore {
    private final String method;
    private final CompletableFuture<Void> gate = new CompletableFuture<>();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final MailStore proxy;

    public GatedStore(MailStore real, String method) {
        this.method = method;
        this.proxy = (MailStore) Proxy.newProxyInstance(MailStore.class.getClassLoader(),
                new Class<?>[] {MailStore.class}, (p, m, args) -> {
                    if (!m.getName().equals(this.method)) {
                        return invoke(real, m, args);
                    }
                    return Uni.createFrom().deferred(() -> {
                        entered.countDown();
                        return Uni.createFrom().completionStage(gate)
                                .chain(() -> (Uni<?>) invokeUnchecked(real, m, args));
                    });
                });
    }

    public MailStore store() {
        return proxy;
    }

    /** Waits until a call of the gated operation has reached the store. */
    public void awaitEntered() throws InterruptedException {
        if (!entered.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new AssertionError("no call of " + method + " reached the store");
        }
    }

    public void open() {
        gate.complete(null);
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object invokeUnchecked(Object target, java.lang.reflect.Method m, Object[] args) {
        try {
            return invoke(target, m, args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
