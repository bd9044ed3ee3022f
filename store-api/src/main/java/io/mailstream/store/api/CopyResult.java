package io.mailstream.store.api;

import java.util.List;

/**
 * COPY/MOVE outcome (RFC 4315 COPYUID): {@code sourceUids.get(i)} became
 * {@code destinationUids.get(i)} in the destination mailbox.
 */
public record CopyResult(
        String destinationMailboxId,
        long destinationUidValidity,
        List<Long> sourceUids,
        List<Long> destinationUids,
        long sourceHighestModSeq) {
}
