package io.mailstream.imap.command.fetch;

import io.mailstream.imap.proto.command.FetchItem;
import io.mailstream.imap.proto.command.ImapCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * What a FETCH needs from the store, worked out once from its items (RFC 9051 6.4.5): metadata
 * with or without ENVELOPE / BODYSTRUCTURE, body sections, and whether it sets \Seen.
 *
 * @param items         the items in the order the response gives them (UID first for UID FETCH)
 * @param setsSeen      BODY[...], BINARY[...], RFC822 or RFC822.TEXT without .PEEK
 * @param needsSections some item reads message bytes
 */
public record FetchPlan(List<FetchItem> items, boolean envelope, boolean bodyStructure, boolean setsSeen,
        boolean needsSections, boolean flags) {

    /**
     * The items to answer: CHANGEDSINCE implies MODSEQ (RFC 7162 3.1.4.1); once CONDSTORE is
     * enabled FLAGS go with their MODSEQ (RFC 7162 3.1: mod-sequence data with flag data).
     */
    static List<FetchItem> withModSeq(ImapCommand.Fetch command, boolean condstore) {
        List<FetchItem> items = new ArrayList<>(command.items());
        if (command.changedSince() != null || (condstore && items.contains(FetchItem.FLAGS))) {
            addMissing(items, FetchItem.MODSEQ);
        }
        return items;
    }

    static void addMissing(List<FetchItem> items, FetchItem item) {
        if (!items.contains(item)) {
            items.add(item);
        }
    }

    public static FetchPlan of(List<FetchItem> requested, boolean uidCommand) {
        List<FetchItem> items = new ArrayList<>();
        // RFC 9051 6.4.9: UID FETCH responses always include the UID.
        if (uidCommand && !requested.contains(FetchItem.UID)) {
            items.add(FetchItem.UID);
        }
        boolean env = false;
        boolean bs = false;
        boolean seen = false;
        boolean sections = false;
        boolean flags = false;
        for (FetchItem i : requested) {
            if (items.contains(i)) {
                continue;
            }
            items.add(i);
            env |= i instanceof FetchItem.Envelope;
            bs |= i instanceof FetchItem.BodyStructure || i instanceof FetchItem.Body;
            flags |= i instanceof FetchItem.Flags;
            seen |= (i instanceof FetchItem.BodySection s && !s.peek()) || (i instanceof FetchItem.Binary b && !b.peek())
                    || i instanceof FetchItem.Rfc822 || i instanceof FetchItem.Rfc822Text;
            sections |= i instanceof FetchItem.BodySection || i instanceof FetchItem.Binary
                    || i instanceof FetchItem.BinarySize || i instanceof FetchItem.Rfc822
                    || i instanceof FetchItem.Rfc822Header || i instanceof FetchItem.Rfc822Text;
        }
        return new FetchPlan(List.copyOf(items), env, bs, seen, sections, flags);
    }
}
