package io.mailstream.store.mime;

import io.mailstream.store.api.mime.BodyStructure;
import io.mailstream.store.api.mime.Envelope;
import java.util.ArrayList;
import java.util.List;

/**
 * BODYSTRUCTURE (RFC 9051 7.5.2, 9 body) of an entity tree, extension data included.
 *
 * <p>A multipart without parts (no delimiter found, or only a close delimiter) cannot be written:
 * the formal syntax needs at least one body (body-type-mpart = 1*body), so it gets one empty
 * text/plain part, as Dovecot does. That part does not exist in the {@link PartIndex}, so
 * BODY[1] of it is empty, which is what the structure says.
 */
final class BodyStructureBuilder {

    static final BodyStructure EMPTY_PART = new BodyStructure.Single("TEXT", "PLAIN",
            List.of(new BodyStructure.Param("CHARSET", "US-ASCII")), null, null, "7BIT", 0, 0L,
            null, null, null, null, List.of(), null);

    private BodyStructureBuilder() {
    }

    static BodyStructure build(Entity e) {
        ContentInfo c = e.content;
        if (c.isMultipart() && e.multipartParsed) {
            List<BodyStructure> parts = new ArrayList<>(e.children.size());
            for (Entity child : e.children) {
                parts.add(build(child));
            }
            if (parts.isEmpty()) {
                parts.add(EMPTY_PART);
            }
            return new BodyStructure.Multi(parts, c.subtype(), c.params(), c.disposition(),
                    c.language(), c.location());
        }
        long size = e.bodyEnd - e.bodyStart();
        Long lines = null;
        Envelope envelope = null;
        BodyStructure body = null;
        Entity inner = e.encapsulated();
        if (c.isText()) {
            lines = Bytes.countLines(e.buf, e.bodyStart(), e.bodyEnd);
        } else if (c.isMessage() && inner != null) {
            lines = Bytes.countLines(e.buf, e.bodyStart(), e.bodyEnd);
            envelope = EnvelopeBuilder.build(inner.buf, inner.header);
            body = build(inner);
        }
        String type = c.type();
        String subtype = c.subtype();
        if (c.isMultipart() || (c.isMessage() && inner == null)) {
            // Left opaque (nesting limit): describe it as what it is to a client, raw octets.
            type = "APPLICATION";
            subtype = "OCTET-STREAM";
        }
        return new BodyStructure.Single(type, subtype, c.params(), c.id(), c.description(),
                c.bodyEncoding(), size, lines, envelope, body, c.md5(), c.disposition(),
                c.language(), c.location());
    }
}
