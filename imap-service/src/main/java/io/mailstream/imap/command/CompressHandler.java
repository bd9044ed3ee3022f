package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.smallrye.mutiny.Uni;

/**
 * RFC 4978 3 COMPRESS: DEFLATE is the only mechanism; once on, it stays on for the connection.
 * The connection starts (raw, RFC 1951) deflate in both directions right after the tagged OK;
 * with TLS the compression layer sits above it (RFC 4978 3: compress first, then encrypt).
 */
public final class CompressHandler implements CommandHandler<ImapCommand.Compress> {
    private static final ResponseCode COMPRESSIONACTIVE = new ResponseCode.Simple("COMPRESSIONACTIVE");

    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Compress command, CommandContext ctx) {
        if (!command.mechanism().equals("DEFLATE")) {
            // RFC 4978 3: BAD for an unknown argument
            return ctx.done(ctx.bad("Unknown compression mechanism; only DEFLATE is supported"));
        }
        if (ctx.session().compressed()) {
            // RFC 4978 3: BAD when COMPRESS is already active; the code tells the client why
            return ctx.done(ctx.bad(COMPRESSIONACTIVE, "DEFLATE is already active"));
        }
        ctx.session().compressionStarted();
        ctx.io().compressAfterResponse();
        return ctx.done(ctx.ok("DEFLATE active"));
    }
}
