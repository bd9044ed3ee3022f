package io.mailstream.store.api;

/** STORE FLAGS / +FLAGS / -FLAGS (RFC 9051 6.4.6). */
public enum FlagOperation {
    REPLACE,
    ADD,
    REMOVE
}
