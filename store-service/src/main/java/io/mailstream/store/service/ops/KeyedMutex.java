package io.mailstream.store.service.ops;

import io.smallrye.mutiny.Uni;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An asynchronous mutex per key: work for one key runs one at a time, in arrival order, without
 * blocking a thread. Used per mailbox so that requests of one store instance queue locally
 * instead of all competing for the MongoDB lease.
 */
final class KeyedMutex {
    private final Map<String, ArrayDeque<Runnable>> waiting = new HashMap<>();

    <T> Uni<T> run(String key, Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(em -> {
            Runnable task = () -> {
                Uni<T> uni;
                try {
                    uni = work.get();
                } catch (RuntimeException e) {
                    done(key);
                    em.fail(e);
                    return;
                }
                uni.subscribe().with(v -> {
                    done(key);
                    em.complete(v);
                }, f -> {
                    done(key);
                    em.fail(f);
                });
            };
            boolean first;
            synchronized (waiting) {
                ArrayDeque<Runnable> q = waiting.get(key);
                first = q == null;
                if (first) {
                    waiting.put(key, new ArrayDeque<>());
                } else {
                    q.addLast(task);
                }
            }
            if (first) {
                task.run();
            }
        });
    }

    private void done(String key) {
        Runnable next;
        synchronized (waiting) {
            ArrayDeque<Runnable> q = waiting.get(key);
            next = q == null ? null : q.pollFirst();
            if (next == null) {
                waiting.remove(key);
            }
        }
        if (next != null) {
            next.run();
        }
    }
}
