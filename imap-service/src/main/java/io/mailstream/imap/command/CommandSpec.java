package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.session.SessionState;
import java.util.Set;

/** One row of the command table: name, the states it is valid in, its flags and its handler. */
public record CommandSpec(String name, Set<SessionState.Kind> states, Set<CommandFlag> flags,
        CommandHandler<? extends ImapCommand> handler) {

    public CommandSpec {
        states = Set.copyOf(states);
        flags = Set.copyOf(flags);
    }

    public boolean has(CommandFlag flag) {
        return flags.contains(flag);
    }

    public boolean allowedIn(SessionState.Kind kind) {
        return states.contains(kind);
    }
}
