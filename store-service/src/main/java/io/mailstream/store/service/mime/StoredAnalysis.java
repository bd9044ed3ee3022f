package io.mailstream.store.service.mime;

import io.mailstream.store.api.mime.BodyStructure;
import io.mailstream.store.api.mime.Envelope;
import io.mailstream.store.mime.MessageAnalysis;
import io.mailstream.store.mime.MessageAnalyzer;
import io.mailstream.store.mime.PartIndex;
import io.mailstream.store.mime.SearchFields;
import io.mailstream.store.mime.sort.SortFields;
import io.mailstream.store.service.domain.Json;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What APPEND computes once from the bytes (store-mime's analysis plus the SHA-256 that names the
 * blob), in the JSON forms kept in the message document.
 */
public record StoredAnalysis(String sha256, String envelopeJson, String bodyStructureJson, String partsJson,
        String searchJson, SortFields sort) {
    private static final Logger LOG = Logger.getLogger(StoredAnalysis.class);

    /** CPU-bound (hash and MIME walk): call it on a worker thread. */
    public static StoredAnalysis of(byte[] raw) {
        MessageAnalysis a;
        try {
            a = MessageAnalyzer.analyze(raw);
        } catch (RuntimeException e) {
            // The analyzer promises a best-effort result; never lose a message over a parser bug.
            LOG.warnf(e, "message analysis failed; storing with a flat structure");
            a = flat(raw);
        }
        return new StoredAnalysis(sha256(raw), Json.write(a.envelope()), Json.write(a.bodyStructure()),
                Json.write(a.parts()), Json.write(a.search()), sortFields(a));
    }

    /** RFC 5256 / RFC 5957 sort and thread keys; never fails an append. */
    private static SortFields sortFields(MessageAnalysis a) {
        try {
            return SortFields.of(a);
        } catch (RuntimeException e) {
            LOG.warnf(e, "sort key extraction failed; storing empty keys");
            return SortFields.of(null, null);
        }
    }

    public static PartIndex parts(String json) {
        return Json.read(json, PartIndex.class);
    }

    public static SearchFields search(String json) {
        return Json.read(json, SearchFields.class);
    }

    static MessageAnalysis flat(byte[] raw) {
        PartIndex index = new PartIndex(0, 0, raw.length, "text/plain", "7bit", List.of(), null);
        BodyStructure body = new BodyStructure.Single("TEXT", "PLAIN", List.of(), null, null, "7BIT", raw.length,
                0L, null, null, null, null, List.of(), null);
        Envelope env = new Envelope(null, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                null, null);
        return new MessageAnalysis(env, body, index, new SearchFields(List.of(), null, null, ""));
    }

    public static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
