package io.mailstream.store.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Parse tree node (internal, mutable while the walker builds it): a message, a MIME part or an
 * encapsulated message, with its header and byte offsets into {@link #buf}.
 */
final class Entity {

    final byte[] buf;
    final int headerStart;
    final HeaderParser.Header header;
    final ContentInfo content;
    int bodyEnd;
    final List<Entity> children = new ArrayList<>();
    /** True once a multipart body has been split into {@link #children}. */
    boolean multipartParsed;
    /** message/rfc822 parsed in place: the encapsulated message (offsets in the same buffer). */
    Entity message;
    /** message/rfc822 with a transfer encoding: the decoded message, in its own buffer. */
    Entity decodedMessage;

    Entity(byte[] buf, int headerStart, HeaderParser.Header header, ContentInfo content) {
        this.buf = buf;
        this.headerStart = headerStart;
        this.header = header;
        this.content = content;
        this.bodyEnd = header.bodyStart();
    }

    int bodyStart() {
        return header.bodyStart();
    }

    /** The encapsulated message, whether parsed in place or from decoded content. */
    Entity encapsulated() {
        return message != null ? message : decodedMessage;
    }

    PartIndex toIndex() {
        List<PartIndex> parts = new ArrayList<>(children.size());
        for (Entity c : children) {
            parts.add(c.toIndex());
        }
        return new PartIndex(headerStart, bodyStart(), bodyEnd, content.mediaType(), content.encoding(),
                parts, message == null ? null : message.toIndex());
    }
}
