package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.Pop3Command;
import io.smallrye.mutiny.Uni;

/** Executes one kind of command; completes when its whole response has been written. */
@FunctionalInterface
public interface Pop3Handler<C extends Pop3Command> {
    Uni<Void> handle(Pop3Context ctx, C command);
}
