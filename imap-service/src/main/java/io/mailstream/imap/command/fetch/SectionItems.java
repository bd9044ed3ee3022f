package io.mailstream.imap.command.fetch;

import io.mailstream.imap.proto.command.FetchItem;
import io.mailstream.imap.proto.response.FetchAttribute;
import io.mailstream.imap.proto.response.NString;
import io.mailstream.imap.store.StoreAccess;
import io.mailstream.store.api.SectionBody;
import io.mailstream.store.api.SectionRequest;
import io.mailstream.store.api.SectionSpec;
import io.smallrye.mutiny.Uni;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * FETCH items that read message bytes (RFC 9051 6.4.5): BODY[section]&lt;partial&gt;, BODY.PEEK,
 * BINARY[part], BINARY.PEEK, BINARY.SIZE and the RFC 3501 RFC822 items. Section bytes are
 * streamed from the store into the literal, never held whole in memory.
 */
final class SectionItems {
    /** Decoded BINARY data up to this size is read first, to send it as a string when it has no NUL. */
    private static final long BINARY_INSPECT_LIMIT = 64 * 1024;

    private SectionItems() {
    }

    static Uni<FetchAttribute> attribute(FetchItem item, long uid, String userId, String mailboxId,
            StoreAccess store) {
        if (item instanceof FetchItem.BodySection s) {
            FetchItem.Partial p = s.partial();
            return section(store, userId, mailboxId, uid, s.section(), false, p)
                    .map(b -> new FetchAttribute.BodySection(s.section(), p == null ? null : p.offset(), streamed(b)));
        }
        if (item instanceof FetchItem.Binary b) {
            FetchItem.Partial p = b.partial();
            return section(store, userId, mailboxId, uid, whole(b.part()), true, p)
                    .chain(body -> store.onContext(binaryData(body)))
                    .map(d -> new FetchAttribute.Binary(b.part(), p == null ? null : p.offset(), d));
        }
        if (item instanceof FetchItem.BinarySize b) {
            return section(store, userId, mailboxId, uid, whole(b.part()), true, null).map(body -> {
                body.content().subscribe().with(x -> { }, e -> { }).cancel();
                return new FetchAttribute.BinarySize(b.part(), body.size());
            });
        }
        if (item instanceof FetchItem.Rfc822) {
            return section(store, userId, mailboxId, uid, SectionSpec.whole(), false, null)
                    .map(b -> new FetchAttribute.Rfc822(streamed(b)));
        }
        if (item instanceof FetchItem.Rfc822Header) {
            return section(store, userId, mailboxId, uid, text(SectionSpec.Text.HEADER), false, null)
                    .map(b -> new FetchAttribute.Rfc822Header(streamed(b)));
        }
        if (item instanceof FetchItem.Rfc822Text) {
            return section(store, userId, mailboxId, uid, text(SectionSpec.Text.TEXT), false, null)
                    .map(b -> new FetchAttribute.Rfc822Text(streamed(b)));
        }
        return Uni.createFrom().failure(new IllegalStateException("not a section item: " + item));
    }

    private static Uni<SectionBody> section(StoreAccess store, String userId, String mailboxId, long uid,
            SectionSpec spec, boolean binary, FetchItem.Partial p) {
        SectionRequest req = new SectionRequest(uid, spec, binary, p == null ? 0 : p.offset(),
                p == null ? -1 : p.length());
        return store.call(s -> s.fetchSection(userId, mailboxId, req));
    }

    private static NString streamed(SectionBody body) {
        return new NString.Streamed(body.size(), false, body);
    }

    /** RFC 9051 7.5.2: decoded data without NUL SHOULD go as a string, with NUL as literal8. */
    private static Uni<NString> binaryData(SectionBody body) {
        if (body.size() > BINARY_INSPECT_LIMIT) {
            return Uni.createFrom().item(new NString.Streamed(body.size(), true, body));
        }
        return body.content().collect().in(ByteArrayOutputStream::new, (out, chunk) -> out.writeBytes(chunk))
                .map(out -> new NString.Bytes(out.toByteArray()));
    }

    private static SectionSpec whole(List<Integer> part) {
        return new SectionSpec(part, SectionSpec.Text.FULL, List.of());
    }

    private static SectionSpec text(SectionSpec.Text t) {
        return new SectionSpec(List.of(), t, List.of());
    }
}
