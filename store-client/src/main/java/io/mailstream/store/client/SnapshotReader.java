package io.mailstream.store.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailstream.store.api.MailboxInfo;
import io.mailstream.store.api.MailboxSnapshot;
import io.mailstream.store.api.MessageFlags;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the streamed SELECT answer line by line (newline-delimited JSON: a header object,
 * batches of {@code [uid, modseq, flag...]} arrays, a trailer object with the count and the
 * keywords). The snapshot is usable only when the trailer arrived and the count matches.
 */
final class SnapshotReader implements HttpCalls.LineSink<MailboxSnapshot> {
    private JsonNode header;
    private final List<MessageFlags> messages = new ArrayList<>();
    private JsonNode trailer;

    @Override
    public void line(Buffer line) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line.getBytes());
        } catch (IOException e) {
            throw bad("unreadable line: " + e.getMessage());
        }
        if (trailer != null) {
            throw bad("data after the end of the snapshot");
        }
        if (header == null) {
            if (!node.isObject()) {
                throw bad("no header");
            }
            header = node;
        } else if (node.isArray()) {
            for (JsonNode row : node) {
                messages.add(message(row));
            }
        } else if (node.isObject() && node.path("end").asBoolean()) {
            trailer = node;
        } else {
            throw bad("unexpected line");
        }
    }

    @Override
    public MailboxSnapshot finish() {
        if (header == null || trailer == null) {
            throw new StoreException(StoreErrorCode.UNAVAILABLE, "the store's SELECT answer ended early");
        }
        if (trailer.path("count").asLong(-1) != messages.size()) {
            throw bad("count mismatch");
        }
        Set<String> keywords = new LinkedHashSet<>();
        trailer.path("keywords").forEach(k -> keywords.add(k.asText()));
        MailboxInfo mailbox;
        try {
            mailbox = Json.MAPPER.treeToValue(header.get("mailbox"), MailboxInfo.class);
        } catch (IOException e) {
            throw bad("bad mailbox: " + e.getMessage());
        }
        return new MailboxSnapshot(mailbox, header.path("uidValidity").asLong(), header.path("uidNext").asLong(),
                header.path("highestModSeq").asLong(), header.path("firstRecentUid").asLong(), keywords, messages);
    }

    private static MessageFlags message(JsonNode row) {
        if (!row.isArray() || row.size() < 2) {
            throw bad("bad message row");
        }
        Set<String> flags = new LinkedHashSet<>();
        for (int i = 2; i < row.size(); i++) {
            flags.add(row.get(i).asText());
        }
        return new MessageFlags(row.get(0).asLong(), flags, row.get(1).asLong());
    }

    private static StoreException bad(String what) {
        return new StoreException(StoreErrorCode.SERVERBUG, "unexpected SELECT answer from the store: " + what);
    }
}
