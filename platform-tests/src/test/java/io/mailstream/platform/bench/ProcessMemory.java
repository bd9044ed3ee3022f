package io.mailstream.platform.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Heap and RSS of a local service JVM found by its HTTP port: heap from Prometheus
 * {@code jvm_memory_used_bytes{area="heap"}} right after {@code jcmd <pid> GC.run}, RSS from
 * {@code /proc/<pid>/status} VmRSS.
 */
record ProcessMemory(long pid, double heapBytes, double rssBytes) {

    /** Null when no JVM of {@code module} serves HTTP on {@code httpPort}. */
    static ProcessMemory of(String module, int httpPort) throws IOException, InterruptedException {
        long pid = pidOf(module, httpPort);
        if (pid < 0) {
            return null;
        }
        new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        String metrics = PushBenchmark.HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/q/metrics")).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double heap = 0;
        for (String l : metrics.split("\n")) {
            if (l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\"")) {
                heap += Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
            }
        }
        double rss = 0;
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                rss = Double.parseDouble(l.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return new ProcessMemory(pid, heap, rss);
    }

    /** The JVM running {@code module} whose environment has QUARKUS_HTTP_PORT=port (as ./mailstream dev sets). */
    static long pidOf(String module, int port) throws IOException {
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path p : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = Files.readString(p.resolve("cmdline"), StandardCharsets.ISO_8859_1);
                    String env = Files.readString(p.resolve("environ"), StandardCharsets.ISO_8859_1);
                    if (cmd.contains(module) && env.contains("QUARKUS_HTTP_PORT=" + port + "\0")) {
                        return Long.parseLong(p.getFileName().toString());
                    }
                } catch (IOException e) {
                    // exited meanwhile, or not ours to read
                }
            }
        }
        return -1;
    }
}
