package io.mailstream.store.service.ops;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.mailstream.store.service.config.StoreSettings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Argon2id password hashes as PHC strings (DESIGN.md invariant 8), computed on a small pool of
 * their own (tens of milliseconds of CPU must not run on an event loop). Verification of an unknown user
 * runs against a dummy hash so both answers take the same time.
 */
@ApplicationScoped
public class Passwords {
    private final Argon2Function function;
    private final String dummyHash;
    /** Hashing is CPU and memory bound: at most one per core at a time (bounded memory under a login storm). */
    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "mailstream-password-hash");
                t.setDaemon(true);
                return t;
            });

    @Inject
    public Passwords(StoreSettings settings) {
        StoreSettings.Argon2 a = settings.argon2();
        this.function = Argon2Function.getInstance(a.memoryKib(), a.iterations(), a.parallelism(), 32, Argon2.ID, 19);
        this.dummyHash = Password.hash("mailstream-dummy").addRandomSalt(16).with(function).getResult();
    }

    public Uni<String> hash(String password) {
        return Uni.createFrom().item(() -> Password.hash(password).addRandomSalt(16).with(function).getResult())
                .runSubscriptionOn(pool);
    }

    /** Constant-time check (password4j compares digests with MessageDigest.isEqual). */
    public Uni<Boolean> verify(String password, String phcOrNull) {
        return Uni.createFrom().item(() -> {
            String phc = phcOrNull != null ? phcOrNull : dummyHash;
            boolean ok;
            try {
                ok = Password.check(password, phc).with(Argon2Function.getInstanceFromHash(phc));
            } catch (RuntimeException e) {
                ok = false;
            }
            return ok && phcOrNull != null;
        }).runSubscriptionOn(pool);
    }
}
