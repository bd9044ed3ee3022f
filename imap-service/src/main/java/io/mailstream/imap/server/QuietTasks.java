package io.mailstream.imap.server;

import io.smallrye.mutiny.Uni;
import java.util.ArrayDeque;
import java.util.function.Supplier;

/**
 * The unsolicited notifications of one connection (RFC 5465 NOTIFY): run one at a time, in
 * order, only when no command is in progress (or, if allowed, while IDLE waits for DONE, RFC
 * 5465 4), and holding the connection busy meanwhile so no command's responses interleave with
 * them (a streamed literal must never be cut). Used on the connection's event loop only.
 */
final class QuietTasks {

    /** What the queue needs from its connection. */
    interface Host {
        boolean closed();

        boolean busy();

        /** A command is in progress that is IDLE waiting for DONE. */
        boolean idling();

        /** Marks the connection busy (reading stops) or not busy (reading and commands resume). */
        void busy(boolean busy);

        /** A task failed; the connection decides whether that ends it. */
        void failed(Throwable t);
    }

    private record Task(Supplier<Uni<Void>> task, boolean duringIdle) {
    }

    private final Host host;
    private final ArrayDeque<Task> queue = new ArrayDeque<>();
    private boolean running;
    private boolean holdsBusy;

    QuietTasks(Host host) {
        this.host = host;
    }

    void add(Supplier<Uni<Void>> task, boolean duringIdle) {
        if (!host.closed()) {
            queue.add(new Task(task, duringIdle));
            runNext();
        }
    }

    /**
     * Starts the next task if the moment allows (called when a command completes, too); true if
     * one is running, which then holds the connection busy.
     */
    boolean runNext() {
        if (running) {
            hold();
            return true;
        }
        if (host.closed() || queue.isEmpty()) {
            return false;
        }
        // busy because of the previous task is no obstacle: the next one simply follows it
        if (host.busy() && !holdsBusy && !(host.idling() && queue.peek().duringIdle())) {
            return false;
        }
        Task t = queue.poll();
        running = true;
        hold();
        Uni.createFrom().<Void>deferred(() -> t.task().get()).subscribe().with(v -> done(), e -> {
            host.failed(e);
            done();
        });
        return true;
    }

    void clear() {
        queue.clear();
    }

    private void hold() {
        if (!host.busy()) {
            holdsBusy = true;
            host.busy(true);
        }
    }

    private void done() {
        running = false;
        if (host.closed()) {
            return;
        }
        if (runNext()) {
            return;
        }
        if (holdsBusy) {
            holdsBusy = false;
            host.busy(false);
        }
    }
}
