package io.mailstream.imap.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.sync.MailboxEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailboxChangeBusTest {

    /** Records what it was told. */
    static final class Recorder implements MailboxChangeBus.Listener {
        final List<String> got = new ArrayList<>();

        @Override
        public synchronized void poke() {
            got.add("poke");
        }

        @Override
        public synchronized void event(MailboxEvent event, long timestampMillis) {
            got.add("event " + event.mailboxId() + " " + event.modSeq());
        }
    }

    private static MailboxEvent flags(String user, String box, long modSeq) {
        return MailboxEvent.FlagsChanged.of(user, box, modSeq, Map.of(1L, List.of()));
    }

    @Test
    void eventsGoOnlyToTheSessionsOfTheirMailbox() {
        MailboxChangeBus bus = new MailboxChangeBus();
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        bus.register("u1", "m1", a);
        bus.register("u1", "m2", b);
        assertThat(bus.publish(flags("u1", "m1", 5), 1)).isTrue();
        assertThat(bus.publish(flags("u2", "m9", 5), 1)).isFalse();
        assertThat(a.got).containsExactly("event m1 5");
        assertThat(b.got).isEmpty();
        bus.changed("m2");
        assertThat(b.got).containsExactly("poke");
    }

    @Test
    void resyncByMailboxByUserOrEveryone() {
        MailboxChangeBus bus = new MailboxChangeBus();
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Recorder c = new Recorder();
        bus.register("u1", "m1", a);
        bus.register("u1", "m2", b);
        bus.register("u2", "m3", c);
        assertThat(bus.resync("u1", "m2")).isEqualTo(1);
        assertThat(bus.resync("u1", null)).isEqualTo(2);
        assertThat(bus.resync(null, null)).isEqualTo(3);
        assertThat(bus.resync("u9", null)).isZero();
        assertThat(a.got).containsExactly("poke", "poke");
        assertThat(b.got).containsExactly("poke", "poke", "poke");
        assertThat(c.got).containsExactly("poke");
    }

    @Test
    void unregisteringEmptiesTheIndex() {
        MailboxChangeBus bus = new MailboxChangeBus();
        Recorder a = new Recorder();
        bus.register("u1", "m1", a);
        assertThat(bus.watchedMailboxes()).isEqualTo(1);
        bus.unregister("u1", "m1", a);
        assertThat(bus.watchedMailboxes()).isZero();
        assertThat(bus.resync("u1", null)).isZero();
        assertThat(bus.publish(flags("u1", "m1", 6), 1)).isFalse();
        assertThat(a.got).isEmpty();
    }
}
