package io.mailstream.platform.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * imap-service's store-read counters: changes-since reads begun, requests that joined another
 * session's read, and command syncs that needed no read; the difference over a run, per round.
 * Zeros against a build that predates these counters.
 */
record StoreReads(double reads, double shared, double skipped) {

    static StoreReads read(int httpPort) throws Exception {
        String metrics = PushBenchmark.HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/q/metrics")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double reads = 0;
        double shared = 0;
        double skipped = 0;
        for (String l : metrics.split("\n")) {
            if (l.startsWith("mailstream_imap_push_store_reads_total")) {
                reads = value(l);
            } else if (l.startsWith("mailstream_imap_push_store_reads_shared_total")) {
                shared = value(l);
            } else if (l.startsWith("mailstream_imap_push_store_reads_skipped_total")) {
                skipped = value(l);
            }
        }
        return new StoreReads(reads, shared, skipped);
    }

    private static double value(String line) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }

    String since(StoreReads before, int rounds) {
        return String.format("changes-since reads %.0f (%.1f per round), joined another's read %.0f, "
                + "command syncs without a read %.0f", reads - before.reads, (reads - before.reads) / rounds,
                shared - before.shared, skipped - before.skipped);
    }
}
