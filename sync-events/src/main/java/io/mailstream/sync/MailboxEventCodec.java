package io.mailstream.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON encoding of {@link MailboxEvent}s (UTF-8), the payload of the mailbox-events topic. */
public final class MailboxEventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            // Newer writers of the same schema version may add fields; ignore them.
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private MailboxEventCodec() {
    }

    public static byte[] encode(MailboxEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Never throws: anything it cannot use becomes {@link DecodedEvent.Resync}. */
    public static DecodedEvent decode(byte[] data) {
        if (data == null || data.length == 0) {
            return new DecodedEvent.Resync(-1, null, null, "empty record");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(data);
        } catch (IOException e) {
            return new DecodedEvent.Resync(-1, null, null, "not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            return new DecodedEvent.Resync(-1, null, null, "not a JSON object");
        }
        String userId = text(node, "userId");
        String mailboxId = text(node, "mailboxId");
        JsonNode version = node.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            return new DecodedEvent.Resync(-1, userId, mailboxId, "no schemaVersion");
        }
        int v = version.intValue();
        if (v != MailboxEvent.SCHEMA_VERSION) {
            return new DecodedEvent.Resync(v, userId, mailboxId, "unsupported schema version " + v);
        }
        try {
            return new DecodedEvent.Known(MAPPER.treeToValue(node, MailboxEvent.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new DecodedEvent.Resync(v, userId, mailboxId, "undecodable event: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }
}
