package io.mailstream.imap.command;

import static io.mailstream.imap.command.CommandFlag.BREAKS_SEQS;
import static io.mailstream.imap.command.CommandFlag.NO_EXPUNGE;
import static io.mailstream.imap.command.CommandFlag.NO_SYNC;
import static io.mailstream.imap.command.CommandFlag.USES_SEQS;
import static io.mailstream.imap.session.SessionState.Kind.AUTHENTICATED;
import static io.mailstream.imap.session.SessionState.Kind.NOT_AUTHENTICATED;
import static io.mailstream.imap.session.SessionState.Kind.SELECTED;

import io.mailstream.imap.command.fetch.FetchHandler;
import io.mailstream.imap.command.list.ListHandler;
import io.mailstream.imap.command.list.LsubHandler;
import io.mailstream.imap.command.search.SearchHandler;
import io.mailstream.imap.command.sort.SortHandler;
import io.mailstream.imap.command.sort.ThreadHandler;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.session.SessionState;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command table (RFC 9051 6, RFC 3501 6, and the extensions advertised): for each command
 * the states it is valid in (RFC 9051 3) and its sequence-number flags (RFC 9051 5.5, 7.5.1).
 */
public final class CommandRegistry {
    private static final Set<SessionState.Kind> ANY = EnumSet.of(NOT_AUTHENTICATED, AUTHENTICATED, SELECTED);
    private static final Set<SessionState.Kind> NOT_AUTH = EnumSet.of(NOT_AUTHENTICATED);
    private static final Set<SessionState.Kind> AUTH = EnumSet.of(AUTHENTICATED, SELECTED);
    private static final Set<SessionState.Kind> SEL = EnumSet.of(SELECTED);

    private final Map<String, CommandSpec> specs = new LinkedHashMap<>();

    /** The table of every command this server implements. */
    public static CommandRegistry standard() {
        CommandRegistry r = new CommandRegistry();
        // RFC 9051 6.1: any state
        r.add("CAPABILITY", ANY, Set.of(), new CapabilityHandler());
        r.add("NOOP", ANY, Set.of(), new NoopHandler());
        r.add("LOGOUT", ANY, Set.of(NO_SYNC), new LogoutHandler());
        r.add("ID", ANY, Set.of(), new IdHandler());
        // RFC 9051 6.2: not authenticated
        r.add("STARTTLS", NOT_AUTH, Set.of(), new StartTlsHandler());
        r.add("AUTHENTICATE", NOT_AUTH, Set.of(), new AuthenticateHandler());
        r.add("LOGIN", NOT_AUTH, Set.of(), new LoginHandler());
        // RFC 9051 6.3: authenticated (and selected)
        r.add("ENABLE", AUTH, Set.of(), new EnableHandler());
        r.add("SELECT", AUTH, Set.of(BREAKS_SEQS, NO_SYNC), new SelectHandler());
        r.add("EXAMINE", AUTH, Set.of(BREAKS_SEQS, NO_SYNC), new ExamineHandler());
        r.add("CREATE", AUTH, Set.of(), new CreateHandler());
        r.add("DELETE", AUTH, Set.of(), new DeleteHandler());
        r.add("RENAME", AUTH, Set.of(), new RenameHandler());
        r.add("SUBSCRIBE", AUTH, Set.of(), new SubscribeHandler());
        r.add("UNSUBSCRIBE", AUTH, Set.of(), new UnsubscribeHandler());
        r.add("LIST", AUTH, Set.of(), new ListHandler());
        r.add("LSUB", AUTH, Set.of(), new LsubHandler());
        r.add("NAMESPACE", AUTH, Set.of(), new NamespaceHandler());
        r.add("STATUS", AUTH, Set.of(), new StatusHandler());
        r.add("APPEND", AUTH, Set.of(), new AppendHandler());
        r.add("IDLE", AUTH, Set.of(), new IdleHandler());
        r.add("COMPRESS", AUTH, Set.of(), new CompressHandler()); // RFC 4978
        r.add("NOTIFY", AUTH, Set.of(), new io.mailstream.imap.notify.NotifyHandler()); // RFC 5465
        // RFC 9208 QUOTA
        r.add("GETQUOTA", AUTH, Set.of(), new GetQuotaHandler());
        r.add("GETQUOTAROOT", AUTH, Set.of(), new GetQuotaRootHandler());
        r.add("SETQUOTA", AUTH, Set.of(), new SetQuotaHandler());
        // RFC 9051 6.4: selected
        r.add("CHECK", SEL, Set.of(), new CheckHandler());
        r.add("CLOSE", SEL, Set.of(BREAKS_SEQS, NO_SYNC), new CloseHandler());
        r.add("UNSELECT", SEL, Set.of(BREAKS_SEQS, NO_SYNC), new UnselectHandler());
        r.add("EXPUNGE", SEL, Set.of(BREAKS_SEQS), new ExpungeHandler());
        r.add("UID EXPUNGE", SEL, Set.of(BREAKS_SEQS), new UidExpungeHandler());
        r.add("SEARCH", SEL, Set.of(USES_SEQS, NO_EXPUNGE), new SearchHandler());
        r.add("UID SEARCH", SEL, Set.of(), new SearchHandler());
        r.add("FETCH", SEL, Set.of(USES_SEQS, NO_EXPUNGE), new FetchHandler());
        r.add("UID FETCH", SEL, Set.of(), new FetchHandler());
        r.add("STORE", SEL, Set.of(USES_SEQS, NO_EXPUNGE), new StoreHandler());
        r.add("UID STORE", SEL, Set.of(), new StoreHandler());
        r.add("COPY", SEL, Set.of(USES_SEQS), new CopyHandler());
        r.add("UID COPY", SEL, Set.of(), new CopyHandler());
        r.add("MOVE", SEL, Set.of(USES_SEQS, BREAKS_SEQS), new MoveHandler());
        r.add("UID MOVE", SEL, Set.of(BREAKS_SEQS), new MoveHandler());
        // RFC 5256 3: no EXPUNGE during SORT / THREAD, allowed during the UID forms
        r.add("SORT", SEL, Set.of(USES_SEQS, NO_EXPUNGE), new SortHandler());
        r.add("UID SORT", SEL, Set.of(), new SortHandler());
        r.add("THREAD", SEL, Set.of(USES_SEQS, NO_EXPUNGE), new ThreadHandler());
        r.add("UID THREAD", SEL, Set.of(), new ThreadHandler());
        return r;
    }

    private <C extends ImapCommand> void add(String name, Set<SessionState.Kind> states, Set<CommandFlag> flags,
            CommandHandler<C> handler) {
        specs.put(name, new CommandSpec(name, states, flags, handler));
    }

    /** The row of a command by its wire name ({@code "UID FETCH"}), or null. */
    public CommandSpec spec(String name) {
        return specs.get(name);
    }

    public Map<String, CommandSpec> all() {
        return Collections.unmodifiableMap(specs);
    }
}
