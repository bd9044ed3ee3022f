package io.mailstream.imap.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.command.list.ListPattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListPatternTest {

    @ParameterizedTest(name = "[{0}] [{1}] ~ {2} = {3}")
    @CsvSource(delimiter = '|', value = {
        "''      | *          | INBOX            | true",
        "''      | *          | a/b/c            | true",
        "''      | %          | a                | true",
        "''      | %          | a/b              | false",
        "''      | %/%        | a/b              | true",
        "''      | %/%        | a/b/c            | false",
        "''      | a/*        | a/b/c            | true",
        "''      | a/*        | a                | false",
        "''      | a*         | a                | true",
        "''      | a%         | ab               | true",
        "''      | a%c        | abc              | true",
        "''      | a%c        | a/c              | false",
        "''      | a*c        | a/b/c            | true",
        "''      | inbox      | INBOX            | true",
        "''      | Inbox/%    | INBOX/sub        | true",
        "''      | inboxes    | inboxes          | true",
        "''      | inboxes    | INBOXes          | false",
        "a/      | %          | a/b              | true",
        "a/      | %          | a                | false",
        "a/      | /b         | a/b              | true",
        "a       | /b         | a/b              | true",
        "''      | Sent       | sent             | false",
        "''      | *%*%*%*%*%*%*%*%*%*%*%x | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | false",
    })
    void matches(String reference, String pattern, String name, boolean expected) {
        assertThat(ListPattern.of(reference, pattern, '/').matches(name)).isEqualTo(expected);
    }
}
