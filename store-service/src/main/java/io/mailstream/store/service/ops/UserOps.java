package io.mailstream.store.service.ops;

import io.mailstream.store.api.Quota;
import io.mailstream.store.api.StoreErrorCode;
import io.mailstream.store.api.StoreException;
import io.mailstream.store.api.UserRef;
import io.mailstream.store.service.config.StoreSettings;
import io.mailstream.store.service.domain.UserRecord;
import io.mailstream.store.service.domain.Users;
import io.mailstream.store.service.repo.UserRepo;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Authentication and quota of the store API. */
@ApplicationScoped
public class UserOps {
    /** Longest password accepted; longer input is refused before hashing (bounded CPU). */
    static final int MAX_PASSWORD = 1024;

    private final UserRepo users;
    private final Passwords passwords;

    @Inject
    public UserOps(UserRepo users, Passwords passwords, StoreSettings settings) {
        this.users = users;
        this.passwords = passwords;
    }

    /** Same failure for unknown user and wrong password (RFC 5530 AUTHENTICATIONFAILED). */
    public Uni<UserRef> authenticate(String username, String password) {
        String name;
        try {
            name = Users.canonicalUsername(username);
        } catch (StoreException e) {
            name = null;
        }
        if (password == null || password.length() > MAX_PASSWORD) {
            return Uni.createFrom().failure(failed());
        }
        Uni<UserRecord> user = name == null ? Uni.createFrom().nullItem() : users.byUsername(name);
        return user.onItem().transformToUni(u -> passwords.verify(password, u == null ? null : u.passwordHash())
                .map(ok -> {
                    if (!ok) {
                        throw failed();
                    }
                    return new UserRef(u.id(), u.username());
                }));
    }

    /** The account of a canonical username, for mail delivery; NONEXISTENT when there is none. */
    public Uni<UserRef> findUser(String username) {
        String name = Users.canonicalUsername(username);
        return users.byUsername(name).map(u -> {
            if (u == null) {
                throw new StoreException(StoreErrorCode.NONEXISTENT, "no such user");
            }
            return new UserRef(u.id(), u.username());
        });
    }

    public Uni<Quota> quota(String userId) {
        return users.require(userId)
                .map(u -> new Quota(u.usedBytes(), u.quotaBytes(), u.usedMessages(), u.quotaMessages()));
    }

    private static StoreException failed() {
        return new StoreException(StoreErrorCode.AUTHENTICATIONFAILED, "invalid credentials");
    }
}
