package io.mailstream.imap.command;

import io.mailstream.imap.proto.response.ImapResponse;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/** What a command may do with its connection; implemented by the server's connection. */
public interface SessionIo {

    /** Encodes and queues a response that has no streamed literal. */
    void send(ImapResponse response);

    /** Writes a response (streamed literals included); completes once queued with room left. */
    Uni<Void> write(ImapResponse response);

    /** Completes when the output queue has room again. */
    Uni<Void> drain();

    /**
     * Reads the next line from the client without command parsing (AUTHENTICATE responses,
     * IDLE's DONE); fails if the line is too long.
     */
    Uni<String> readLine();

    /** Whether input of a further command is already waiting (a pipelined command). */
    boolean inputPending();

    /**
     * RFC 9051 6.2.1: starts the TLS negotiation right after the tagged OK is written; input
     * buffered until then is discarded (no plaintext command injection).
     */
    void startTlsAfterResponse();

    /** Completes on the connection's context after {@code delay} (authentication failure delay). */
    Uni<Void> sleep(java.time.Duration delay);

    /** After the tagged response: {@code * BYE text}, then the connection closes. */
    void afterResponseClose(String byeText);

    /** The connection's event loop context. */
    Context context();

    /**
     * RFC 4978 3: compresses both directions starting right after the CRLF of the tagged OK
     * (above TLS when TLS is on).
     */
    default void compressAfterResponse() {
        throw new UnsupportedOperationException("COMPRESS is not supported on this connection");
    }

    /**
     * Runs {@code task} when no command is in progress (RFC 5465 3.1: NOTIFY notifications may
     * come at any time, but never inside another command's responses), keeping commands out
     * until it completes; with {@code duringIdle} also while IDLE waits for DONE (RFC 5465 4).
     * Tasks run one at a time, in order. A task that fails with the selected mailbox gone ends
     * the connection like a command would.
     */
    default void whenQuiet(java.util.function.Supplier<Uni<Void>> task, boolean duringIdle) {
        throw new UnsupportedOperationException("unsolicited notifications are not supported here");
    }
}
