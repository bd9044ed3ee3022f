package io.mailstream.pop3.proto;

/** Extended response codes: RFC 2449 8 (RESP-CODES) and RFC 3206 (AUTH-RESP-CODE). */
public enum RespCode {
    /** RFC 2449 8.1.2: authenticated, but the maildrop is locked by another session. */
    IN_USE("IN-USE"),
    /** RFC 2449 8.1.1. */
    LOGIN_DELAY("LOGIN-DELAY"),
    /** RFC 3206 4: a temporary system problem; the client may try again later. */
    SYS_TEMP("SYS/TEMP"),
    /** RFC 3206 4: a permanent system problem. */
    SYS_PERM("SYS/PERM"),
    /** RFC 3206 5: the credentials (or the way they were sent) are the problem. */
    AUTH("AUTH");

    private final String wire;

    RespCode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
