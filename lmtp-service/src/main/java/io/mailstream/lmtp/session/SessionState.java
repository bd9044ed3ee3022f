package io.mailstream.lmtp.session;

import io.mailstream.lmtp.delivery.MessageBuffer;
import io.mailstream.lmtp.delivery.Recipient;
import io.mailstream.lmtp.proto.LmtpCommand.MailFrom;
import java.util.ArrayList;
import java.util.List;

/** Where an LMTP session is (RFC 5321 4.1.4 command order); each state holds only what it may use. */
public sealed interface SessionState {

    /** Connected (or just after STARTTLS, RFC 3207 4.2): LHLO comes first. */
    record Initial() implements SessionState {
    }

    /** LHLO done, no mail transaction. */
    record Ready(String clientName) implements SessionState {
    }

    /**
     * A mail transaction: MAIL accepted, the recipients accepted so far in RCPT order, and the
     * BDAT chunks received so far (null until the first BDAT, RFC 3030 2).
     */
    record Transaction(String clientName, MailFrom mail, List<Recipient> recipients, MessageBuffer chunks)
            implements SessionState {

        public Transaction {
            recipients = List.copyOf(recipients);
        }

        public Transaction with(Recipient r) {
            List<Recipient> more = new ArrayList<>(recipients);
            more.add(r);
            return new Transaction(clientName, mail, more, chunks);
        }

        public Transaction withChunks(MessageBuffer buffer) {
            return new Transaction(clientName, mail, recipients, buffer);
        }

        public Ready end() {
            return new Ready(clientName);
        }
    }
}
