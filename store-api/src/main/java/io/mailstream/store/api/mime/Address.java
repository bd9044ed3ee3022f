package io.mailstream.store.api.mime;

/**
 * An ENVELOPE address (RFC 9051 7.5.2 / 9 "address"): name, adl (source route, always null
 * today), mailbox and host. Group syntax (RFC 5322 3.4): a group start has {@code host == null}
 * and {@code mailbox} = the group name; a group end has both null.
 * Strings are kept as they appear in the header (encoded words left encoded).
 */
public record Address(String name, String adl, String mailbox, String host) {
}
