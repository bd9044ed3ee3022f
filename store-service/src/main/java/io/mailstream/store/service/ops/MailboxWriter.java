package io.mailstream.store.service.ops;

import io.mailstream.store.service.domain.MailboxRecord;
import io.mailstream.store.service.events.EventPublisher;
import io.mailstream.store.service.repo.MailboxLeases;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a write on one mailbox under its lease (DESIGN.md invariant 3):
 * local queue -> acquire lease -> work (allocate, write documents) -> reserve events ->
 * publish stable modseq/uidNext and release in one update -> commit events. Readers only trust
 * the published values, so they never see a mod-sequence whose documents are not in place.
 */
@ApplicationScoped
public class MailboxWriter {
    private final MailboxLeases leases;
    private final EventPublisher events;
    private final KeyedMutex local = new KeyedMutex();

    @Inject
    public MailboxWriter(MailboxLeases leases, EventPublisher events) {
        this.leases = leases;
        this.events = events;
    }

    public <T> Uni<T> write(String userId, String mailboxId, Function<WriteContext, Uni<T>> work) {
        return local.run(mailboxId, () -> leases.acquire(userId, mailboxId).onItem().transformToUni(lease -> {
            WriteContext ctx = new WriteContext(lease);
            return Uni.createFrom().deferred(() -> work.apply(ctx))
                    .onItem().transformToUni(result -> finish(ctx).replaceWith(result))
                    .onFailure().recoverWithUni(f -> finish(ctx).onItemOrFailure()
                            .transformToUni((x, g) -> Uni.createFrom().failure(f)));
        }));
    }

    /** Allocates {@code uids} uids and one mod-sequence under the context's lease. */
    public Uni<MailboxRecord> allocate(WriteContext ctx, int uids) {
        return allocate(ctx, uids, 1);
    }

    /** Allocates {@code uids} uids and {@code modSeqs} mod-sequences (one per change of a batch). */
    public Uni<MailboxRecord> allocate(WriteContext ctx, int uids, int modSeqs) {
        return leases.allocate(ctx.lease, uids, modSeqs).invoke(m -> ctx.allocated = m);
    }

    /** Renews the lease if it is getting old (between batches of a long write). */
    public Uni<Void> keepAlive(WriteContext ctx) {
        return leases.checked(ctx.lease).invoke(l -> ctx.lease = l).replaceWithVoid();
    }

    private Uni<Void> finish(WriteContext ctx) {
        if (ctx.allocated == null) {
            return leases.release(ctx.lease);
        }
        List<EventPublisher.Ticket> tickets = ctx.events.stream().map(events::reserve).toList();
        MailboxRecord m = ctx.allocated;
        return leases.publishAndRelease(ctx.lease, m.modSeq(), m.uidNext())
                .onItemOrFailure().invoke((ok, f) -> tickets.forEach(EventPublisher.Ticket::commit))
                .replaceWithVoid();
    }
}
