package io.mailstream.store.mime.sort;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.store.mime.MessageAnalyzer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 5256 2.1 base subject extraction, and its decoding step through the real analysis. */
class BaseSubjectTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "hello                                  | hello     | false",
        "Re: hello                              | hello     | true",
        "RE: Re: re: hello                      | hello     | true",
        "Re : hello                             | hello     | true",
        "Fwd: hello                             | hello     | true",
        "FW: hello                              | hello     | true",
        "fw[2]: hello                           | hello     | true",
        "Re [list]: hello                       | hello     | true",
        "Re: [list] Fwd: hello                  | hello     | true",
        "[list] Re: hello                       | hello     | true",
        "[list] Re: [other] Fwd: hello          | hello     | true",
        "[list] hello                           | hello     | false",
        "[a][b] hello                           | hello     | false",
        "[list]                                 | [list]    | false",
        "'[a] [b]'                              | [b]       | false",
        "hello (fwd)                            | hello     | true",
        "'hello (fwd) (FWD)  '                  | hello     | true",
        "[fwd: hello]                           | hello     | true",
        "[Fwd: Re: [list] hello (fwd)]          | hello     | true",
        "'Re:   hello\tworld'                   | hello world | true",
        "Rebuild: the house                     | Rebuild: the house | false",
        "Re:                                    | ''        | true",
        "''                                     | ''        | false",
        "Re: [fwd: hello]                       | hello     | true",
        "Re: (fwd) hello                        | (fwd) hello | true",
        "[unterminated hello                    | [unterminated hello | false",
    })
    void extractsBaseSubject(String subject, String base, boolean reply) {
        BaseSubject b = BaseSubject.of(subject.replace("\\t", "\t"));
        assertThat(b.text()).isEqualTo(base);
        assertThat(b.reply()).isEqualTo(reply);
    }

    private static SortFields fields(String subjectHeader) {
        byte[] raw = ("Subject: " + subjectHeader + "\r\nFrom: a@example.org\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.UTF_8);
        return SortFields.of(MessageAnalyzer.analyze(raw));
    }

    /**
     * Step (1) decodes encoded words before the artifacts are removed: a "Re:" or a blob may hide
     * inside an encoded word; adjacent encoded words lose the whitespace between them (RFC 2047
     * 6.2); a folded header's continuations become one space; an invalid word stays as written.
     */
    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', value = {
        "=?UTF-8?Q?Re=3A_Gr=C3=BC=C3=9Fe?=                     | Grüße",
        "Re: =?UTF-8?Q?gr=C3=BC=C3=9Fe?=                        | GRÜßE",
        "=?ISO-8859-1?Q?Re=3A?= =?ISO-8859-1?Q?_caf=E9?=       | CAFÉ",
        "Re: =?UTF-8?B?W2xpc3Rd?= Fwd: Budget                  | budget",
        "Re: [list]\\r\\n Fwd:\\r\\n\\tquarterly\\r\\n  report | quarterly report",
        "Re: =?UTF-8?X?abc?=                                    | =?utf-8?x?abc?=",
    })
    void decodesThenExtractsAndCaseMaps(String header, String expectedBase) {
        String unescaped = header.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
        assertThat(fields(unescaped).subject()).isEqualTo(Collation.key(expectedBase));
    }

    @org.junit.jupiter.api.Test
    void replyMarkerAndAddressKeys() {
        byte[] raw = ("Subject: [fwd: Notes]\r\nFrom: =?UTF-8?Q?Zo=C3=AB?= <ZOE@Example.org>\r\n"
                + "To: undisclosed:;, bob@example.org\r\nCc: <carol@example.org>\r\n"
                + "Message-ID: <\"a b\"@example.org>\r\nIn-Reply-To: <p@x> (comment <q@y>)\r\n\r\nx\r\n")
                .getBytes(StandardCharsets.UTF_8);
        SortFields f = SortFields.of(MessageAnalyzer.analyze(raw));
        assertThat(f.reply()).isTrue();
        assertThat(f.from()).isEqualTo("ZOE");
        assertThat(f.to()).as("group markers skipped").isEqualTo("BOB");
        assertThat(f.cc()).isEqualTo("CAROL");
        assertThat(f.displayFrom()).isEqualTo(Collation.key("Zoë"));
        assertThat(f.displayTo()).isEqualTo(Collation.key("bob@example.org"));
        assertThat(f.messageId()).isEqualTo("ab@example.org".replace("ab", "a b"));
        assertThat(f.references()).containsExactly("p@x");
        assertThat(f.sentAt()).isNull();
    }
}
