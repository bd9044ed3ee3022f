package io.mailstream.store.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** {@code mailstream.store.*} (env {@code MAILSTREAM_STORE_*}). */
@ConfigMapping(prefix = "mailstream.store")
public interface StoreSettings {

    /** MongoDB database name. */
    @WithDefault("mailstream")
    String database();

    /** Shared secret the front-ends present as {@code Authorization: Bearer ...}; empty refuses every call. */
    Optional<String> secret();

    /** Largest message APPEND accepts, in octets (TOOBIG above). */
    @WithDefault("52428800")
    long maxMessageSize();

    /** Largest total of one MULTIAPPEND (RFC 3502) call, in octets (TOOBIG above); bounds its memory. */
    @WithDefault("52428800")
    long maxAppendTotal();

    /** How long a mailbox write lease lasts unless renewed; bounds recovery after a crashed writer. */
    @WithDefault("10s")
    Duration leaseTtl();

    /** How long a writer waits for a busy mailbox before failing with UNAVAILABLE. */
    @WithDefault("15s")
    Duration leaseWait();

    /**
     * How long expunge tombstones are kept for QRESYNC VANISHED (RFC 7162 3.2.5) and session
     * resync: a device away for weeks still gets the exact VANISHED set. Older ones are purged
     * at the mailbox's next expunge, recording the highest purged modseq so that changes-since
     * from before it says it is incomplete (the front-end then answers from the UID list).
     */
    @WithDefault("90d")
    Duration tombstoneRetention();

    /** Storage quota of new users in octets when the admin request names none; -1 = unlimited. */
    @WithDefault("-1")
    long defaultQuotaBytes();

    /** Message-count quota of new users; -1 = unlimited. */
    @WithDefault("-1")
    long defaultQuotaMessages();

    /** Most messages one SEARCH/COPY/MOVE/EXPUNGE batch handles at a time (memory bound). */
    @WithDefault("500")
    int batchSize();

    /** The blob sweep ({@code mailstream.store.blob-sweep.*}): see {@code ops.BlobSweep}. */
    BlobSweep blobSweep();

    interface BlobSweep {
        /** false: never runs (another instance, or an operator's job, does it). */
        @WithDefault("true")
        boolean enabled();

        /** Time between two sweeps of this instance. */
        @WithDefault("1h")
        Duration interval();

        /**
         * Blobs whose references changed more recently are left alone: an append, copy or
         * expunge in flight touched them. Far above any write (lease-wait, request timeouts).
         */
        @WithDefault("1h")
        Duration minAge();
    }

    /** Argon2id cost for new password hashes (existing hashes keep theirs). */
    Argon2 argon2();

    interface Argon2 {
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();
    }
}
