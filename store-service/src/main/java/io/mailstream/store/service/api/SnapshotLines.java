package io.mailstream.store.service.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.service.ops.SnapshotStream;
import io.smallrye.mutiny.Multi;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The wire form of a streamed SELECT: newline-delimited JSON, read by the store client.
 * <ol>
 * <li>a header object: {@code mailbox}, {@code uidValidity}, {@code uidNext}, {@code highestModSeq},
 * {@code firstRecentUid};</li>
 * <li>zero or more batch arrays of at most {@value #BATCH} messages in uid order, each message an
 * array {@code [uid, modseq, flag...]};</li>
 * <li>a trailer object {@code {"end":true,"count":n,"keywords":[...]}}: its absence means the
 * stream broke and the snapshot must not be used.</li>
 * </ol>
 */
final class SnapshotLines {
    /** Raw bytes: each element is already a line (a JSON media type would re-encode them). */
    static final String MEDIA_TYPE = "application/octet-stream";
    static final int BATCH = 256;

    private SnapshotLines() {
    }

    static Multi<byte[]> encode(SnapshotStream s, ObjectMapper json) {
        Set<String> keywords = new TreeSet<>();
        long[] count = {0};
        Multi<byte[]> head = Multi.createFrom().item(() -> {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("mailbox", s.mailbox());
            h.put("uidValidity", s.uidValidity());
            h.put("uidNext", s.uidNext());
            h.put("highestModSeq", s.highestModSeq());
            h.put("firstRecentUid", s.firstRecentUid());
            return line(json, h);
        });
        Multi<byte[]> batches = s.messages().group().intoLists().of(BATCH).map(batch -> {
            List<List<Object>> rows = new ArrayList<>(batch.size());
            for (MessageFlags f : batch) {
                List<Object> row = new ArrayList<>(2 + f.flags().size());
                row.add(f.uid());
                row.add(f.modSeq());
                row.addAll(f.flags());
                rows.add(row);
                SnapshotStream.addKeywords(keywords, f);
            }
            count[0] += batch.size();
            return line(json, rows);
        });
        Multi<byte[]> tail = Multi.createFrom().item(() -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("end", true);
            t.put("count", count[0]);
            t.put("keywords", keywords);
            return line(json, t);
        });
        return Multi.createBy().concatenating().streams(head, batches, tail);
    }

    private static byte[] line(ObjectMapper json, Object value) {
        try {
            byte[] b = json.writeValueAsBytes(value);
            byte[] out = new byte[b.length + 1];
            System.arraycopy(b, 0, out, 0, b.length);
            out[b.length] = '\n';
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a snapshot line", e);
        }
    }
}
