package io.mailstream.lmtp.session;

import io.mailstream.lmtp.proto.Reply;
import java.util.concurrent.Executor;

/** What a session needs from its connection. Every method is called on the connection's context. */
public interface Transport {

    /** Queues a reply; replies go out in order, flushed at the end of each read. */
    void reply(Reply reply);

    /** The next input is DATA content up to the end marker. */
    void expectData();

    /** The next {@code size} octets are a BDAT chunk. */
    void expectChunk(long size);

    /** Upgrades to TLS after the replies written so far, dropping any input already buffered. */
    void startTls();

    /** Closes after the replies written so far. */
    void close();

    boolean closed();

    boolean secure();

    String remoteAddress();

    /** Runs tasks on the connection's context (where store results must be handled). */
    Executor context();
}
