package io.mailstream.imap.command.fetch;

import io.mailstream.imap.proto.command.FetchItem;
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
