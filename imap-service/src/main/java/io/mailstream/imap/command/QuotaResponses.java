package io.mailstream.imap.command;

import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.store.api.Quota;
import java.util.ArrayList;
import java.util.List;

/**
 * The QUOTA data of RFC 9208 from the store's per-user {@link Quota}: one quota root per user,
 * named {@code ""} (RFC 9208 3.2, 4.2.2 example), governing every mailbox of the user.
 */
public final class QuotaResponses {
    /** The user's only quota root. */
    public static final String ROOT = "";

    private QuotaResponses() {
    }

    /**
     * RFC 9208 4.2.1: a resource without a limit is not listed. RFC 9208 5.1: STORAGE is in units
     * of 1024 octets; usage is rounded up (a started KiB is used) and the limit down, so that
     * limit - usage never promises room the store would refuse.
     */
    public static ImapResponse.Quota quota(Quota q) {
        List<ImapResponse.QuotaResource> resources = new ArrayList<>();
        if (q.storageLimit() >= 0) {
            resources.add(new ImapResponse.QuotaResource("STORAGE", kibUp(q.storageUsed()), q.storageLimit() / 1024));
        }
        if (q.messageLimit() >= 0) {
            // RFC 9208 5.2: MESSAGE is an exact count
            resources.add(new ImapResponse.QuotaResource("MESSAGE", Math.max(0, q.messagesUsed()), q.messageLimit()));
        }
        return new ImapResponse.Quota(ROOT, resources);
    }

    /** Octets to KiB, rounded up (RFC 9208 5.1 unit). */
    public static long kibUp(long octets) {
        return octets <= 0 ? 0 : (octets + 1023) / 1024;
    }
}
