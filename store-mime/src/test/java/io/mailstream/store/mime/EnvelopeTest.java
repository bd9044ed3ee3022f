package io.mailstream.store.mime;

import static io.mailstream.store.mime.Msg.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.api.mime.Address;
import io.mailstream.store.api.mime.Envelope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ENVELOPE (RFC 9051 7.5.2) and the search header fields, field by field. */
class EnvelopeTest {

    static Envelope envelope(String message) {
        return MessageAnalyzer.analyze(crlf(message)).envelope();
    }

    static Address addr(String name, String mailbox, String host) {
        return new Address(name, null, mailbox, host);
    }

    @Test
    void simpleMessage() {
        Envelope e = envelope("""
                Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)
                From: Fred Foobar <foobar@Blurdybloop.example>
                Subject: afternoon
                 meeting
                To: mooch@owatagu.siam.edu.example
                Cc: "Doe, John" <jd@example.com>, (comment) x@y.example (X. Y.)
                Bcc: <@route1.example,@route2.example:user@host.example>
                In-Reply-To: <prev@example.com>
                Message-Id: <B27397-0100000@Blurdybloop.example>

                Hello
                """);
        assertThat(e.date()).isEqualTo("Mon, 7 Feb 1994 21:52:25 -0800 (PST)");
        assertThat(e.subject()).isEqualTo("afternoon meeting");
        assertThat(e.from()).containsExactly(addr("Fred Foobar", "foobar", "Blurdybloop.example"));
        assertThat(e.sender()).isEqualTo(e.from());
        assertThat(e.replyTo()).isEqualTo(e.from());
        assertThat(e.to()).containsExactly(addr(null, "mooch", "owatagu.siam.edu.example"));
        assertThat(e.cc()).containsExactly(addr("Doe, John", "jd", "example.com"), addr("X. Y.", "x", "y.example"));
        assertThat(e.bcc()).containsExactly(new Address(null, "@route1.example,@route2.example", "user", "host.example"));
        assertThat(e.inReplyTo()).isEqualTo("<prev@example.com>");
        assertThat(e.messageId()).isEqualTo("<B27397-0100000@Blurdybloop.example>");
    }

    @Test
    void encodedWordsStayEncodedInTheEnvelopeAndAreDecodedForSearch() {
        byte[] raw = crlf("""
                From: =?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?= <keld@dkuug.dk>
                To: "=?UTF-8?B?w4lsaXNl?=" <elise@example.fr>
                Subject: =?UTF-8?B?SGVsbG8gd8O2cmxk?=
                 =?UTF-8?Q?_again?=

                body
                """);
        MessageAnalysis a = MessageAnalyzer.analyze(raw);
        assertThat(a.envelope().from()).containsExactly(addr("=?ISO-8859-1?Q?Keld_J=F8rn_Simonsen?=", "keld", "dkuug.dk"));
        assertThat(a.envelope().to()).containsExactly(addr("=?UTF-8?B?w4lsaXNl?=", "elise", "example.fr"));
        assertThat(a.envelope().subject()).isEqualTo("=?UTF-8?B?SGVsbG8gd8O2cmxk?= =?UTF-8?Q?_again?=");
        assertThat(a.search().values("SUBJECT")).containsExactly("Hello wörld again");
        assertThat(a.search().values("from")).containsExactly("Keld Jørn Simonsen <keld@dkuug.dk>");
    }

    @Test
    void rawUtf8HeaderOctetsAreReadAsUtf8() {
        byte[] raw = "Subject: caf\u00e9 \u4eba\r\nFrom: M\u00fcller <m@example.de>\r\n\r\nx".getBytes(StandardCharsets.UTF_8);
        Envelope e = MessageAnalyzer.analyze(raw).envelope();
        assertThat(e.subject()).isEqualTo("caf\u00e9 \u4eba");
        assertThat(e.from()).containsExactly(addr("M\u00fcller", "m", "example.de"));
    }

    @Test
    void raw8BitOctetsThatAreNotUtf8AreReadAsLatin1() {
        byte[] raw = "Subject: Fr\u00f6sche\r\n\r\nx".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(MessageAnalyzer.analyze(raw).envelope().subject()).isEqualTo("Fr\u00f6sche");
    }

    @Test
    void groupSyntax() {
        Envelope e = envelope("""
                From: boss@example.com
                To: A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;, after@example.com
                Cc: Undisclosed recipients:;

                x
                """);
        assertThat(e.to()).containsExactly(
                new Address(null, null, "A Group", null),
                addr("Ed Jones", "c", "a.test"),
                addr(null, "joe", "where.test"),
                addr("John", "jdoe", "one.test"),
                new Address(null, null, null, null),
                addr(null, "after", "example.com"));
        assertThat(e.cc()).containsExactly(new Address(null, null, "Undisclosed recipients", null),
                new Address(null, null, null, null));
    }

    @Test
    void senderAndReplyToDefaultToFromWhenAbsentOrEmpty() {
        Envelope e = envelope("""
                From: a@example.com, b@example.com
                Sender:
                Reply-To: (nobody)

                x
                """);
        assertThat(e.sender()).isEqualTo(e.from()).hasSize(2);
        assertThat(e.replyTo()).isEqualTo(e.from());

        Envelope explicit = envelope("From: a@example.com\nSender: s@example.com\nReply-To: r@example.com\n\nx\n");
        assertThat(explicit.sender()).containsExactly(addr(null, "s", "example.com"));
        assertThat(explicit.replyTo()).containsExactly(addr(null, "r", "example.com"));
    }

    @Test
    void missingHeadersAreNil() {
        Envelope e = envelope("X-Only: 1\n\nbody\n");
        assertThat(e).isEqualTo(new Envelope(null, null, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), null, null));
        assertThat(ImapSyntax.envelope(e)).isEqualTo("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)");
    }

    @Test
    void repeatedAddressFieldsAreConcatenatedOtherFieldsTakeTheFirst() {
        Envelope e = envelope("Subject: one\nSubject: two\nCc: a@x.test\nCC: b@x.test\ncc: c@x.test\n\nx\n");
        assertThat(e.subject()).isEqualTo("one");
        assertThat(e.cc()).extracting(Address::mailbox).containsExactly("a", "b", "c");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NIL", value = {
        "localpart|NIL|NIL|localpart|.MISSING-HOST-NAME.",
        "MAILER DAEMON <>|MAILER DAEMON|NIL|''|''",
        "\"john q. public\"@example.com|NIL|NIL|\"john q. public\"@example.com|NIL",
        "John Q. Public <jqp@example.com>|John Q. Public|NIL|jqp|example.com",
        "\"123@abuse.net\" <123@example.com>|123@abuse.net|NIL|123|example.com",
        "bbb@ddd.com (John X. Doe)|John X. Doe|NIL|bbb|ddd.com",
        "<a@[192.0.2.1]>|NIL|NIL|a|[192.0.2.1]",
        "Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>|Pete|NIL|pete|silly.test",
        "<@a.test:x@b.test>|NIL|@a.test|x|b.test"
    })
    void addressForms(String header, String name, String adl, String mailbox, String host) {
        List<Address> parsed = AddressParser.parse(header);
        if (mailbox.startsWith("\"")) {
            // quoted local part: kept with its quotes
            assertThat(parsed).containsExactly(new Address(null, null, "\"john q. public\"", "example.com"));
            return;
        }
        assertThat(parsed).containsExactly(new Address(name, adl, mailbox, host));
    }

    @Test
    void searchFieldsHoldDecodedHeadersAndTheSentDate() {
        MessageAnalysis a = MessageAnalyzer.analyze(crlf("""
                Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)
                Subject: =?ISO-8859-1?Q?caf=E9?=
                X-Folded: a
                 b

                x
                """));
        SearchFields s = a.search();
        assertThat(s.sentDate()).isEqualTo(LocalDate.of(1996, 7, 17));
        assertThat(s.sentAt()).isEqualTo(Instant.parse("1996-07-17T09:23:25Z"));
        assertThat(s.values("subject")).containsExactly("café");
        assertThat(s.values("x-folded")).containsExactly("a b");
        assertThat(s.headers()).extracting(SearchFields.HeaderValue::name).containsExactly("date", "subject", "x-folded");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NIL", value = {
        "Wed, 11 Feb 98 11:51 CST|1998-02-11|1998-02-11T17:51:00Z",
        "01 Jan 2001 00:01+0000|2001-01-01|2001-01-01T00:01:00Z",
        "Tue, 06 Jun 2017 27:39:33 +0600|2017-06-06|NIL",
        "Thu, 19 Sep 91 12:41:43 EDT|1991-09-19|1991-09-19T16:41:43Z",
        "1 Jan 2020|2020-01-01|NIL",
        "Malformed Date.|NIL|NIL"
    })
    void sentDateIsParsedLeniently(String header, String day, String instant) {
        SentDate d = SentDate.parse(header);
        if (day == null) {
            assertThat(d).isNull();
            return;
        }
        assertThat(d.date()).isEqualTo(LocalDate.parse(day));
        assertThat(d.instant()).isEqualTo(instant == null ? null : Instant.parse(instant));
    }

    @Test
    void searchHeadersAreBounded() {
        String big = "X-Big: " + "a".repeat(70_000) + "\n";
        MessageAnalysis a = MessageAnalyzer.analyze(crlf(big + big + "Subject: s\n\nx\n"));
        int total = a.search().headers().stream().mapToInt(h -> h.value().length()).sum();
        assertThat(total).isLessThanOrEqualTo(MessageAnalyzer.MAX_SEARCH_HEADER_CHARS);
        assertThat(a.envelope().subject()).isEqualTo("s");
    }
}
