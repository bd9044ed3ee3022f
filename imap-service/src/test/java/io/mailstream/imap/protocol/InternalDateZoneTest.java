package io.mailstream.imap.protocol;

import io.mailstream.imap.testing.ImapClient;
import io.mailstream.imap.testing.Script;
import io.mailstream.imap.testing.TestServer;
import io.mailstream.store.api.UserRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * RFC 9051 2.3.3: the internal date is a date-time with a zone; APPEND gives it and FETCH
 * INTERNALDATE returns it as given. RFC 9051 6.4.4: SEARCH BEFORE/ON/SINCE compare its date
 * "disregarding time and timezone", i.e. the date as written in its own zone.
 */
class InternalDateZoneTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void appendedZoneComesBackByteExactAndCopiesKeepIt() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = server.login(u)) {
            Script.run(c, """
                    C: a1 APPEND INBOX "26-Nov-2026 10:39:37 +0100" {16+}\\r\\nSubject: z\\r\\n\\r\\nhi
                    S~ a1 OK \\[APPENDUID .*
                    C: a2 APPEND INBOX " 1-Jan-2027 23:59:59 -0930" {16+}\\r\\nSubject: w\\r\\n\\r\\nhi
                    S~ a2 OK \\[APPENDUID .*
                    C: a3 SELECT INBOX
                    S* a3 OK .*
                    C: a4 FETCH 1:2 (INTERNALDATE)
                    S: * 1 FETCH (INTERNALDATE "26-Nov-2026 10:39:37 +0100")
                    S: * 2 FETCH (INTERNALDATE " 1-Jan-2027 23:59:59 -0930")
                    S: a4 OK FETCH completed
                    C: a5 COPY 1 Archive
                    S~ a5 OK \\[COPYUID .*
                    C: a6 EXAMINE Archive
                    S* a6 OK .*
                    C: a7 FETCH 1 (INTERNALDATE)
                    S: * 1 FETCH (INTERNALDATE "26-Nov-2026 10:39:37 +0100")
                    S: a7 OK FETCH completed
                    """);
        }
    }

    @Test
    void searchComparesTheDateInTheInternalDatesOwnZone() throws Exception {
        UserRef u = server.newUser();
        try (ImapClient c = server.login(u)) {
            // 1: 26 Nov in its zone, 25 Nov in UTC; 2: 25 Nov in its zone, 26 Nov in UTC
            Script.run(c, """
                    C: a1 APPEND INBOX "26-Nov-2026 00:30:00 +0100" {16+}\\r\\nSubject: a\\r\\n\\r\\nhi
                    S~ a1 OK .*
                    C: a2 APPEND INBOX "25-Nov-2026 23:30:00 -0100" {16+}\\r\\nSubject: b\\r\\n\\r\\nhi
                    S~ a2 OK .*
                    C: a3 SELECT INBOX
                    S* a3 OK .*
                    C: a4 SEARCH ON 26-Nov-2026
                    S: * SEARCH 1
                    S: a4 OK SEARCH completed
                    C: a5 SEARCH ON 25-Nov-2026
                    S: * SEARCH 2
                    S: a5 OK SEARCH completed
                    C: a6 SEARCH SINCE 26-Nov-2026
                    S: * SEARCH 1
                    S: a6 OK SEARCH completed
                    C: a7 SEARCH BEFORE 26-Nov-2026
                    S: * SEARCH 2
                    S: a7 OK SEARCH completed
                    """);
        }
    }
}
