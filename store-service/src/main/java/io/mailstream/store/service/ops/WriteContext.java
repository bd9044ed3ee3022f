package io.mailstream.store.service.ops;

import io.mailstream.store.service.domain.MailboxRecord;
import io.mailstream.store.service.repo.MailboxLeases;
import io.mailstream.sync.MailboxEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * State of one leased write: the lease, the mailbox after the latest allocation (null if nothing
 * was allocated), and the events to publish once the write is durable.
 */
public final class WriteContext {
    MailboxLeases.Lease lease;
    MailboxRecord allocated;
    final List<MailboxEvent> events = new ArrayList<>();

    WriteContext(MailboxLeases.Lease lease) {
        this.lease = lease;
    }

    public MailboxLeases.Lease lease() {
        return lease;
    }

    /** The mailbox as the lease holder sees it: after our allocations if any. */
    public MailboxRecord mailbox() {
        return allocated != null ? allocated : lease.mailbox();
    }

    public String userId() {
        return lease.mailbox().userId();
    }

    public String mailboxId() {
        return lease.mailboxId();
    }

    public void event(MailboxEvent event) {
        events.add(event);
    }
}
