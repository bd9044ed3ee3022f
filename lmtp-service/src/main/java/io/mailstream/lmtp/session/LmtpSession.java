package io.mailstream.lmtp.session;

import io.mailstream.lmtp.LmtpMetrics;
import io.mailstream.lmtp.command.BasicHandlers;
import io.mailstream.lmtp.command.BdatHandler;
import io.mailstream.lmtp.command.DataHandler;
import io.mailstream.lmtp.command.LhloHandler;
import io.mailstream.lmtp.command.MailHandler;
import io.mailstream.lmtp.command.RcptHandler;
import io.mailstream.lmtp.proto.LmtpCommand;
import io.mailstream.lmtp.proto.LmtpParser;
import io.mailstream.lmtp.proto.ParseResult;
import io.mailstream.lmtp.proto.Replies;
import io.mailstream.lmtp.proto.Reply;
import io.smallrye.mutiny.Uni;

/**
 * One LMTP session: the protocol state machine between the connection's framed input and the
 * command handlers. Confined to the connection's context; the connection hands it one event at a
 * time and waits for the returned {@link Uni} before framing further input, so pipelined commands
 * (RFC 2920) run strictly in order and mode switches (354, BDAT) apply to exactly the right octets.
 */
public final class LmtpSession {
    /** Returned by handlers that finished synchronously: the connection carries on at once. */
    public static final Uni<Void> DONE = Uni.createFrom().voidItem();

    private final Transport transport;
    private final Services services;
    private final String id;
    private SessionState state = new SessionState.Initial();
    private Inbound inbound;
    private int errors;
    private String commandName;

    public LmtpSession(Transport transport, Services services, String id) {
        this.transport = transport;
        this.services = services;
        this.id = id;
    }

    public Uni<Void> onLine(byte[] line) {
        long started = System.nanoTime();
        Uni<Void> work = dispatch(line);
        String name = commandName;
        // DATA and BDAT are timed from their last octet (onContentEnd): that is where delivery happens.
        return name == null || name.equals("DATA") || name.equals("BDAT") ? work
                : work.onItemOrFailure().invoke((v, f) -> services.metrics().commandDuration(name,
                        System.nanoTime() - started));
    }

    private Uni<Void> dispatch(byte[] line) {
        commandName = null;
        ParseResult parsed = LmtpParser.parse(line);
        if (parsed instanceof ParseResult.Error e) {
            int code = e.reply().code();
            protocolError(e.reply(), code == 500 || code == 502 ? "unknown_command" : "syntax");
            return DONE;
        }
        LmtpCommand c = ((ParseResult.Ok) parsed).command();
        commandName = LmtpMetrics.commandName(c);
        if (c instanceof LmtpCommand.Lhlo x) {
            return LhloHandler.handle(x, this);
        } else if (c instanceof LmtpCommand.MailFrom x) {
            return MailHandler.handle(x, this);
        } else if (c instanceof LmtpCommand.RcptTo x) {
            return RcptHandler.handle(x, this);
        } else if (c instanceof LmtpCommand.Data) {
            return DataHandler.start(this);
        } else if (c instanceof LmtpCommand.Bdat x) {
            return BdatHandler.start(x, this);
        }
        return BasicHandlers.handle(c, this);
    }

    /** RFC 5321 4.5.3.1.4: a command line over the limit; the session carries on. */
    public void onLineTooLong() {
        protocolError(Replies.lineTooLong(services.settings().maxLineLength()), "line_too_long");
    }

    public void onContent(byte[] bytes) {
        if (inbound instanceof Inbound.Data d) {
            d.buffer().append(bytes);
        } else if (inbound instanceof Inbound.Chunk c && c.buffer() != null) {
            c.buffer().append(bytes);
        }
    }

    public Uni<Void> onContentEnd() {
        Inbound in = inbound;
        inbound = null;
        long started = System.nanoTime();
        if (in instanceof Inbound.Data d) {
            return DataHandler.finish(d, this).onItemOrFailure().invoke((v, f) -> services.metrics()
                    .commandDuration("DATA", System.nanoTime() - started));
        } else if (in instanceof Inbound.Chunk c) {
            return BdatHandler.finish(c, this).onItemOrFailure().invoke((v, f) -> services.metrics()
                    .commandDuration("BDAT", System.nanoTime() - started));
        }
        return DONE;
    }

    /** RFC 3207 4.2: forget everything learned before TLS; the client says LHLO again. */
    public void onTlsStarted() {
        state = new SessionState.Initial();
        inbound = null;
    }

    /** Answers a bad command; after too many the connection closes (bounded abuse). */
    public void protocolError(Reply reply, String reason) {
        services.metrics().reject(reason);
        transport.reply(reply);
        if (++errors >= services.settings().maxErrors()) {
            transport.reply(Replies.tooManyErrors(services.settings().hostname()));
            transport.close();
        }
    }

    /** Hands a store result back to this session's context. */
    public <T> Uni<T> onContext(Uni<T> uni) {
        return uni.emitOn(transport.context());
    }

    public SessionState state() {
        return state;
    }

    public void state(SessionState next) {
        this.state = next;
    }

    public void receive(Inbound next) {
        this.inbound = next;
    }

    public Transport transport() {
        return transport;
    }

    public Services services() {
        return services;
    }

    public String id() {
        return id;
    }
}
