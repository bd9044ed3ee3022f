package io.mailstream.pop3.proto;

/**
 * A parsed POP3 command (RFC 1939, RFC 2449 CAPA, RFC 2595 STLS, RFC 5034 AUTH). One record
 * per command; optional message numbers are {@code null} when absent. APOP is deliberately not
 * a command here: passwords are stored only as salted hashes, so its MD5 digest cannot be
 * verified.
 */
public sealed interface Pop3Command {

    /** Upper-case keyword, for metrics and logs. */
    String keyword();

    /** RFC 1939 7: USER name. */
    record User(String name) implements Pop3Command {
        public String keyword() {
            return "USER";
        }
    }

    /** RFC 1939 7: PASS string; spaces are part of the password. */
    record Pass(String password) implements Pop3Command {
        public String keyword() {
            return "PASS";
        }

        @Override
        public String toString() {
            return "Pass[***]";
        }
    }

    /**
     * RFC 5034 4: AUTH mechanism [initial-response]. Both null for the bare {@code AUTH} that
     * some clients send to list mechanisms (RFC 1734 era).
     */
    record Auth(String mechanism, String initialResponse) implements Pop3Command {
        public String keyword() {
            return "AUTH";
        }

        @Override
        public String toString() {
            return "Auth[" + mechanism + (initialResponse == null ? "]" : ", ***]");
        }
    }

    /** RFC 2595 4. */
    record Stls() implements Pop3Command {
        public String keyword() {
            return "STLS";
        }
    }

    /** RFC 2449 5. */
    record Capa() implements Pop3Command {
        public String keyword() {
            return "CAPA";
        }
    }

    /** RFC 1939 5. */
    record Stat() implements Pop3Command {
        public String keyword() {
            return "STAT";
        }
    }

    /** RFC 1939 5: LIST [msg]. */
    record List(Integer msg) implements Pop3Command {
        public String keyword() {
            return "LIST";
        }
    }

    /** RFC 1939 5. */
    record Retr(int msg) implements Pop3Command {
        public String keyword() {
            return "RETR";
        }
    }

    /** RFC 1939 5. */
    record Dele(int msg) implements Pop3Command {
        public String keyword() {
            return "DELE";
        }
    }

    /** RFC 1939 5. */
    record Noop() implements Pop3Command {
        public String keyword() {
            return "NOOP";
        }
    }

    /** RFC 1939 5. */
    record Rset() implements Pop3Command {
        public String keyword() {
            return "RSET";
        }
    }

    /** RFC 1939 4 and 6. */
    record Quit() implements Pop3Command {
        public String keyword() {
            return "QUIT";
        }
    }

    /** RFC 1939 7: TOP msg n. */
    record Top(int msg, long lines) implements Pop3Command {
        public String keyword() {
            return "TOP";
        }
    }

    /** RFC 1939 7: UIDL [msg]. */
    record Uidl(Integer msg) implements Pop3Command {
        public String keyword() {
            return "UIDL";
        }
    }
}
