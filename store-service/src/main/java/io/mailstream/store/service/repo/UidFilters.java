package io.mailstream.store.service.repo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import io.mailstream.store.api.UidRange;
import io.mailstream.store.api.UidSet;
import io.mailstream.store.service.domain.MessageDoc;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/** MongoDB filters for uid sets of one mailbox. */
public final class UidFilters {
    /** Above this many ranges the query uses the covering range and the caller filters exactly. */
    public static final int MAX_RANGES = 64;

    private UidFilters() {
    }

    /**
     * Messages of the mailbox with {@code uid < uidLimit} (the stable uidNext: in-flight appends
     * stay invisible) and, when {@code uids} is not null, in the set (or its covering range when
     * the set has many ranges: check {@link #exact} then).
     */
    public static Bson of(String mailboxId, UidSet uids, long uidLimit) {
        List<Bson> parts = new ArrayList<>();
        parts.add(eq(MessageDoc.MAILBOX_ID, mailboxId));
        parts.add(lt(MessageDoc.UID, uidLimit));
        if (uids != null) {
            List<UidRange> r = uids.ranges();
            if (r.isEmpty()) {
                parts.add(lt(MessageDoc.UID, 0L));
            } else if (r.size() <= MAX_RANGES) {
                List<Bson> ors = new ArrayList<>();
                for (UidRange range : r) {
                    ors.add(range.first() == range.last() ? eq(MessageDoc.UID, range.first())
                            : and(gte(MessageDoc.UID, range.first()), lte(MessageDoc.UID, range.last())));
                }
                parts.add(ors.size() == 1 ? ors.get(0) : or(ors));
            } else {
                parts.add(gte(MessageDoc.UID, r.get(0).first()));
                parts.add(lte(MessageDoc.UID, r.get(r.size() - 1).last()));
            }
        }
        return and(parts);
    }

    /** Up to this many uids a set is looked up by document id (point lookups on the _id index). */
    public static final int MAX_POINT_LOOKUPS = 1000;

    /**
     * A query for the messages of a uid set: the MongoDB filter and the exact in-memory check to
     * apply to what it returns. Small sets become {@code _id $in [...]}: message ids are
     * {@code mailboxId:uid}, so this is a set of point lookups on the primary key, which every
     * server (the embedded one included) answers from its index.
     */
    public record UidQuery(Bson filter, boolean byId, java.util.function.Predicate<org.bson.Document> exact) {
    }

    public static UidQuery query(String mailboxId, UidSet uids, long uidLimit) {
        if (uids.size() <= MAX_POINT_LOOKUPS) {
            List<String> ids = new ArrayList<>();
            for (UidRange r : uids.ranges()) {
                for (long u = r.first(); u <= r.last() && u < uidLimit; u++) {
                    ids.add(MessageDoc.id(mailboxId, u));
                }
            }
            return new UidQuery(com.mongodb.client.model.Filters.in("_id", ids), true,
                    d -> MessageDoc.uid(d) < uidLimit);
        }
        return new UidQuery(of(mailboxId, uids, uidLimit), false,
                d -> MessageDoc.uid(d) < uidLimit && uids.contains(MessageDoc.uid(d)));
    }
}
