package io.mailstream.platform.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server's own view of push latency: the cumulative buckets of imap-service's
 * {@code mailstream_imap_push_latency_seconds} histogram (event timestamp set by the store's
 * producer -> untagged response written), so the Kafka-and-fan-out leg can be told apart from
 * the store's write.
 */
record ServerLatency(TreeMap<Double, Double> buckets) {

    static ServerLatency read(int httpPort) throws Exception {
        String metrics = PushBenchmark.HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/q/metrics")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        TreeMap<Double, Double> b = new TreeMap<>();
        for (String l : metrics.split("\n")) {
            if (l.startsWith("mailstream_imap_push_latency_seconds_bucket{le=\"")) {
                String le = l.substring(l.indexOf("le=\"") + 4, l.indexOf('"', l.indexOf("le=\"") + 4));
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                b.put(bound, Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)));
            }
        }
        return new ServerLatency(b);
    }

    /** "p50 <= x ms, p99 <= y ms (n deliveries)" for what was recorded between {@code before} and this. */
    String since(ServerLatency before) {
        TreeMap<Double, Double> d = new TreeMap<>();
        for (Map.Entry<Double, Double> e : buckets.entrySet()) {
            d.put(e.getKey(), e.getValue() - before.buckets.getOrDefault(e.getKey(), 0.0));
        }
        double total = d.isEmpty() ? 0 : d.lastEntry().getValue();
        if (total <= 0) {
            return "no deliveries recorded";
        }
        return String.format("p50 <= %s, p99 <= %s (%.0f deliveries)", bound(d, total * 0.5), bound(d, total * 0.99),
                total);
    }

    private static String bound(TreeMap<Double, Double> cumulative, double rank) {
        for (Map.Entry<Double, Double> e : cumulative.entrySet()) {
            if (e.getValue() >= rank) {
                return e.getKey().isInfinite() ? "inf" : String.format("%.1f ms", e.getKey() * 1000);
            }
        }
        return "inf";
    }
}
