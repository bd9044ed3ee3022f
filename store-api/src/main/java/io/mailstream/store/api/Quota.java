package io.mailstream.store.api;

/** RFC 9208 STORAGE (bytes here; IMAP reports KiB) and MESSAGE resources; limit -1 = none. */
public record Quota(long storageUsed, long storageLimit, long messagesUsed, long messageLimit) {
}
