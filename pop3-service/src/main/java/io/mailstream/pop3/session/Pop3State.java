package io.mailstream.pop3.session;

import io.mailstream.store.api.UserRef;

/**
 * The states of a POP3 session (RFC 1939 3), each holding only what that state may use.
 * AUTHORIZATION knows at most a user name given by USER and the failed attempts so far;
 * TRANSACTION holds the locked maildrop; UPDATE is entered by QUIT from TRANSACTION.
 */
public sealed interface Pop3State {

    Phase phase();

    /** RFC 1939 4. {@code user} is set after a successful USER, awaiting PASS. */
    record Authorization(String user, int authFailures) implements Pop3State {
        public static Authorization initial() {
            return new Authorization(null, 0);
        }

        public Phase phase() {
            return Phase.AUTHORIZATION;
        }
    }

    /**
     * RFC 1939 5: the maildrop is locked (a lease held as {@code leaseOwner}) and its message
     * numbers are fixed.
     */
    record Transaction(UserRef user, MaildropView maildrop, String leaseOwner) implements Pop3State {
        public Phase phase() {
            return Phase.TRANSACTION;
        }
    }

    /** RFC 1939 6: QUIT was given in TRANSACTION; deletions are being applied. */
    record Update(UserRef user, MaildropView maildrop, String leaseOwner) implements Pop3State {
        public Phase phase() {
            return Phase.UPDATE;
        }
    }

    /** The state names of RFC 1939, for the command table. */
    enum Phase {
        AUTHORIZATION,
        TRANSACTION,
        UPDATE
    }
}
