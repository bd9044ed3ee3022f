package io.mailstream.imap.proto.parse;

import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.ListReturnOptions;
import io.mailstream.imap.proto.command.ListSelectOption;
import io.mailstream.imap.proto.command.StatusItem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * list = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]
 * (RFC 9051 6.3.9, RFC 5258 LIST-EXTENDED, RFC 6154 SPECIAL-USE, RFC 5819 LIST-STATUS),
 * and LSUB (RFC 3501 6.3.9).
 */
final class ListParser {
    private ListParser() {
    }

    static ImapCommand.List list(String tag, Reader r) {
        r.sp();
        Set<ListSelectOption> select = EnumSet.noneOf(ListSelectOption.class);
        boolean extended = false;
        if (r.peekIs('(')) {
            select = selectOptions(r);
            extended = true;
            r.sp();
        }
        String reference = Args.name(r.astring(), r);
        r.sp();
        List<String> patterns = new ArrayList<>();
        if (r.peekIs('(')) {
            // patterns = "(" list-mailbox *(SP list-mailbox) ")"
            extended = true;
            r.open();
            do {
                patterns.add(Args.name(r.listMailbox(), r));
            } while (r.trySp());
            r.close();
        } else {
            patterns.add(Args.name(r.listMailbox(), r));
        }
        ListReturnOptions ret = ListReturnOptions.NONE;
        if (r.trySp()) {
            if (!r.tryKeyword("RETURN")) {
                throw new SyntaxException("expected RETURN");
            }
            r.sp();
            ret = returnOptions(r);
            extended = true;
        }
        return new ImapCommand.List(tag, select, reference, patterns, ret, extended);
    }

    /** RFC 5258 3.1: RECURSIVEMATCH needs a base option; unknown options are rejected. */
    private static Set<ListSelectOption> selectOptions(Reader r) {
        Set<ListSelectOption> opts = EnumSet.noneOf(ListSelectOption.class);
        r.open();
        if (!r.peekIs(')')) {
            do {
                String name = r.keyword();
                switch (name) {
                    case "SUBSCRIBED" -> opts.add(ListSelectOption.SUBSCRIBED);
                    case "REMOTE" -> opts.add(ListSelectOption.REMOTE);
                    case "RECURSIVEMATCH" -> opts.add(ListSelectOption.RECURSIVEMATCH);
                    case "SPECIAL-USE" -> opts.add(ListSelectOption.SPECIAL_USE);
                    default -> throw new SyntaxException("unknown LIST selection option " + CommandParser.shorten(name));
                }
            } while (r.trySp());
        }
        r.close();
        if (opts.contains(ListSelectOption.RECURSIVEMATCH) && !opts.contains(ListSelectOption.SUBSCRIBED)
                && !opts.contains(ListSelectOption.SPECIAL_USE)) {
            throw new SyntaxException("RECURSIVEMATCH requires another selection option");
        }
        return opts;
    }

    /** list-return-opts = "RETURN" SP "(" [return-option *(SP return-option)] ")". */
    private static ListReturnOptions returnOptions(Reader r) {
        boolean subscribed = false;
        boolean children = false;
        boolean specialUse = false;
        List<StatusItem> status = List.of();
        r.open();
        if (!r.peekIs(')')) {
            do {
                String name = r.keyword();
                switch (name) {
                    case "SUBSCRIBED" -> subscribed = true;
                    case "CHILDREN" -> children = true;
                    case "SPECIAL-USE" -> specialUse = true;
                    case "STATUS" -> {
                        r.sp();
                        status = StatusParser.items(r);
                    }
                    default -> throw new SyntaxException("unknown LIST return option " + CommandParser.shorten(name));
                }
            } while (r.trySp());
        }
        r.close();
        return new ListReturnOptions(subscribed, children, specialUse, status);
    }

    /** lsub = "LSUB" SP mailbox SP list-mailbox. */
    static ImapCommand.Lsub lsub(String tag, Reader r) {
        r.sp();
        String reference = Args.name(r.astring(), r);
        r.sp();
        return new ImapCommand.Lsub(tag, reference, Args.name(r.listMailbox(), r));
    }
}
