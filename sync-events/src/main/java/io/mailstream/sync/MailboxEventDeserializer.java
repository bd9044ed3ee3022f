package io.mailstream.sync;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer ({@code value.deserializer}) producing {@link DecodedEvent}: it never
 * throws, so one bad or newer-version record cannot stall a consumer; it yields
 * {@link DecodedEvent.Resync} instead.
 */
public class MailboxEventDeserializer implements Deserializer<DecodedEvent> {

    @Override
    public DecodedEvent deserialize(String topic, byte[] data) {
        return MailboxEventCodec.decode(data);
    }
}
