package io.mailstream.store.api;

import java.util.List;

/**
 * Changes to a mailbox after a mod-sequence (RFC 7162): messages added or whose flags changed,
 * and uids expunged (from tombstones), up to {@code highestModSeq}, a stable mod-sequence:
 * nothing at or below it can still appear later.
 *
 * @param tombstonesTruncated tombstones older than the requested modseq were purged, so
 *                            {@code expunged} may be incomplete; the caller must do a full resync
 */
public record Changes(
        long highestModSeq,
        long uidNext,
        List<MessageFlags> changed,
        UidSet expunged,
        boolean tombstonesTruncated) {
}
