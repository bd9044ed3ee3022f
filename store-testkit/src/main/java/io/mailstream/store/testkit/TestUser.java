package io.mailstream.store.testkit;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/** A user of the in-memory store. */
final class TestUser {
    final String id;
    final String name;
    final String password;
    final TreeMap<String, TestMailbox> mailboxes = new TreeMap<>();
    final Set<String> subscriptions = new HashSet<>();
    long storageLimit = -1;
    long messageLimit = -1;
    String maildropOwner;
    Instant maildropUntil = Instant.EPOCH;

    TestUser(String id, String name, String password) {
        this.id = id;
        this.name = name;
        this.password = password;
    }
}
