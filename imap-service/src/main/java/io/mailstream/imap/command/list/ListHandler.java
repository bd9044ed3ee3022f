package io.mailstream.imap.command.list;

import io.mailstream.imap.command.CommandContext;
import io.mailstream.imap.command.CommandHandler;
import io.mailstream.imap.command.StatusLookup;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.ListReturnOptions;
import io.mailstream.imap.proto.command.ListSelectOption;
import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ListExtendedItem;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.MailboxInfo;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * RFC 9051 6.3.9 LIST with LIST-EXTENDED (RFC 5258) selection options SUBSCRIBED, REMOTE,
 * RECURSIVEMATCH, SPECIAL-USE (RFC 6154) and return options SUBSCRIBED, CHILDREN, SPECIAL-USE
 * and STATUS (RFC 5819).
 */
public final class ListHandler implements CommandHandler<ImapCommand.List> {
    private static final char DELIM = MailStore.DELIMITER;

    @Override
    public Uni<ImapResponse.Tagged> handle(ImapCommand.List command, CommandContext ctx) {
        Set<ListSelectOption> select = command.selectOptions();
        if (select.contains(ListSelectOption.RECURSIVEMATCH) && !select.contains(ListSelectOption.SUBSCRIBED)
                && !select.contains(ListSelectOption.SPECIAL_USE)) {
            return ctx.done(ctx.bad("RECURSIVEMATCH needs another selection option"));
        }
        if (!command.extended() && command.patterns().size() == 1 && command.patterns().get(0).isEmpty()) {
            // RFC 9051 6.3.9: an empty name asks for the delimiter and the root of the reference.
            ctx.send(new ImapResponse.List(List.of("\\Noselect"), DELIM, root(command.reference()), List.of()));
            return ctx.done(ctx.ok("LIST completed"));
        }
        List<ListPattern> patterns = new ArrayList<>();
        for (String p : command.patterns()) {
            if (!p.isEmpty()) {
                patterns.add(ListPattern.of(command.reference(), p, DELIM));
            }
        }
        Uni<List<MailboxInfo>> names = ctx.store().call(s -> s.listMailboxes(ctx.userId()));
        if (command.selectOptions().contains(ListSelectOption.SUBSCRIBED)) {
            // RFC 5258 3.1: SUBSCRIBED lists subscribed names, whether they exist or not.
            boolean recursive = command.selectOptions().contains(ListSelectOption.RECURSIVEMATCH);
            names = names.chain(all -> ctx.store().call(s -> s.listSubscriptions(ctx.userId()))
                    .map(subs -> ListCandidates.of(all, subs, recursive)));
        }
        return names.chain(all -> respond(ctx, command, patterns, all))
                .map(v -> ctx.ok("LIST completed"));
    }

    private Uni<Void> respond(CommandContext ctx, ImapCommand.List command, List<ListPattern> patterns,
            List<MailboxInfo> all) {
        Set<ListSelectOption> select = command.selectOptions();
        ListReturnOptions ret = command.returnOptions();
        boolean bySubscription = select.contains(ListSelectOption.SUBSCRIBED);
        boolean bySpecialUse = select.contains(ListSelectOption.SPECIAL_USE);
        boolean recursive = select.contains(ListSelectOption.RECURSIVEMATCH);
        boolean showSubscribed = bySubscription || ret.subscribed();
        List<StatusItem> items = ret.status();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (MailboxInfo m : all) {
            if (!matchesAny(patterns, m.name())) {
                continue;
            }
            boolean selected = (!bySubscription || m.subscribed()) && (!bySpecialUse || !m.specialUse().isEmpty());
            List<ListExtendedItem> extended = List.of();
            if (!selected) {
                // RFC 5258 3.5: with RECURSIVEMATCH a parent is listed for its selected children.
                if (!recursive || !hasSelectedChild(all, m.name(), bySubscription, bySpecialUse)) {
                    continue;
                }
                extended = List.of(new ListExtendedItem.ChildInfo(
                        bySubscription ? List.of("SUBSCRIBED") : List.of("SPECIAL-USE")));
            }
            ImapResponse.List list = new ImapResponse.List(MailboxAttributes.of(m, showSubscribed), DELIM, m.name(),
                    extended);
            chain = chain.invoke(() -> ctx.send(list));
            if (!items.isEmpty() && selected && !m.noselect()) {
                // RFC 5819 2: each selectable mailbox's LIST is followed by its STATUS; a
                // mailbox that vanished meanwhile simply gets none.
                chain = chain.chain(() -> StatusLookup.status(ctx, m.name(), items)
                        .invoke(st -> ctx.send(st))
                        .onFailure().recoverWithItem(e -> null)
                        .replaceWithVoid());
            }
        }
        return chain;
    }

    private static boolean hasSelectedChild(List<MailboxInfo> all, String parent, boolean bySubscription,
            boolean bySpecialUse) {
        String prefix = parent + DELIM;
        for (MailboxInfo c : all) {
            if (c.name().startsWith(prefix) && (!bySubscription || c.subscribed())
                    && (!bySpecialUse || !c.specialUse().isEmpty())) {
                return true;
            }
        }
        return false;
    }

    static boolean matchesAny(List<ListPattern> patterns, String name) {
        for (ListPattern p : patterns) {
            if (p.matches(name)) {
                return true;
            }
        }
        return false;
    }

    /** The root of a reference: its first level with the delimiter, or "" (RFC 9051 6.3.9). */
    private static String root(String reference) {
        int i = reference.indexOf(DELIM);
        return i < 0 ? "" : reference.substring(0, i + 1);
    }
}
