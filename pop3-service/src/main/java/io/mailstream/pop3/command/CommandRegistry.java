package io.mailstream.pop3.command;

import io.mailstream.pop3.proto.Pop3Command;
import io.mailstream.pop3.proto.Responses;
import io.mailstream.pop3.session.Pop3State.Phase;
import io.smallrye.mutiny.Uni;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one table of commands: handler and the states each is valid in (RFC 1939 3: a command
 * in the wrong state gets a negative response). Nothing is valid in UPDATE: the session is
 * closing.
 */
public final class CommandRegistry {
    private static final Set<Phase> AUTHORIZATION = EnumSet.of(Phase.AUTHORIZATION);
    private static final Set<Phase> TRANSACTION = EnumSet.of(Phase.TRANSACTION);
    private static final Set<Phase> BOTH = EnumSet.of(Phase.AUTHORIZATION, Phase.TRANSACTION);

    private record Route<C extends Pop3Command>(Set<Phase> phases, Pop3Handler<C> handler) {
    }

    private final Map<Class<?>, Route<?>> routes = new HashMap<>();

    public static CommandRegistry standard() {
        CommandRegistry r = new CommandRegistry();
        r.add(Pop3Command.User.class, AUTHORIZATION, new UserHandler());
        r.add(Pop3Command.Pass.class, AUTHORIZATION, new PassHandler());
        r.add(Pop3Command.Auth.class, AUTHORIZATION, new AuthHandler());
        r.add(Pop3Command.Stls.class, AUTHORIZATION, new StlsHandler());
        r.add(Pop3Command.Capa.class, BOTH, new CapaHandler());
        r.add(Pop3Command.Quit.class, BOTH, new QuitHandler());
        r.add(Pop3Command.Stat.class, TRANSACTION, new StatHandler());
        r.add(Pop3Command.List.class, TRANSACTION, new ListHandler());
        r.add(Pop3Command.Retr.class, TRANSACTION, new RetrHandler());
        r.add(Pop3Command.Dele.class, TRANSACTION, new DeleHandler());
        r.add(Pop3Command.Noop.class, TRANSACTION, new NoopHandler());
        r.add(Pop3Command.Rset.class, TRANSACTION, new RsetHandler());
        r.add(Pop3Command.Top.class, TRANSACTION, new TopHandler());
        r.add(Pop3Command.Uidl.class, TRANSACTION, new UidlHandler());
        return r;
    }

    private <C extends Pop3Command> void add(Class<C> type, Set<Phase> phases, Pop3Handler<C> handler) {
        routes.put(type, new Route<>(phases, handler));
    }

    @SuppressWarnings("unchecked")
    public Uni<Void> dispatch(Pop3Context ctx, Pop3Command command) {
        Route<Pop3Command> route = (Route<Pop3Command>) routes.get(command.getClass());
        if (route == null) {
            return ctx.send(Responses.err("command not implemented"));
        }
        Phase phase = ctx.state().phase();
        if (!route.phases().contains(phase)) {
            return ctx.send(Responses.err(command.keyword() + " not valid in " + phase + " state"));
        }
        return route.handler().handle(ctx, command);
    }
}
