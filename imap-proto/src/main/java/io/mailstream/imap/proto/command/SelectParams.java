package io.mailstream.imap.proto.command;

import io.mailstream.imap.proto.types.SequenceSet;

/**
 * SELECT/EXAMINE parameters of RFC 7162: CONDSTORE (3.1.8) and QRESYNC (3.2.5).
 *
 * @param qresync null when absent
 */
public record SelectParams(boolean condstore, Qresync qresync) {

    public static final SelectParams NONE = new SelectParams(false, null);

    /**
     * {@code QRESYNC (uidvalidity modseq [known-uids [(seq-match-msns seq-match-uids)]])}.
     *
     * @param knownUids      null when absent
     * @param seqMatchMsns   null when absent
     * @param seqMatchUids   null when absent (then seqMatchMsns is null too)
     */
    public record Qresync(long uidValidity, long modSeq, SequenceSet knownUids, SequenceSet seqMatchMsns,
            SequenceSet seqMatchUids) {
    }
}
