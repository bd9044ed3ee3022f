package io.mailstream.imap.notify;

import io.mailstream.imap.command.CommandContext;
import io.mailstream.imap.command.fetch.FetchHandler;
import io.mailstream.imap.events.MailboxChangeBus;
import io.mailstream.imap.proto.command.FetchItem;
import io.mailstream.imap.proto.command.ImapCommand;
import io.mailstream.imap.proto.command.NotifyEvent;
import io.mailstream.imap.proto.command.StatusItem;
import io.mailstream.imap.proto.response.ImapResponse;
import io.mailstream.imap.proto.response.ResponseCode;
import io.mailstream.imap.proto.types.SequenceSet;
import io.mailstream.imap.selected.SelectedMailbox;
import io.mailstream.imap.session.ImapSession;
import io.mailstream.store.api.MailboxInfo;
import io.mailstream.sync.MailboxEvent;
import io.smallrye.mutiny.Uni;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One connection's NOTIFY (RFC 5465): registered by userId on the {@link MailboxChangeBus}, so
 * the Kafka intake hands it every event of the user's mailboxes, from any instance. Events of
 * the selected mailbox bring it up to date as SELECTED / SELECTED-DELAYED ask (RFC 5465 6.1);
 * events of other mailboxes become {@code * STATUS} and {@code * LIST} responses (RFC 5465 5).
 * Responses go out whenever no other command is in progress, and during IDLE (RFC 5465 4).
 * STATUS requests for one mailbox are coalesced; past {@link #MAX_PENDING} pending notifications
 * the session gets {@code * OK [NOTIFICATIONOVERFLOW]} and NOTIFY NONE (RFC 5465 5.8).
 * Everything but {@link #event} runs on the connection's event loop.
 */
public final class NotifySession implements MailboxChangeBus.Listener {
    static final int MAX_PENDING = 1000;
    private static final ResponseCode OVERFLOW = new ResponseCode.Simple("NOTIFICATIONOVERFLOW");

    private final ImapSession session;
    private final CommandContext ctx;
    private final MailboxChangeBus bus;
    private final String userId;
    private NotifyPlan plan;
    private int generation;
    private boolean registered;
    /** Mailbox id -> what happened there since the last STATUS about it. */
    private final Map<String, Set<String>> statusDue = new LinkedHashMap<>();
    private final Map<String, Long> lastUnseen = new HashMap<>();
    private int pending;
    private boolean selectedSyncDue;
    /** The user's mailboxes by id as last listed; null when a mailbox event made it stale. */
    private Map<String, MailboxInfo> mailboxes;
    /** Recent renames (old, new), to recognise the children of a renamed mailbox (RFC 5465 5.4). */
    private final java.util.ArrayDeque<String[]> renames = new java.util.ArrayDeque<>();
    private SelectedMailbox watched;
    private long watchedMaxUid;

    private NotifySession(CommandContext ctx) {
        this.session = ctx.session();
        this.ctx = new CommandContext("*", session, ctx.io(), ctx.services(), ctx.store(), ctx.sync());
        this.bus = ctx.services().changes();
        this.userId = ctx.userId();
    }

    /** The session's NOTIFY state, created on first use. */
    static NotifySession of(CommandContext ctx) {
        NotifySession n = ctx.session().notifySession();
        if (n == null) {
            n = new NotifySession(ctx);
            ctx.session().notifySession(n);
        }
        return n;
    }

    /** The connection closed: stop hearing events. */
    public static void closed(ImapSession session, MailboxChangeBus bus) {
        NotifySession n = session.notifySession();
        if (n != null) {
            n.none();
        }
    }

    NotifyPlan plan() {
        return plan;
    }

    /** NOTIFY SET: replaces the events of interest (RFC 5465 3.1). */
    void set(NotifyPlan next) {
        reset();
        plan = next;
        watch(session.selected());
        if (!registered) {
            bus.registerUser(userId, this);
            registered = true;
        }
    }

    /** NOTIFY NONE, the connection's end, or an overflow. */
    void none() {
        reset();
        plan = null;
        if (registered) {
            bus.unregisterUser(userId, this);
            registered = false;
        }
    }

    private void reset() {
        generation++;
        statusDue.clear();
        pending = 0;
        selectedSyncDue = false;
    }

    // --- from the bus (any thread) ---------------------------------------------------------

    @Override
    public void poke() {
        ctx.io().context().runOnContext(v -> {
            if (plan != null && plan.selectedAny()) {
                syncSelected();
            }
        });
    }

    @Override
    public void event(MailboxEvent event, long timestampMillis) {
        ctx.io().context().runOnContext(v -> onEvent(event));
    }

    // --- on the connection's event loop ----------------------------------------------------

    private void onEvent(MailboxEvent e) {
        if (plan == null || !userId.equals(e.userId())) {
            return;
        }
        SelectedMailbox sel = session.selected();
        watch(sel);
        boolean isSelected = sel != null && sel.mailboxId().equals(e.mailboxId());
        String happened = messageEvent(e);
        if (happened != null) {
            if (isSelected) {
                // RFC 5465 3.1: only SELECTED / SELECTED-DELAYED decides for the selected mailbox
                if (plan.selectedAny()) {
                    syncSelected();
                }
            } else {
                statusLater(e.mailboxId(), happened);
            }
            return;
        }
        MailboxNotices.of(e).ifPresent(n -> listLater(n));
        if (isSelected && e instanceof MailboxEvent.MailboxDeleted && plan.selectedAny()) {
            syncSelected(); // fails with the mailbox gone: BYE, as for any command
        }
    }

    private static String messageEvent(MailboxEvent e) {
        if (e instanceof MailboxEvent.MessagesAppended) {
            return NotifyEvent.MESSAGE_NEW;
        }
        if (e instanceof MailboxEvent.MessagesExpunged) {
            return NotifyEvent.MESSAGE_EXPUNGE;
        }
        return e instanceof MailboxEvent.FlagsChanged ? NotifyEvent.FLAG_CHANGE : null;
    }

    /** Remembers the selected mailbox's highest UID, to know which messages MessageNew is about. */
    private void watch(SelectedMailbox sel) {
        if (sel != watched) {
            watched = sel;
            watchedMaxUid = sel == null ? 0 : sel.maxUid();
        }
    }

    private void syncSelected() {
        if (selectedSyncDue) {
            return;
        }
        selectedSyncDue = true;
        // RFC 5465 6.1.2: SELECTED-DELAYED keeps EXPUNGE for a command that allows it
        boolean expunge = !plan.delayed();
        later(() -> {
            selectedSyncDue = false;
            // RFC 9051 7.5.1 as elsewhere: not while a command the client already sent waits
            return ctx.sync().sync(expunge && !ctx.io().inputPending());
        }, false);
    }

    private void statusLater(String mailboxId, String happened) {
        MailboxInfo known = mailboxes == null ? null : mailboxes.get(mailboxId);
        if (known != null && plan.eventsFor(known.name(), known.subscribed()).stream()
                .noneMatch(NotifyEvent.MESSAGE_EVENTS::contains)) {
            return; // a mailbox nobody asked about: no store call
        }
        Set<String> due = statusDue.get(mailboxId);
        if (due != null) {
            due.add(happened); // one STATUS answers all of it
            return;
        }
        due = new LinkedHashSet<>(List.of(happened));
        statusDue.put(mailboxId, due);
        Set<String> what = due;
        later(() -> {
            statusDue.remove(mailboxId);
            return status(mailboxId, what);
        }, true);
    }

    private Uni<Void> status(String mailboxId, Set<String> happened) {
        return listed(mailboxId).chain(() -> {
            MailboxInfo m = mailboxes == null ? null : mailboxes.get(mailboxId);
            if (m == null || m.noselect() || plan == null) {
                return Uni.createFrom().voidItem();
            }
            Set<String> wanted = plan.eventsFor(m.name(), m.subscribed());
            boolean condstore = NotifyResponses.condstore(session);
            List<StatusItem> items = NotifyResponses.items(wanted, happened, condstore);
            if (items.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return ctx.store().call(s -> s.status(userId, m.name())).invoke(st -> {
                boolean onlyFlags = !items.contains(StatusItem.MESSAGES);
                Long before = lastUnseen.put(mailboxId, st.unseen());
                // RFC 5465 5.1: without CONDSTORE a flag change is told only through UNSEEN
                if (onlyFlags && !condstore && before != null && before == st.unseen()) {
                    return;
                }
                ctx.send(NotifyResponses.status(m.name(), st, items));
            }).replaceWithVoid();
        });
    }

    /** The user's mailboxes, asked from the store unless {@code mailboxId} is already known. */
    private Uni<Void> listed(String mailboxId) {
        if (mailboxes != null && mailboxes.containsKey(mailboxId)) {
            return Uni.createFrom().voidItem();
        }
        return ctx.store().call(s -> s.listMailboxes(userId)).invoke(this::remember).replaceWithVoid();
    }

    private void remember(List<MailboxInfo> all) {
        Map<String, MailboxInfo> byId = new HashMap<>();
        all.forEach(m -> byId.put(m.mailboxId(), m));
        mailboxes = byId;
    }

    private void listLater(MailboxNotices.Notice n) {
        mailboxes = null;
        if (n.oldName() != null && childOfRenamed(n)) {
            return; // RFC 5465 5.4: children of a renamed mailbox get no notice of their own
        }
        later(() -> ctx.store().call(s -> s.listMailboxes(userId)).invoke(all -> {
            remember(all);
            if (plan == null) {
                return;
            }
            MailboxInfo now = all.stream().filter(x -> x.name().equals(n.name())).findFirst().orElse(null);
            boolean subscribed = now != null ? now.subscribed() : n.subscribed();
            Set<String> wanted = plan.eventsFor(n.name(), subscribed || n.subscribed());
            if (n.oldName() != null) {
                wanted.addAll(plan.eventsFor(n.oldName(), subscribed));
            }
            if (!wanted.contains(n.event())) {
                return;
            }
            if (now == null && n.event().equals(NotifyEvent.SUBSCRIPTION_CHANGE)) {
                ctx.send(NotifyResponses.subscribedNonExistent(n.name(), n.subscribed()));
            } else {
                ctx.send(NotifyResponses.list(n.name(), now, n.oldName()));
            }
            parentAffected(n, all);
        }).replaceWithVoid(), true);
    }

    /** RFC 5465 5.4: a mailbox created or deleted affects its direct parent too (its children changed). */
    private void parentAffected(MailboxNotices.Notice n, List<MailboxInfo> all) {
        int slash = n.name().lastIndexOf('/');
        if (!n.event().equals(NotifyEvent.MAILBOX_NAME) || n.oldName() != null || slash <= 0) {
            return;
        }
        String parent = n.name().substring(0, slash);
        MailboxInfo p = all.stream().filter(x -> x.name().equals(parent)).findFirst().orElse(null);
        if (plan.eventsFor(parent, p != null && p.subscribed()).contains(NotifyEvent.MAILBOX_NAME)) {
            ctx.send(NotifyResponses.list(parent, p, null));
        }
    }

    /** Whether a rename is one of the children of a rename seen just before (parents come first). */
    private boolean childOfRenamed(MailboxNotices.Notice n) {
        boolean child = renames.stream().anyMatch(r -> n.oldName().startsWith(r[0] + "/")
                && n.name().equals(r[1] + n.oldName().substring(r[0].length())));
        renames.addLast(new String[] {n.oldName(), n.name()});
        if (renames.size() > 32) {
            renames.removeFirst();
        }
        return child;
    }

    /**
     * After the selected mailbox announced new messages (RFC 5465 5.2): EXISTS, then a FETCH of
     * the attributes MessageNew asked for. Called with each response the mailbox sync sends.
     */
    void afterUnsolicited(ImapResponse r) {
        SelectedMailbox sel = session.selected();
        if (!(r instanceof ImapResponse.Exists) || sel == null || sel != watched) {
            return;
        }
        long from = watchedMaxUid + 1;
        long to = sel.maxUid();
        watchedMaxUid = Math.max(watchedMaxUid, to);
        List<FetchItem> atts = plan == null ? List.of() : plan.newMessageAttributes();
        if (atts.isEmpty() || to < from) {
            return;
        }
        later(() -> {
            if (session.selected() != sel) {
                return Uni.createFrom().voidItem();
            }
            ImapCommand.Fetch fetch = new ImapCommand.Fetch("*", true,
                    SequenceSet.of(new SequenceSet.Range(from, to)), atts, null, false);
            return new FetchHandler().handle(fetch, ctx).replaceWithVoid();
        }, false);
    }

    /** Whether an unsolicited FETCH of flag changes may go out (RFC 5465 5.1: FlagChange). */
    boolean flagChangesWanted() {
        return plan == null || plan.selectedWants(NotifyEvent.FLAG_CHANGE);
    }

    /** Queues a notification for a quiet moment; past the limit: NOTIFICATIONOVERFLOW. */
    private void later(Supplier<Uni<Void>> task, boolean duringIdle) {
        if (++pending > MAX_PENDING) {
            overflow();
            return;
        }
        int gen = generation;
        ctx.io().whenQuiet(() -> {
            if (gen != generation) {
                return Uni.createFrom().voidItem(); // NOTIFY changed since: no longer asked for
            }
            pending--;
            return task.get();
        }, duringIdle);
    }

    /** RFC 5465 5.8: tell the client, then behave as after NOTIFY NONE. */
    private void overflow() {
        none();
        ctx.io().whenQuiet(() -> {
            ctx.send(ImapResponse.Condition.ok(OVERFLOW, "Too many notifications; NOTIFY NONE is now in effect"));
            return Uni.createFrom().voidItem();
        }, true);
    }

    /** The sink of the selected mailbox's unsolicited responses, obeying NOTIFY (RFC 5465 5.1). */
    public static Consumer<ImapResponse> selectedSink(ImapSession session, Consumer<ImapResponse> send) {
        return r -> {
            NotifySession n = session.notifySession();
            if (n == null || n.plan == null) {
                send.accept(r);
                return;
            }
            if (r instanceof ImapResponse.Fetch && !n.flagChangesWanted()) {
                return; // no FlagChange for the selected mailbox: no unsolicited FETCH FLAGS
            }
            send.accept(r);
            n.afterUnsolicited(r);
        };
    }
}
