package io.mailstream.store.api;

import java.util.List;

/**
 * The outcome of a flag change.
 *
 * @param updated  every message in the set that exists, with its flags after the operation
 *                 (a message whose flags did not change keeps its old modseq)
 * @param modified uids not changed because of UNCHANGEDSINCE (RFC 7162 3.1.3 [MODIFIED])
 */
public record StoreFlagsResult(List<MessageFlags> updated, UidSet modified, long highestModSeq) {
}
