package io.mailstream.store.mime.sort;

import java.util.List;

/**
 * One searched message as the threading algorithms see it (RFC 5256 3).
 *
 * @param uid        its uid (the sequence-number order of the mailbox is uid order)
 * @param subject    base subject collation key
 * @param sentAt     sent date in epoch milliseconds (RFC 5256 2.2, internal date fallback applied)
 * @param messageId  normalized Message-ID or null
 * @param references normalized references (RFC 5256 3 REFERENCES rules)
 * @param reply      the subject marks a reply or forward
 */
public record ThreadInput(long uid, String subject, long sentAt, String messageId, List<String> references,
        boolean reply) {
    public ThreadInput {
        subject = subject == null ? "" : subject;
        references = references == null ? List.of() : references;
    }
}
