package io.mailstream.pop3.proto;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.pop3.proto.ParseResult.Invalid;
import io.mailstream.pop3.proto.ParseResult.Parsed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Pop3ParserTest {

    @Test
    void parsesEveryCommand() {
        Map<String, Pop3Command> table = new LinkedHashMap<>();
        table.put("USER mrose", new Pop3Command.User("mrose"));
        table.put("user Mrose@Example.org", new Pop3Command.User("Mrose@Example.org"));
        table.put("PASS secret", new Pop3Command.Pass("secret"));
        table.put("PASS two words ", new Pop3Command.Pass("two words "));
        table.put("AUTH", new Pop3Command.Auth(null, null));
        table.put("AUTH plain", new Pop3Command.Auth("PLAIN", null));
        table.put("AUTH PLAIN dGVzdAB0ZXN0AHRlc3Q=", new Pop3Command.Auth("PLAIN", "dGVzdAB0ZXN0AHRlc3Q="));
        table.put("AUTH PLAIN =", new Pop3Command.Auth("PLAIN", "="));
        table.put("STLS", new Pop3Command.Stls());
        table.put("CAPA", new Pop3Command.Capa());
        table.put("STAT", new Pop3Command.Stat());
        table.put("stat ", new Pop3Command.Stat());
        table.put("LIST", new Pop3Command.List(null));
        table.put("LIST 2", new Pop3Command.List(2));
        table.put("RETR 1", new Pop3Command.Retr(1));
        table.put("RETR  7", new Pop3Command.Retr(7));
        table.put("DELE 10", new Pop3Command.Dele(10));
        table.put("NOOP", new Pop3Command.Noop());
        table.put("RSET", new Pop3Command.Rset());
        table.put("QUIT", new Pop3Command.Quit());
        table.put("TOP 1 10", new Pop3Command.Top(1, 10));
        table.put("TOP 1 0", new Pop3Command.Top(1, 0));
        table.put("TOP 1 99999999999999999999999", new Pop3Command.Top(1, Long.MAX_VALUE));
        table.put("UIDL", new Pop3Command.Uidl(null));
        table.put("UIDL 2", new Pop3Command.Uidl(2));
        table.forEach((line, expected) ->
                assertThat(Pop3Parser.parse(line)).as(line).isEqualTo(new Parsed(expected)));
    }

    @Test
    void rejectsMalformedCommandsWithAReason() {
        Map<String, String> table = new LinkedHashMap<>();
        table.put("", "empty command");
        table.put("   ", "empty command");
        table.put("FOO", "unknown command");
        table.put("RETRIEVE 1", "unknown command");
        table.put("RE", "unknown command");
        table.put(" STAT", "unknown command");
        table.put("ST\u00e4T", "unknown command");
        table.put("STAT\u0000", "control characters are not allowed in commands");
        table.put("NOOP\tx", "control characters are not allowed in commands");
        table.put("RETR", "RETR needs a message number");
        table.put("RETR 0", "invalid message number");
        table.put("RETR -1", "invalid message number");
        table.put("RETR +1", "invalid message number");
        table.put("RETR 1x", "invalid message number");
        table.put("RETR 9999999999", "invalid message number");
        table.put("RETR 1 2", "too many arguments");
        table.put("DELE", "DELE needs a message number");
        table.put("LIST 0", "invalid message number");
        table.put("LIST 1 2", "too many arguments");
        table.put("UIDL x", "invalid message number");
        table.put("TOP 1", "TOP needs a message number and a number of lines");
        table.put("TOP 1 -1", "invalid number of lines");
        table.put("TOP x 1", "invalid message number");
        table.put("STAT 1", "STAT takes no arguments");
        table.put("QUIT now", "QUIT takes no arguments");
        table.put("USER", "USER needs a name");
        table.put("USER a b", "invalid user name");
        table.put("PASS", "PASS needs a password");
        table.put("AUTH PLAIN a b", "AUTH takes a mechanism and an optional initial response");
        table.put("APOP mrose c4c9334bac560ecc979e58001b3e22fb",
                "APOP is not supported; use USER/PASS or AUTH PLAIN over TLS");
        table.forEach((line, reason) -> {
            ParseResult r = Pop3Parser.parse(line);
            assertThat(r).as(line).isInstanceOf(Invalid.class);
            assertThat(((Invalid) r).reason()).as(line).isEqualTo(reason);
        });
    }

    @Test
    void passwordsStayOutOfToString() {
        assertThat(new Pop3Command.Pass("hunter2").toString()).doesNotContain("hunter2");
        assertThat(new Pop3Command.Auth("PLAIN", "AGEAYg==").toString()).doesNotContain("AGEAYg==");
    }
}
