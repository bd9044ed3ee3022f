package io.mailstream.devstack.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Creates the demo user through the store's admin REST API. */
public final class DemoAccount {

    public static final String USERNAME = "demo@localhost";
    public static final String PASSWORD = "demo";
    public static final long QUOTA_BYTES = 1L << 30;

    /** What the store said. */
    public enum Outcome {
        CREATED, ALREADY_EXISTS, API_NOT_AVAILABLE
    }

    private DemoAccount() {
    }

    public static Outcome ensure(String storeUrl, String adminToken) {
        String body = "{\"username\":\"" + USERNAME + "\",\"password\":\"" + PASSWORD
                + "\",\"quotaBytes\":" + QUOTA_BYTES + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(storeUrl + "/admin/v1/users"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the store's admin API at " + storeUrl + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the demo account", e);
        }
        switch (response.statusCode()) {
            case 201:
                return Outcome.CREATED;
            case 409:
                return Outcome.ALREADY_EXISTS;
            case 404:
                return Outcome.API_NOT_AVAILABLE;
            default:
                throw new IllegalStateException("the store refused to create the demo account: HTTP "
                        + response.statusCode() + " " + response.body());
        }
    }
}
