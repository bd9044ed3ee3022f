package io.mailstream.lmtp.session;

import io.mailstream.lmtp.delivery.MessageBuffer;
import io.mailstream.lmtp.proto.LmtpCommand.Bdat;
import io.mailstream.lmtp.proto.Reply;

/** Content being received: where it goes and what to answer when it ends. */
public sealed interface Inbound {

    /** DATA content after the 354 (RFC 5321 4.1.1.4). */
    record Data(MessageBuffer buffer) implements Inbound {
    }

    /**
     * A BDAT chunk (RFC 3030 2): appended to {@code buffer}, or discarded when {@code buffer} is
     * null, in which case {@code rejection} is the single reply (null: no reply at all, RFC 2033
     * 4.3 for BDAT LAST without a successful RCPT).
     */
    record Chunk(Bdat command, MessageBuffer buffer, Reply rejection) implements Inbound {
    }
}
