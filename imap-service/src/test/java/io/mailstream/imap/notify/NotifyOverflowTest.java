package io.mailstream.imap.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailstream.imap.ImapMetrics;
import io.mailstream.imap.ImapSettings;
import io.mailstream.imap.command.CommandContext;
import io.mailstream.imap.command.ImapServices;
import io.mailstream.imap.command.SessionIo;
import io.mailstream.imap.events.MailboxChangeBus;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.NotifyEvent;
import io.mailstream.imap.proto.command.NotifyEventGroup;
import io.mailstream.imap.proto.command.NotifyFilter;
import io.mailstream.imap.proto.encode.ImapEncoder;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.selected.MailboxSync;
import io.mailstream.imap.server.ConnectionLimits;
import io.mailstream.imap.session.Capabilities;
import io.mailstream.imap.session.ImapSession;
import io.mailstream.imap.session.SessionState;
import io.mailstream.imap.store.StoreAccess;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.testkit.InMemoryMailStore;
import io.mailstream.sync.MailboxEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * RFC 5465 5.8: a client that cannot take its notifications (here: a command that never ends,
 * so nothing may be sent) gets {@code * OK [NOTIFICATIONOVERFLOW]} and NOTIFY NONE, instead of
 * an ever-growing queue.
 */
class NotifyOverflowTest {

    /** A connection stuck in a command: notification tasks wait until {@link #release()}. */
    private static final class StuckIo implements SessionIo {
        final Context context;
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<Supplier<Uni<Void>>> waiting = new ArrayList<>();

        StuckIo(Context context) {
            this.context = context;
        }

        void release() {
            List<Supplier<Uni<Void>>> now = new ArrayList<>(waiting);
            waiting.clear();
            now.forEach(t -> t.get().subscribe().with(x -> { }));
        }

        @Override
        public void send(ImapResponse response) {
            sent.add(new String(ImapEncoder.encodeBytes(response, io.mailstream.imap.proto.encode.EncoderContext.REV2),
                    StandardCharsets.UTF_8));
        }

        @Override
        public Uni<Void> write(ImapResponse response) {
            send(response);
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<Void> drain() {
            return Uni.createFrom().voidItem();
        }

        @Override
        public Uni<String> readLine() {
            return Uni.createFrom().nothing();
        }

        @Override
        public boolean inputPending() {
            return false;
        }

        @Override
        public void startTlsAfterResponse() {
        }

        @Override
        public Uni<Void> sleep(Duration delay) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public void afterResponseClose(String byeText) {
        }

        @Override
        public Context context() {
            return context;
        }

        @Override
        public void whenQuiet(Supplier<Uni<Void>> task, boolean duringIdle) {
            waiting.add(task);
        }
    }

    @Test
    void tooManyPendingNotificationsTurnNotifyOff() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            InMemoryMailStore store = new InMemoryMailStore();
            UserRef u = store.addUser("overflow", "secret");
            MailboxChangeBus bus = new MailboxChangeBus();
            ImapSettings settings = ImapSettings.builder().build();
            ImapServices services = new ImapServices(settings, store, new Capabilities(settings),
                    new ConnectionLimits(10, 10), bus, new ImapMetrics(null));
            Context context = vertx.getOrCreateContext();
            StuckIo io = new StuckIo(context);
            ImapSession session = new ImapSession("c1", "127.0.0.1", true, false);
            session.state(new SessionState.Authenticated(u));
            StoreAccess access = new StoreAccess(store, context, Duration.ofSeconds(5));
            CommandContext ctx = new CommandContext("t", session, io, services, access,
                    new MailboxSync(session, access, io::send));
            context.runOnContext(v -> NotifySession.of(ctx).set(NotifyPlan.of(new ImapCommand.Notify("t", false, false,
                    List.of(new NotifyEventGroup(NotifyFilter.of(NotifyFilter.Kind.PERSONAL),
                            List.of(NotifyEvent.of(NotifyEvent.MAILBOX_NAME))))))));
            await().atMost(Duration.ofSeconds(10)).until(() -> bus.userWatchers() == 1);

            for (int i = 0; i <= NotifySession.MAX_PENDING; i++) {
                bus.publish(MailboxEvent.MailboxCreated.of(u.userId(), "m" + i, 0, "box" + i), 0);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> bus.userWatchers() == 0);
            assertThat(io.sent).isEmpty();
            bus.publish(MailboxEvent.MailboxCreated.of(u.userId(), "late", 0, "late"), 0);

            // The client reads again: the queued notices were withdrawn, only the overflow is said.
            context.runOnContext(v -> io.release());
            await().atMost(Duration.ofSeconds(10)).until(() -> !io.sent.isEmpty());
            assertThat(io.sent).containsExactly(
                    "* OK [NOTIFICATIONOVERFLOW] Too many notifications; NOTIFY NONE is now in effect\r\n");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
