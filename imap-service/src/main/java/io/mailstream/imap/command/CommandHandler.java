package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.response.ImapResponse;
import io.smallrye.mutiny.Uni;

/**
 * Executes one command: sends its untagged responses through the context and returns the
 * tagged completion. Store failures may simply propagate; the dispatcher maps them to
 * {@code NO [code]} (RFC 5530).
 */
@FunctionalInterface
public interface CommandHandler<C extends ImapCommand> {
    Uni<ImapResponse.Tagged> handle(C command, CommandContext ctx);
}
