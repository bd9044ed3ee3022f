package io.mailstream.imap.command;

import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.store.api.MailboxStatus;
import io.mailstream.store.api.MessageMeta;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.api.search.SearchKey;
import io.smallrye.mutiny.Uni;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One mailbox's STATUS response for STATUS and LIST-STATUS (RFC 5819), including the items the
 * store's status does not carry: APPENDLIMIT (RFC 7889 3.1, the server-wide limit) and
 * DELETED-STORAGE (RFC 9208 4.1.4, the RFC822.SIZE sum of the \Deleted messages, in KiB like
 * STORAGE, rounded up).
 */
public final class StatusLookup {
    private StatusLookup() {
    }

    public static Uni<ImapResponse> status(CommandContext ctx, String name, List<StatusItem> items) {
        return ctx.store().call(s -> s.status(ctx.userId(), name))
                .chain(st -> extras(ctx, st, items).map(extra -> StatusValues.response(name, st, items, extra)));
    }

    private static Uni<Map<StatusItem, Long>> extras(CommandContext ctx, MailboxStatus st, List<StatusItem> items) {
        Map<StatusItem, Long> extra = new EnumMap<>(StatusItem.class);
        if (items.contains(StatusItem.APPENDLIMIT)) {
            extra.put(StatusItem.APPENDLIMIT, ctx.settings().effectiveAppendLimit());
        }
        if (!items.contains(StatusItem.DELETED_STORAGE) || st.deleted() == 0) {
            extra.put(StatusItem.DELETED_STORAGE, 0L);
            return Uni.createFrom().item(extra);
        }
        return ctx.store().call(s -> s.search(ctx.userId(), st.mailboxId(), new SearchKey.Flag("\\Deleted", true)))
                .chain(uids -> uids.isEmpty() ? Uni.createFrom().item(List.<MessageMeta>of())
                        : ctx.store().call(s -> s.fetchMeta(ctx.userId(), st.mailboxId(), UidSet.ofAll(uids), false,
                                false)))
                .map(metas -> {
                    long octets = 0;
                    for (MessageMeta m : metas) {
                        octets += m.size();
                    }
                    extra.put(StatusItem.DELETED_STORAGE, QuotaResponses.kibUp(octets));
                    return extra;
                });
    }
}
