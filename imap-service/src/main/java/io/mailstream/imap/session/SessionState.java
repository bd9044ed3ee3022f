package io.mailstream.imap.session;

import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.store.api.UserRef;

/**
 * The connection states of RFC 9051 3 as a sealed type: each state holds only what commands
 * in that state may use (no user before login, no mailbox before SELECT).
 */
public sealed interface SessionState {

    /** The kind, for the command table's allowed states. */
    Kind kind();

    /** State kinds of RFC 9051 3.1-3.4. */
    enum Kind {
        NOT_AUTHENTICATED,
        AUTHENTICATED,
        SELECTED,
        LOGOUT
    }

    /** RFC 9051 3.1; counts failed LOGIN/AUTHENTICATE attempts for the delay and disconnect. */
    record NotAuthenticated(int authFailures) implements SessionState {
        @Override
        public Kind kind() {
            return Kind.NOT_AUTHENTICATED;
        }
    }

    /** RFC 9051 3.2. */
    record Authenticated(UserRef user) implements SessionState {
        @Override
        public Kind kind() {
            return Kind.AUTHENTICATED;
        }
    }

    /** RFC 9051 3.3. */
    record Selected(UserRef user, SelectedMailbox mailbox) implements SessionState {
        @Override
        public Kind kind() {
            return Kind.SELECTED;
        }
    }

    /** RFC 9051 3.4. */
    record Logout() implements SessionState {
        @Override
        public Kind kind() {
            return Kind.LOGOUT;
        }
    }
}
