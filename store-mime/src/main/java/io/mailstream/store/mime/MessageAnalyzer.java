package io.mailstream.store.mime;

import io.mailstream.store.api.mime.BodyStructure;
import io.mailstream.store.api.mime.Envelope;
import java.util.List;

/**
 * Analyzes a raw RFC 5322 message once, at APPEND time: ENVELOPE, BODYSTRUCTURE, part offsets and
 * search fields. Pure function of the bytes; never throws on malformed input (best effort: a
 * message that cannot be parsed at all is text/plain with all its bytes as the body). Accepts
 * CRLF and bare-LF line endings; sizes, line counts and offsets are those of the given bytes.
 */
public final class MessageAnalyzer {

    /** Cap on the total characters of decoded header values kept for SEARCH HEADER. */
    public static final int MAX_SEARCH_HEADER_CHARS = 64 * 1024;
    /** Cap on the characters of decoded body text kept for SEARCH BODY / TEXT. */
    public static final int MAX_SEARCH_TEXT_CHARS = 1024 * 1024;

    private MessageAnalyzer() {
    }

    /** Analyzes {@code raw} (CRLF or bare-LF line endings). */
    public static MessageAnalysis analyze(byte[] raw) {
        Entity root;
        try {
            root = MimeWalker.parseMessage(raw, 0, new int[1]);
        } catch (RuntimeException | StackOverflowError e) {
            return unparsed(raw);
        }
        Envelope envelope = EnvelopeBuilder.build(raw, root.header);
        BodyStructure body = BodyStructureBuilder.build(root);
        return new MessageAnalysis(envelope, body, root.toIndex(), SearchExtractor.extract(root));
    }

    /** Last resort: the whole message as a text/plain body with no header. */
    private static MessageAnalysis unparsed(byte[] raw) {
        PartIndex index = new PartIndex(0, 0, raw.length, "text/plain", "7bit", List.of(), null);
        BodyStructure body = new BodyStructure.Single("TEXT", "PLAIN",
                List.of(new BodyStructure.Param("CHARSET", "US-ASCII")), null, null, "7BIT",
                raw.length, Bytes.countLines(raw, 0, raw.length), null, null, null, null, List.of(), null);
        Envelope envelope = new Envelope(null, null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, null);
        return new MessageAnalysis(envelope, body, index, new SearchFields(List.of(), null, null, ""));
    }
}
