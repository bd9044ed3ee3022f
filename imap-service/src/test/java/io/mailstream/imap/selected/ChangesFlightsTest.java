package io.mailstream.imap.selected;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailstream.imap.events.MailboxNews;
import io.mailstream.imap.store.StoreAccess;
import io.mailstream.store.api.Changes;
import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.UidSet;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Single-flight changes-since (DESIGN invariant 1): a request takes the answer of a read only
 * if that read began after what the request must reflect; failures are never handed to later
 * requests.
 */
class ChangesFlightsTest {
    private Vertx vertx;
    private StoreAccess access;
    private ChangesFlights flights;
    /** The changes-since calls the store received, each answered when the test says. */
    private final List<UniEmitter<? super Changes>> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        MailStore store = (MailStore) Proxy.newProxyInstance(MailStore.class.getClassLoader(),
                new Class<?>[] {MailStore.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("changesSince")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return Uni.createFrom().<Changes>emitter(calls::add);
                });
        access = new StoreAccess(store, vertx.getOrCreateContext(), Duration.ofSeconds(30));
        flights = new ChangesFlights(new MailboxNews());
    }

    @AfterEach
    void tearDown() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private List<Changes> subscribe(long since, long neededSince, List<Throwable> failures) {
        List<Changes> got = new CopyOnWriteArrayList<>();
        flights.changesSince(access, "u", "box", since, neededSince).subscribe()
                .with(a -> got.add(a.changes()), failures::add);
        return got;
    }

    private static Changes changes(long modSeq) {
        return new Changes(modSeq, 10, List.of(), UidSet.empty(), false);
    }

    private static void until(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met in 10 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void requestsWhoseNewsPredatesTheReadShareIt() throws Exception {
        long news = MailboxNews.now();
        List<Throwable> failures = new ArrayList<>();
        List<Changes> a = subscribe(5, news, failures);
        List<Changes> b = subscribe(5, news, failures);
        until(() -> calls.size() == 1);
        calls.get(0).complete(changes(6));
        until(() -> a.size() == 1 && b.size() == 1);
        assertThat(calls).hasSize(1);
        assertThat(b.get(0)).isSameAs(a.get(0));
        assertThat(flights.reads()).isEqualTo(1);
        assertThat(flights.joined()).isEqualTo(1);
        // Finished, but began after this news too: still the answer.
        List<Changes> c = subscribe(5, news, failures);
        until(() -> c.size() == 1);
        assertThat(calls).hasSize(1);
        assertThat(failures).isEmpty();
    }

    @Test
    void newsAfterTheReadBeganNeedsAReadOfItsOwn() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        List<Changes> a = subscribe(5, MailboxNews.now(), failures);
        until(() -> calls.size() == 1);
        long later = MailboxNews.now() + 1; // a write completed after that read began
        List<Changes> b = subscribe(5, later, failures);
        until(() -> calls.size() == 2);
        calls.get(0).complete(changes(5));
        calls.get(1).complete(changes(6));
        until(() -> a.size() == 1 && b.size() == 1);
        assertThat(a.get(0).highestModSeq()).isEqualTo(5);
        assertThat(b.get(0).highestModSeq()).isEqualTo(6);
    }

    @Test
    void anotherModSeqIsAnotherRead() throws Exception {
        long news = MailboxNews.now();
        List<Throwable> failures = new ArrayList<>();
        subscribe(5, news, failures);
        subscribe(6, news, failures);
        until(() -> calls.size() == 2);
        assertThat(flights.joined()).isZero();
    }

    @Test
    void aFailedReadIsSharedByItsJoinersButNotReused() throws Exception {
        long news = MailboxNews.now();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        subscribe(5, news, failures);
        subscribe(5, news, failures);
        until(() -> calls.size() == 1);
        calls.get(0).fail(new StoreException(StoreErrorCode.UNAVAILABLE, "down"));
        until(() -> failures.size() == 2);
        List<Changes> c = subscribe(5, news, failures);
        until(() -> calls.size() == 2);
        calls.get(1).complete(changes(7));
        until(() -> c.size() == 1);
        assertThat(c.get(0).highestModSeq()).isEqualTo(7);
    }
}
