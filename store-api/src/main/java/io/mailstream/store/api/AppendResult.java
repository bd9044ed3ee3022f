package io.mailstream.store.api;

/** The result of a durable append (RFC 4315 APPENDUID data). */
public record AppendResult(String mailboxId, long uidValidity, long uid, long modSeq) {
}
