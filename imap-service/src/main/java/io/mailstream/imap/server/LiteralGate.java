package io.mailstream.imap.server;

import io.mailstream.imap.ImapMetrics;
import io.mailstream.imap.proto.parse.ImapParser;
import io.mailstream.imap.proto.parse.ParseResult;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import java.util.function.Consumer;

/**
 * Answers each literal the parser announces: refused by the APPEND limits before its octets
 * are sent, else accepted (with a {@code +} continuation when it is synchronizing). Remembers
 * that a command's literal is arriving until the parser completes or rejects the command.
 */
final class LiteralGate {
    private final AppendLimits appendLimits;
    private final ImapParser parser;
    private final ImapMetrics metrics;
    private final Consumer<ImapResponse> send;
    private boolean pending;

    LiteralGate(AppendLimits appendLimits, ImapParser parser, ImapMetrics metrics, Consumer<ImapResponse> send) {
        this.appendLimits = appendLimits;
        this.parser = parser;
        this.metrics = metrics;
        this.send = send;
    }

    void announced(ParseResult.NeedLiteral lit) {
        if (appendLimits.refuses(lit)) {
            // RFC 7889 4 / RFC 9051 7.5: refused before the octets are sent; a non-synchronizing
            // literal's octets are skipped by the parser without being kept (bounded memory)
            parser.rejectLiteral();
            metrics.command("APPEND", "NO");
            send.accept(ImapResponse.Tagged.no(lit.tag(), ResponseCode.TOOBIG, appendLimits.reason()));
        } else {
            pending = true;
            if (!lit.nonSynchronizing()) {
                send.accept(new ImapResponse.Continuation("Ready for literal data"));
            }
        }
    }

    /** The parser completed or rejected the command. */
    void commandEnded() {
        pending = false;
        appendLimits.commandEnded();
    }

    /** Whether a command's literal is still arriving. */
    boolean pending() {
        return pending;
    }
}
