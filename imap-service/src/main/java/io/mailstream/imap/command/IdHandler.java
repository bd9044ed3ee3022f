package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 2971 ID: the server names itself; what the client sent is only logged. */
public final class IdHandler implements CommandHandler<ImapCommand.Id> {
    private static final Map<String, String> SERVER = serverId();

    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.Id command, CommandContext ctx) {
        ctx.send(new ImapResponse.Id(SERVER));
        return ctx.done(ctx.ok("ID completed"));
    }

    private static Map<String, String> serverId() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", "Mailstream");
        m.put("vendor", "Mailstream");
        return m;
    }
}
