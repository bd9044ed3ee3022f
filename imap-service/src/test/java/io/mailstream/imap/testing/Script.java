package io.mailstream.imap.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * A request/response script run against a connection, byte-exact: {@code C: line} is sent
 * (CRLF appended), {@code S: line} must be the next response exactly, {@code S~ regex} must
 * match it, {@code S* regex} skips responses until one matches. Literals are part of the response ({@code {n}} CRLF octets).
 */
public final class Script {
    private Script() {
    }

    public static void run(ImapClient client, String script) throws IOException {
        for (String raw : script.split("\n")) {
            String line = raw.stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("C: ")) {
                client.send(line.substring(3).replace("\\r\\n", "\r\n"));
            } else if (line.startsWith("S: ")) {
                String expected = line.substring(3).replace("\\r\\n", "\r\n");
                assertThat(client.read()).as("response").isEqualTo(expected);
            } else if (line.startsWith("S~ ")) {
                String got = client.read();
                assertThat(Pattern.compile(line.substring(3), Pattern.DOTALL).matcher(got).matches())
                        .as("response %s matches %s", got, line.substring(3)).isTrue();
            } else if (line.startsWith("S* ")) {
                Pattern p = Pattern.compile(line.substring(3), Pattern.DOTALL);
                while (!p.matcher(client.read()).matches()) {
                    // skipped
                }
            } else {
                throw new IllegalArgumentException("bad script line: " + raw);
            }
        }
    }
}
