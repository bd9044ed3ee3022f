package io.mailstream.store.api;

/**
 * Machine-readable error codes of the store API. Front-ends map them to RFC 5530 IMAP
 * response codes, RFC 2449/3206 POP3 response codes and RFC 3463 LMTP enhanced status codes.
 */
public enum StoreErrorCode {
    /** The mailbox or message does not exist (RFC 5530 NONEXISTENT). */
    NONEXISTENT,
    /** The mailbox already exists (RFC 5530 ALREADYEXISTS). */
    ALREADYEXISTS,
    /** Storage or message-count quota exceeded (RFC 9208 OVERQUOTA). */
    OVERQUOTA,
    /** The message is larger than the configured maximum (RFC 5530 TOOBIG). */
    TOOBIG,
    /** A server limit was reached (RFC 5530 LIMIT). */
    LIMIT,
    /** A dependency (database) is unavailable; try again later (RFC 5530 UNAVAILABLE). */
    UNAVAILABLE,
    /** The operation cannot be done, e.g. deleting INBOX (RFC 5530 CANNOT). */
    CANNOT,
    /** Username or password wrong (RFC 5530 AUTHENTICATIONFAILED). */
    AUTHENTICATIONFAILED,
    /** The POP3 maildrop is locked by another session (RFC 2449 IN-USE). */
    INUSE,
    /** The request itself is malformed (bad uid set, bad flag, unknown search key). */
    BADREQUEST,
    /**
     * BINARY of a part whose Content-Transfer-Encoding the store cannot decode (RFC 3516 4.3
     * [UNKNOWN-CTE]).
     */
    UNKNOWNCTE,
    /** The caller (front-end) did not present a valid service secret. */
    UNAUTHORIZED,
    /** A bug in the store; the request may or may not have taken effect. */
    SERVERBUG
}
