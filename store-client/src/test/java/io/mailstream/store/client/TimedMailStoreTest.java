package io.mailstream.store.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailstream.store.api.MailStore;
import io.mailstream.store.api.Quota;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** Store calls are timed by operation and outcome; results and failures pass through unchanged. */
class TimedMailStoreTest {

    @Test
    void timesEachCallByOperationAndOutcome() {
        Quota quota = new Quota(10, 100, 1, 1000);
        MailStore fake = (MailStore) Proxy.newProxyInstance(MailStore.class.getClassLoader(),
                new Class<?>[] {MailStore.class}, (p, m, args) -> switch (m.getName()) {
                    case "quota" -> "u1".equals(args[0]) ? Uni.createFrom().item(quota)
                            : Uni.createFrom().failure(new StoreException(StoreErrorCode.NONEXISTENT, "no such user"));
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MailStore timed = TimedMailStore.wrap(fake, registry);

        assertThat(timed.quota("u1").await().indefinitely()).isEqualTo(quota);
        assertThat(timed.quota("u1").await().indefinitely()).isEqualTo(quota);
        assertThatThrownBy(() -> timed.quota("nobody").await().indefinitely()).isInstanceOf(StoreException.class);

        Timer ok = registry.find("mailstream.store.client").tags("operation", "quota", "outcome", "ok").timer();
        Timer missing = registry.find("mailstream.store.client").tags("operation", "quota", "outcome", "nonexistent")
                .timer();
        assertThat(ok).isNotNull();
        assertThat(ok.count()).isEqualTo(2);
        assertThat(missing).isNotNull();
        assertThat(missing.count()).isEqualTo(1);
        assertThat(timed).isNotInstanceOf(AutoCloseable.class);
    }

    @Test
    void aCallIsTimedOnlyWhenSubscribed() {
        MailStore fake = (MailStore) Proxy.newProxyInstance(MailStore.class.getClassLoader(),
                new Class<?>[] {MailStore.class}, (p, m, args) -> Uni.createFrom().item(new Quota(0, 0, 0, 0)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Uni<Quota> call = TimedMailStore.wrap(fake, registry).quota("u1");
        assertThat(registry.find("mailstream.store.client").timer()).isNull();
        call.await().indefinitely();
        assertThat(registry.find("mailstream.store.client").timer().count()).isEqualTo(1);
    }
}
