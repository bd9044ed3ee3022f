package io.mailstream.store.service.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Random;
import java.util.Set;

/** Deterministic synthetic mail for the SORT/THREAD benchmark: conversations, artifacts, encodings. */
final class MessageGenerator {
    record Generated(byte[] raw, Set<String> flags, Date internalDate) {
    }

    private static final String[] NAMES = {"Alice", "Bob", "Carol", "Dave", "Eve", "Frank", "Grace", "Heidi",
        "=?UTF-8?Q?Zo=C3=AB?=", "=?UTF-8?B?w4FycMOhZA==?=", "Mallory", "Niaj", "Olivia", "Peggy", "Rupert"};
    private static final String[] TOPICS = {"budget", "lunch", "release", "=?UTF-8?Q?r=C3=A9union?=",
        "outage report", "quarterly numbers", "offsite", "hiring", "security review", "roadmap"};
    private static final String[] PREFIX = {"", "", "", "Re: ", "Re: Re: ", "Fwd: ", "[team] ", "[team] Re: ",
        "RE: [list] Fwd: "};

    private final Random random;

    MessageGenerator(long seed) {
        this.random = new Random(seed);
    }

    Generated next(int uid) {
        // about one message in three answers an earlier one (up to 3 references)
        StringBuilder h = new StringBuilder();
        int topic = random.nextInt(TOPICS.length * 300);
        h.append("Subject: ").append(PREFIX[random.nextInt(PREFIX.length)]).append(TOPICS[topic % TOPICS.length])
                .append(' ').append(topic / TOPICS.length).append("\r\n");
        h.append("From: ").append(NAMES[random.nextInt(NAMES.length)]).append(" <u").append(random.nextInt(5000))
                .append("@example.org>\r\n");
        h.append("To: ").append(NAMES[random.nextInt(NAMES.length)]).append(" <t").append(random.nextInt(500))
                .append("@example.net>\r\n");
        if (random.nextInt(3) == 0) {
            h.append("Cc: c").append(random.nextInt(100)).append("@example.com\r\n");
        }
        long sent = 946684800L + random.nextInt(300_000_000);
        h.append("Date: ").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(Instant.ofEpochSecond(sent).atOffset(java.time.ZoneOffset.ofHours(random.nextInt(24) - 12))))
                .append("\r\n");
        h.append("Message-ID: <m").append(uid).append("@bench.example>\r\n");
        if (uid > 10 && random.nextInt(3) == 0) {
            // oldest first, the parent last (RFC 5322 3.6.4)
            java.util.Deque<Integer> refs = new java.util.ArrayDeque<>();
            int parent = 1 + random.nextInt(uid - 1);
            for (int k = 0; k < 3 && parent > 0; k++, parent -= 1 + random.nextInt(5)) {
                refs.push(parent);
            }
            h.append("References:");
            refs.forEach(r -> h.append(" <m").append(r).append("@bench.example>"));
            h.append("\r\n");
        }
        h.append("\r\n");
        int lines = 3 + random.nextInt(40);
        for (int i = 0; i < lines; i++) {
            h.append("Line ").append(i).append(" of a benchmark message body.\r\n");
        }
        Set<String> flags = random.nextInt(4) == 0 ? Set.of() : Set.of("\\Seen");
        return new Generated(h.toString().getBytes(StandardCharsets.US_ASCII), flags,
                Date.from(Instant.ofEpochSecond(sent + random.nextInt(3600))));
    }
}
