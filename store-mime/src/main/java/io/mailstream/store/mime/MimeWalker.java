package io.mailstream.store.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the entity tree of a message with exact byte offsets.
 *
 * <p>mime4j's streaming parser (MimeTokenStream / MimeStreamParser) reports structure and body
 * descriptors but no byte positions (it reads through a buffer; only line numbers are tracked,
 * for error messages), so the boundaries are found here on the raw bytes, while field values
 * (Content-Type parameters, addresses, encoded words, dates) go through mime4j's field parsers.
 *
 * <p>Delimiter rules (RFC 2046 5.1.1), decided on purpose where messages break them:
 * <ul>
 *   <li>A delimiter is a line starting with "--" + boundary; anything after the boundary on that
 *       line is ignored (transport padding, or junk: "it is sufficient that the boundary appear in
 *       its entirety following the CRLF"). "--" right after the boundary makes a close delimiter.</li>
 *   <li>The line break before a delimiter belongs to the delimiter, not to the part.</li>
 *   <li>Every enclosing boundary is checked on every line; the longest matching boundary wins
 *       (an outer "ab" is not taken for an inner "a"), the innermost on a tie (a boundary reused
 *       by a nested multipart belongs to the nested one).</li>
 *   <li>A delimiter of an enclosing multipart ends the inner multiparts that have no close
 *       delimiter; the end of the data ends everything.</li>
 *   <li>Text after a close delimiter (the epilogue) is scanned for enclosing delimiters only.</li>
 *   <li>A multipart with no delimiter at all has no parts (its body is all preamble).</li>
 * </ul>
 * Nesting is bounded ({@link #MAX_DEPTH}) and so is the number of parts ({@link #MAX_PARTS});
 * beyond, multiparts and encapsulated messages are left as opaque leaves.
 */
final class MimeWalker {

    static final int MAX_DEPTH = 64;
    static final int MAX_PARTS = 10_000;

    private record Match(int level, int lineStart, int lineEnd, boolean close) {
    }

    private final byte[] buf;
    private final int limit;
    private final List<byte[]> boundaries = new ArrayList<>();
    private final int[] partCount;
    private Match stop;

    private MimeWalker(byte[] buf, int[] partCount) {
        this.buf = buf;
        this.limit = buf.length;
        this.partCount = partCount;
    }

    /** Parses a whole message (top level, or decoded encapsulated content). */
    static Entity parseMessage(byte[] buf, int depth, int[] partCount) {
        return new MimeWalker(buf, partCount).parseEntity(0, false, true, depth);
    }

    /**
     * Parses the entity starting at {@code start}: header, then body up to the next delimiter of
     * an enclosing multipart (left in {@link #stop}) or the end of the data.
     */
    private Entity parseEntity(int start, boolean digestChild, boolean topLevel, int depth) {
        HeaderParser.DelimiterCheck check = boundaries.isEmpty() ? null : pos -> match(pos) != null;
        HeaderParser.Header header = HeaderParser.parse(buf, start, limit, topLevel, check);
        ContentInfo content = ContentInfo.of(buf, header, digestChild);
        Entity e = new Entity(buf, start, header, content);
        partCount[0]++;
        if (header.endsAtDelimiter()) {
            stop = match(header.delimiterLine());
            return e;
        }
        boolean deep = depth >= MAX_DEPTH || partCount[0] >= MAX_PARTS;
        if (content.isMultipart() && !deep) {
            parseMultipart(e, depth);
        } else if (content.isMessage() && content.isIdentityEncoding() && !deep) {
            e.message = parseEntity(e.bodyStart(), false, false, depth + 1);
            e.bodyEnd = e.message.bodyEnd;
        } else {
            scanLeaf(e);
            if (content.isMessage() && !deep) {
                e.decodedMessage = decodeEncapsulated(e, depth);
            }
        }
        return e;
    }

    private void scanLeaf(Entity e) {
        int pos = e.bodyStart();
        while (pos < limit) {
            Match m = match(pos);
            if (m != null) {
                end(e, m);
                return;
            }
            pos = Bytes.lineEnd(buf, pos, limit);
        }
        e.bodyEnd = limit;
        stop = null;
    }

    private void parseMultipart(Entity e, int depth) {
        byte[] boundary = e.content.param("boundary").getBytes(StandardCharsets.ISO_8859_1);
        boolean digest = e.content.subtype().equalsIgnoreCase("digest");
        e.multipartParsed = true;
        boundaries.add(boundary);
        int level = boundaries.size() - 1;
        int pos = e.bodyStart();
        Match m = null;
        while (pos < limit && (m = match(pos)) == null) {
            pos = Bytes.lineEnd(buf, pos, limit); // preamble
        }
        while (m != null && m.level() == level && !m.close()) {
            Entity child = parseEntity(m.lineEnd(), digest, false, depth + 1);
            e.children.add(child);
            m = stop;
        }
        boundaries.remove(level);
        if (m == null) {
            e.bodyEnd = limit;
            stop = null;
            return;
        }
        if (m.level() < level) {
            end(e, m); // an enclosing delimiter ends this multipart: no close delimiter
            return;
        }
        // Our close delimiter: the epilogue runs to the next enclosing delimiter.
        pos = m.lineEnd();
        while (pos < limit) {
            Match outer = match(pos);
            if (outer != null) {
                end(e, outer);
                return;
            }
            pos = Bytes.lineEnd(buf, pos, limit);
        }
        e.bodyEnd = limit;
        stop = null;
    }

    /** The body of {@code e} ends before the line break that precedes delimiter {@code m}. */
    private void end(Entity e, Match m) {
        int end = m.lineStart() - Bytes.eolBefore(buf, m.lineStart(), 0);
        e.bodyEnd = Math.max(e.bodyStart(), end);
        stop = m;
    }

    /** The delimiter (of any enclosing multipart) on the line starting at {@code pos}, or null. */
    private Match match(int pos) {
        if (boundaries.isEmpty() || pos + 2 > limit || buf[pos] != '-' || buf[pos + 1] != '-') {
            return null;
        }
        int best = -1;
        int bestLen = -1;
        for (int level = boundaries.size() - 1; level >= 0; level--) {
            byte[] b = boundaries.get(level);
            if (b.length > bestLen && Bytes.startsWith(buf, pos + 2, limit, b)) {
                best = level;
                bestLen = b.length;
            }
        }
        if (best < 0) {
            return null;
        }
        int after = pos + 2 + bestLen;
        boolean close = after + 1 < limit && buf[after] == '-' && buf[after + 1] == '-';
        return new Match(best, pos, Bytes.lineEnd(buf, pos, limit), close);
    }

    /**
     * RFC 2046 5.2.1 forbids transfer-encoding message/rfc822, but it is seen in the wild: the
     * encapsulated message is decoded and parsed on its own so ENVELOPE and BODYSTRUCTURE still
     * describe it (its sections are not addressable in the stored bytes).
     */
    private Entity decodeEncapsulated(Entity e, int depth) {
        try {
            byte[] body = java.util.Arrays.copyOfRange(buf, e.bodyStart(), e.bodyEnd);
            byte[] decoded = Sections.decodeBinary(body, e.content.encoding());
            return parseMessage(decoded, depth + 1, partCount);
        } catch (UnknownTransferEncodingException ex) {
            return null;
        }
    }
}
