package io.mailstream.lmtp.delivery;

import io.mailstream.lmtp.proto.MailAddress;
import io.mailstream.store.api.UserRef;

/**
 * A recipient accepted at RCPT time: the address as the client sent it, the account it resolved
 * to and the mailbox the message goes to (INBOX, or the {@code +detail} mailbox when it exists).
 */
public record Recipient(MailAddress address, UserRef user, String mailbox) {
}
