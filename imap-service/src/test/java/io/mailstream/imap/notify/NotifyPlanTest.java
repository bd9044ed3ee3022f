package io.mailstream.imap.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.events.MailboxChangeBus;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.NotifyEvent;
import io.mailstream.imap.proto.command.NotifyEventGroup;
import io.mailstream.imap.proto.command.NotifyFilter;
import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.imap.proto.types.MailboxName;
import io.mailstream.sync.MailboxEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mailbox filters (RFC 5465 6), STATUS items (RFC 5465 3.1, 5.1 - 5.3) and the bus's user index. */
class NotifyPlanTest {
    private static final List<NotifyEvent> MSG = List.of(NotifyEvent.of("MessageNew"), NotifyEvent.of("MessageExpunge"));

    private static NotifyPlan plan(NotifyEventGroup... groups) {
        return NotifyPlan.of(new ImapCommand.Notify("t", false, false, List.of(groups)));
    }

    @Test
    void filtersMatchAsRfc5465Section6Says() {
        NotifyPlan p = plan(
                new NotifyEventGroup(NotifyFilter.of(NotifyFilter.Kind.SELECTED), MSG),
                new NotifyEventGroup(new NotifyFilter(NotifyFilter.Kind.SUBTREE, List.of(new MailboxName("Lists"))), MSG),
                new NotifyEventGroup(new NotifyFilter(NotifyFilter.Kind.MAILBOXES, List.of(new MailboxName("a*"))),
                        List.of(NotifyEvent.of("MailboxName"))),
                new NotifyEventGroup(NotifyFilter.of(NotifyFilter.Kind.SUBSCRIBED),
                        List.of(NotifyEvent.of("SubscriptionChange"))));
        assertThat(p.selectedWants("MessageNew")).isTrue();
        assertThat(p.selectedWants("FlagChange")).isFalse();
        assertThat(p.eventsFor("Lists", false)).containsExactly("MessageNew", "MessageExpunge");
        assertThat(p.eventsFor("Lists/x/y", false)).containsExactly("MessageNew", "MessageExpunge");
        assertThat(p.eventsFor("ListsMore", false)).isEmpty();
        // RFC 5465 6.6: no wildcard expansion
        assertThat(p.eventsFor("a*", false)).containsExactly("MailboxName");
        assertThat(p.eventsFor("ab", false)).isEmpty();
        assertThat(p.eventsFor("Other", true)).containsExactly("SubscriptionChange");
        assertThat(plan(new NotifyEventGroup(NotifyFilter.of(NotifyFilter.Kind.INBOXES), MSG))
                .eventsFor("Anything", false)).containsExactly("MessageNew", "MessageExpunge");
        assertThat(plan().selectedAny()).isFalse(); // no SELECTED group: SELECTED NONE (RFC 5465 3.1)
    }

    @Test
    void statusItems() {
        Set<String> news = Set.of("MessageNew", "MessageExpunge");
        Set<String> all = Set.of("MessageNew", "MessageExpunge", "FlagChange");
        assertThat(NotifyResponses.items(news, Set.of("MessageNew"), false))
                .containsExactly(StatusItem.MESSAGES, StatusItem.UIDNEXT, StatusItem.UIDVALIDITY);
        assertThat(NotifyResponses.items(all, Set.of("MessageExpunge"), false))
                .containsExactly(StatusItem.MESSAGES, StatusItem.UIDNEXT, StatusItem.UIDVALIDITY, StatusItem.UNSEEN);
        assertThat(NotifyResponses.items(all, Set.of("FlagChange"), false))
                .containsExactly(StatusItem.UIDVALIDITY, StatusItem.UNSEEN);
        assertThat(NotifyResponses.items(all, Set.of("FlagChange"), true))
                .containsExactly(StatusItem.UIDVALIDITY, StatusItem.UNSEEN, StatusItem.HIGHESTMODSEQ);
        assertThat(NotifyResponses.items(news, Set.of("FlagChange"), false)).isEmpty();
        assertThat(NotifyResponses.items(Set.of("MailboxName"), Set.of("MessageNew"), false)).isEmpty();
    }

    @Test
    void busHandsEveryEventOfTheUserToItsNotifySessions() {
        MailboxChangeBus bus = new MailboxChangeBus();
        List<MailboxEvent> heard = new ArrayList<>();
        MailboxChangeBus.Listener l = new MailboxChangeBus.Listener() {
            @Override
            public void poke() {
            }

            @Override
            public void event(MailboxEvent event, long timestampMillis) {
                heard.add(event);
            }
        };
        bus.registerUser("u1", l);
        MailboxEvent mine = MailboxEvent.MessagesAppended.of("u1", "m9", 1, Map.of(1L, List.of()));
        MailboxEvent other = MailboxEvent.MailboxCreated.of("u2", "m8", 0, "x");
        assertThat(bus.publish(mine, 0)).isTrue();
        assertThat(bus.publish(other, 0)).isFalse();
        assertThat(heard).containsExactly(mine);
        bus.unregisterUser("u1", l);
        assertThat(bus.userWatchers()).isZero();
        assertThat(bus.publish(mine, 0)).isFalse();
    }
}
