package io.mailstream.sync;

/**
 * What a consumer gets for one record: an event it understands, or a request to resync the
 * mailbox (or the whole user when the mailbox is unknown) because the record has a schema
 * version this library does not know or could not be decoded.
 */
public sealed interface DecodedEvent {

    record Known(MailboxEvent event) implements DecodedEvent {
    }

    /**
     * @param schemaVersion the version found, or -1 when there was none
     * @param userId        the user if it could be read, else null (the record key has it too)
     * @param mailboxId     the mailbox if it could be read, else null
     */
    record Resync(int schemaVersion, String userId, String mailboxId, String reason) implements DecodedEvent {
    }
}
