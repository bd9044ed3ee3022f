package io.mailstream.sync;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer ({@code value.serializer}) for {@link MailboxEvent}. */
public class MailboxEventSerializer implements Serializer<MailboxEvent> {

    @Override
    public byte[] serialize(String topic, MailboxEvent event) {
        return event == null ? null : MailboxEventCodec.encode(event);
    }
}
