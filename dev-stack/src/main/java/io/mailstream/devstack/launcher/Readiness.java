package io.mailstream.devstack.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** Waits for services to answer {@code GET /q/health/ready} with 200. */
public final class Readiness {

    public static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final long POLL_MILLIS = 200;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A service that did not become ready; the message names it and its log file. */
    public static final class NotReadyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotReadyException(String message) {
            super(message);
        }
    }

    /** Waits for all of {@code children} at once; throws for the first that fails. */
    public void awaitAll(List<Children.Child> children) {
        List<CompletableFuture<Void>> waits = children.stream()
                .map(child -> CompletableFuture.runAsync(() -> await(child)))
                .toList();
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    public void await(Children.Child child) {
        String name = child.instance().name();
        URI uri = URI.create("http://" + DevEnvironment.HOST + ":" + child.instance().httpPort() + "/q/health/ready");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int lastStatus = -1;
        while (System.nanoTime() < deadline) {
            if (!child.process().isAlive()) {
                throw new NotReadyException(name + " exited with status " + child.process().exitValue()
                        + " before it was ready; see " + child.logFile());
            }
            try {
                lastStatus = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotReadyException("interrupted while waiting for " + name);
            }
            sleep();
        }
        throw new NotReadyException(name + " was not ready within " + TIMEOUT.toSeconds() + " s ("
                + uri + (lastStatus > 0 ? " answered " + lastStatus : " did not answer") + "); see " + child.logFile());
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
