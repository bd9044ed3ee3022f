package io.mailstream.pop3.server;

import io.mailstream.pop3.proto.LineFramer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;

/**
 * The lines received and not yet handled, with input backpressure: the socket is paused when
 * many pipelined lines wait and resumed once the queue has drained to half of that.
 */
final class InputLines {
    private static final int MAX_PENDING_LINES = 64;

    private final NetSocket socket;
    private final LineFramer framer;
    private final ArrayDeque<LineFramer.Frame> pending = new ArrayDeque<>();
    private boolean paused;

    InputLines(NetSocket socket, int maxLineLength) {
        this.socket = socket;
        this.framer = new LineFramer(maxLineLength);
    }

    /** Frames {@code data} into lines and pauses the socket when too many wait. */
    void feed(byte[] data) {
        framer.feed(data, pending::add);
        if (pending.size() >= MAX_PENDING_LINES && !paused) {
            paused = true;
            socket.pause();
        }
    }

    /** The next line for a command (or null), resuming the socket when the queue is low enough. */
    LineFramer.Frame nextCommand() {
        LineFramer.Frame frame = pending.poll();
        if (paused && pending.size() < MAX_PENDING_LINES / 2) {
            paused = false;
            socket.resume();
        }
        return frame;
    }

    /** The next line for a command that reads one itself (AUTH), or null. */
    LineFramer.Frame next() {
        return pending.poll();
    }

    /** Forgets the partial line and the lines waiting (STLS: what was pipelined was plaintext). */
    void reset() {
        framer.reset();
        pending.clear();
    }

    void clear() {
        pending.clear();
    }
}
