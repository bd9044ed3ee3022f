package io.mailstream.store.mime.sort;

import io.mailstream.store.api.mime.Address;
import io.mailstream.store.api.mime.Envelope;
import io.mailstream.store.mime.MessageAnalysis;
import io.mailstream.store.mime.SearchFields;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;

/**
 * What SORT (RFC 5256 3, RFC 5957) and THREAD (RFC 5256 3) need of one message, computed at
 * append from the analysis (ENVELOPE and search fields, so it can be recomputed for stored
 * messages without their bytes). String keys are {@link Collation#key collation keys}.
 *
 * @param subject     base subject (RFC 5256 2.1), case-mapped
 * @param from        addr-mailbox of the first From address (RFC 5256 3 FROM), case-mapped
 * @param to          same for To
 * @param cc          same for Cc
 * @param displayFrom RFC 5957 3 DISPLAY sort value of the first From address, case-mapped
 * @param displayTo   same for To
 * @param sentAt      sent date (RFC 5256 2.2) or null when the Date: field has no valid date;
 *                    the store then uses the internal date
 * @param messageId   normalized Message-ID or null
 * @param references  the references of RFC 5256 3 REFERENCES: the References ids, else the
 *                    first In-Reply-To id, else empty
 * @param reply       base-subject extraction removed a reply/forward marker
 */
public record SortFields(String subject, String from, String to, String cc, String displayFrom, String displayTo,
        Instant sentAt, String messageId, List<String> references, boolean reply) {

    public SortFields {
        references = references == null ? List.of() : List.copyOf(references);
    }

    public static SortFields of(MessageAnalysis a) {
        return of(a.envelope(), a.search());
    }

    public static SortFields of(Envelope env, SearchFields search) {
        BaseSubject base = BaseSubject.of(decode(env == null ? null : env.subject()));
        List<Address> from = env == null ? List.of() : env.from();
        List<Address> to = env == null ? List.of() : env.to();
        List<Address> cc = env == null ? List.of() : env.cc();
        String messageId = env == null ? null : MessageIds.first(env.messageId());
        List<String> refs = MessageIds.all(joined(search, "references"), MessageIds.MAX_REFERENCES);
        if (refs.isEmpty()) {
            // RFC 5256 3: no (valid) References: the first valid In-Reply-To id is the only one
            String parent = MessageIds.first(env == null ? null : env.inReplyTo());
            refs = parent == null ? List.of() : List.of(parent);
        }
        return new SortFields(Collation.key(base.text()), Collation.key(mailbox(from)), Collation.key(mailbox(to)),
                Collation.key(mailbox(cc)), Collation.key(display(from)), Collation.key(display(to)),
                sentAt(search), messageId, refs, base.reply());
    }

    /** RFC 5256 2.2: the Date: field in UTC; a valid date without a valid time is 00:00:00 UTC. */
    private static Instant sentAt(SearchFields search) {
        if (search == null) {
            return null;
        }
        if (search.sentAt() != null) {
            return search.sentAt();
        }
        return search.sentDate() == null ? null : search.sentDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String joined(SearchFields search, String field) {
        if (search == null) {
            return null;
        }
        List<String> v = search.values(field);
        return v.isEmpty() ? null : String.join(" ", v);
    }

    /** The first real address (group markers skipped). */
    private static Address first(List<Address> list) {
        for (Address a : list) {
            if (a.host() != null) {
                return a;
            }
        }
        return null;
    }

    /** RFC 5256 3: the [IMAP] addr-mailbox of the first address; empty when absent. */
    private static String mailbox(List<Address> list) {
        Address a = first(list);
        return a == null || a.mailbox() == null ? "" : a.mailbox();
    }

    /**
     * RFC 5957 3: the decoded addr-name if not empty, else addr-mailbox@addr-host, else
     * addr-mailbox, else the empty string.
     */
    private static String display(List<Address> list) {
        Address a = first(list);
        if (a == null) {
            return "";
        }
        String name = decode(a.name());
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        if (a.mailbox() != null && a.host() != null && !a.host().isEmpty()) {
            return a.mailbox() + "@" + a.host();
        }
        return a.mailbox() == null ? "" : a.mailbox();
    }

    /** RFC 2047 decoding (RFC 5256 2.1 step 1, RFC 5957 3); bad words stay as written. */
    static String decode(String value) {
        if (value == null) {
            return null;
        }
        try {
            return DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
        } catch (RuntimeException e) {
            return value;
        }
    }
}
