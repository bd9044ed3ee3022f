package io.mailstream.pop3.command;

import io.mailstream.pop3.Pop3Settings;
import io.mailstream.pop3.proto.TopFilter;
import io.mailstream.pop3.session.Pop3State;
import io.mailstream.store.api.MailStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Function;

/**
 * What a command handler may do with its connection. The connection runs one command at a
 * time (RFC 2449 6.6: pipelined commands are processed in turn), so a handler owns the session
 * until its Uni completes. Every Uni returned here completes on the connection's event loop.
 */
public interface Pop3Context {

    Pop3State state();

    /** Moves to another state; entering TRANSACTION starts renewing the maildrop lease. */
    void state(Pop3State next);

    default Pop3State.Transaction transaction() {
        if (state() instanceof Pop3State.Transaction t) {
            return t;
        }
        throw new IllegalStateException("not in TRANSACTION state: " + state().phase());
    }

    Pop3Settings settings();

    /** Identifies this session; used as the maildrop lease owner. */
    String sessionId();

    /** Runs a store call with the store timeout, resuming on this connection's event loop. */
    <T> Uni<T> store(Function<MailStore, Uni<T>> call);

    /** Writes a response (exact bytes from {@code Responses}). */
    Uni<Void> send(String response);

    Uni<Void> send(byte[] response);

    /**
     * Writes {@code firstLine}, then the body dot-stuffed (through {@code top} when not null),
     * then the terminator, with backpressure: the next chunk is requested only when the socket
     * can take it. A failure after the first line was sent closes the connection.
     */
    Uni<Void> sendBody(String firstLine, Multi<byte[]> body, TopFilter top);

    /**
     * The next line the client sends, raw (an AUTH continuation, RFC 5034 4); null if that line
     * was longer than the line limit.
     */
    Uni<String> readLine();

    /** TLS is active on this connection (implicit TLS or after STLS). */
    boolean tlsActive();

    /** STLS can be offered: a certificate is configured and TLS is not active yet. */
    boolean tlsAvailable();

    /** RFC 5034 4 / RFC 2595: plaintext passwords only over TLS, on loopback, or when allowed. */
    boolean plaintextAuthAllowed();

    /** Starts the TLS handshake (RFC 2595 4), dropping anything the client sent after STLS. */
    Uni<Void> startTls();

    Uni<Void> delay(Duration duration);

    /** Claims one of the per-user session slots; false when the user has too many. */
    boolean reserveUser(String username);

    /** Gives back the slot claimed by {@link #reserveUser}, if any. */
    void releaseUser();

    /** Counts a failed login for metrics and logs. */
    void authFailed(String username);

    /** Closes the connection once queued output is written. */
    void close();
}
