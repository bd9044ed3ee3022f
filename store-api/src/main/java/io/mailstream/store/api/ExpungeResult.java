package io.mailstream.store.api;

/** Uids removed by an expunge, and the mailbox's mod-sequence after it. */
public record ExpungeResult(UidSet expunged, long highestModSeq) {
}
