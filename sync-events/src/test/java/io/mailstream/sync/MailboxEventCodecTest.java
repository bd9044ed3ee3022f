package io.mailstream.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailboxEventCodecTest {

    private static final List<MailboxEvent> SAMPLES = List.of(
            MailboxEvent.MessagesAppended.of("u1", "m1", 7, Map.of(3L, List.of("\\Seen"), 4L, List.of())),
            MailboxEvent.FlagsChanged.of("u1", "m1", 8, Map.of(3L, List.of("\\Seen", "$Forwarded"))),
            MailboxEvent.MessagesExpunged.of("u1", "m1", 9, List.of(3L, 4L)),
            MailboxEvent.MailboxCreated.of("u1", "m2", 0, "Projects/Ünïcode"),
            MailboxEvent.MailboxDeleted.of("u1", "m2", 3, "Projects", true),
            MailboxEvent.MailboxRenamed.of("u1", "m2", 3, "Projects", "Archive/Projects"),
            MailboxEvent.SubscriptionChanged.of("u1", null, 0, "Later", true));

    @Test
    void everyEventTypeRoundTrips() {
        for (MailboxEvent e : SAMPLES) {
            byte[] json = MailboxEventCodec.encode(e);
            assertThat(MailboxEventCodec.decode(json)).isEqualTo(new DecodedEvent.Known(e));
        }
    }

    @Test
    void kafkaSerdeRoundTrips() {
        var ser = new MailboxEventSerializer();
        var de = new MailboxEventDeserializer();
        for (MailboxEvent e : SAMPLES) {
            assertThat(de.deserialize(Topics.MAILBOX_EVENTS, ser.serialize(Topics.MAILBOX_EVENTS, e)))
                    .isEqualTo(new DecodedEvent.Known(e));
        }
    }

    @Test
    void wireFormatCarriesVersionTypeAndIds() {
        String json = new String(MailboxEventCodec.encode(SAMPLES.get(0)), StandardCharsets.UTF_8);
        assertThat(json).contains("\"type\":\"MessagesAppended\"", "\"schemaVersion\":1", "\"userId\":\"u1\"",
                "\"mailboxId\":\"m1\"", "\"modSeq\":7", "\"messages\":{\"3\":[\"\\\\Seen\"],\"4\":[]}");
    }

    @Test
    void unknownSchemaVersionAsksForResync() {
        byte[] json = """
                {"type":"MessagesAppended","schemaVersion":2,"userId":"u1","mailboxId":"m1","modSeq":7,
                 "messages":{"3":["\\\\Seen"]},"threadHint":"x"}
                """.getBytes(StandardCharsets.UTF_8);
        assertThat(MailboxEventCodec.decode(json))
                .isEqualTo(new DecodedEvent.Resync(2, "u1", "m1", "unsupported schema version 2"));
    }

    @Test
    void unknownTypeOrGarbageAsksForResyncWithoutThrowing() {
        byte[] unknownType = "{\"type\":\"Teleported\",\"schemaVersion\":1,\"userId\":\"u1\",\"mailboxId\":\"m1\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(MailboxEventCodec.decode(unknownType)).isInstanceOfSatisfying(DecodedEvent.Resync.class,
                r -> assertThat(r.userId()).isEqualTo("u1"));
        assertThat(MailboxEventCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DecodedEvent.Resync.class);
        assertThat(MailboxEventCodec.decode("{\"userId\":\"u1\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new DecodedEvent.Resync(-1, "u1", null, "no schemaVersion"));
        assertThat(new MailboxEventDeserializer().deserialize("t", null)).isInstanceOf(DecodedEvent.Resync.class);
    }

    @Test
    void unknownFieldsOfTheCurrentVersionAreIgnored() {
        byte[] json = ("{\"type\":\"MessagesExpunged\",\"schemaVersion\":1,\"userId\":\"u1\",\"mailboxId\":\"m1\","
                + "\"modSeq\":5,\"uids\":[2],\"origin\":\"pop3\"}").getBytes(StandardCharsets.UTF_8);
        assertThat(MailboxEventCodec.decode(json))
                .isEqualTo(new DecodedEvent.Known(MailboxEvent.MessagesExpunged.of("u1", "m1", 5, List.of(2L))));
    }
}
