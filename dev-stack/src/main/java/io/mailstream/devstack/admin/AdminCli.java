package io.mailstream.devstack.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/**
 * {@code ./mailstream admin ...}: user administration over the store's admin REST API
 * ({@code /admin/v1/users}). The API address and bearer token come from {@code --url} and
 * {@code --token}, else MAILSTREAM_ADMIN_URL / MAILSTREAM_ADMIN_TOKEN, else the local dev run's
 * {@code data/secrets.properties}. Exit status: 0 done, 1 refused by the API, 2 usage or
 * connection error.
 */
public final class AdminCli {
    static final String USAGE = String.join("\n",
            "Usage: ./mailstream admin [--url URL] [--token TOKEN] [--data-dir DIR] COMMAND",
            "",
            "Commands:",
            "  user add USERNAME PASSWORD [QUOTA_BYTES]   create an account (with INBOX, Sent, Drafts, ...)",
            "  user list                                   list accounts with quota and usage",
            "  user show USERNAME                          one account",
            "  user delete USERNAME                        delete an account and all its mail",
            "  user password USERNAME NEW_PASSWORD         change a password",
            "  user quota USERNAME BYTES [MESSAGES]        set the storage (and message-count) quota",
            "",
            "The API is http://127.0.0.1:8080 and the token the one ./mailstream dev printed, unless",
            "--url/--token or MAILSTREAM_ADMIN_URL/MAILSTREAM_ADMIN_TOKEN say otherwise.");

    private final PrintStream out;
    private final PrintStream err;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AdminCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new AdminCli(System.out, System.err).run(args));
    }

    int run(String[] args) {
        String url = System.getenv().getOrDefault("MAILSTREAM_ADMIN_URL", "http://127.0.0.1:8080");
        String token = System.getenv("MAILSTREAM_ADMIN_TOKEN");
        Path dataDir = Path.of("data");
        int i = 0;
        while (i < args.length && args[i].startsWith("--")) {
            if (i + 1 >= args.length) {
                return usage(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--url" -> url = args[i + 1];
                case "--token" -> token = args[i + 1];
                case "--data-dir" -> dataDir = Path.of(args[i + 1]);
                default -> {
                    return usage("unknown option " + args[i]);
                }
            }
            i += 2;
        }
        if (args.length - i < 2 || !args[i].equals("user")) {
            return usage(args.length - i == 0 || args[i].equals("help") ? null : "unknown command");
        }
        if (token == null) {
            token = tokenFrom(dataDir);
            if (token == null) {
                return usage("no admin token: give --token, set MAILSTREAM_ADMIN_TOKEN, or run ./mailstream dev first");
            }
        }
        String[] rest = java.util.Arrays.copyOfRange(args, i + 1, args.length);
        try {
            return user(url.replaceAll("/+$", "") + "/admin/v1/users", token, rest);
        } catch (ConnectException e) {
            err.println("mailstream admin: cannot reach the admin API at " + url + " (is the store running?)");
            return 2;
        } catch (IOException e) {
            err.println("mailstream admin: " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private int user(String base, String token, String[] a) throws IOException, InterruptedException {
        String cmd = a[0];
        if (cmd.equals("list") && a.length == 1) {
            return send(request(base, token).GET(), 200);
        }
        if (cmd.equals("add") && (a.length == 3 || a.length == 4)) {
            String quota = a.length == 4 ? ",\"quotaBytes\":" + number(a[3]) : "";
            return send(request(base, token).POST(json("{\"username\":" + quote(a[1]) + ",\"password\":"
                    + quote(a[2]) + quota + "}")), 201);
        }
        if (a.length < 2) {
            return usage("user " + cmd + ": missing arguments");
        }
        String one = base + "/" + URLEncoder.encode(a[1], StandardCharsets.UTF_8).replace("+", "%20");
        if (cmd.equals("show") && a.length == 2) {
            return send(request(one, token).GET(), 200);
        }
        if (cmd.equals("delete") && a.length == 2) {
            return send(request(one, token).DELETE(), 204);
        }
        if (cmd.equals("password") && a.length == 3) {
            return send(request(one + "/password", token).PUT(json("{\"password\":" + quote(a[2]) + "}")), 204);
        }
        if (cmd.equals("quota") && (a.length == 3 || a.length == 4)) {
            String messages = a.length == 4 ? ",\"quotaMessages\":" + number(a[3]) : "";
            return send(request(one + "/quota", token).PUT(json("{\"quotaBytes\":" + number(a[2]) + messages + "}")),
                    200);
        }
        return usage("user " + cmd + ": wrong arguments");
    }

    private HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    private int send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == expected || (expected == 204 && r.statusCode() == 200)) {
            out.println(r.body().isEmpty() ? "ok" : r.body());
            return 0;
        }
        String reason = switch (r.statusCode()) {
            case 401 -> "the admin token was refused";
            case 404 -> "no such user";
            case 409 -> "that user already exists";
            default -> "HTTP " + r.statusCode();
        };
        err.println("mailstream admin: " + reason + (r.body().isEmpty() ? "" : ": " + r.body()));
        return 1;
    }

    private int usage(String problem) {
        if (problem != null) {
            err.println("mailstream admin: " + problem);
        }
        (problem == null ? out : err).println(USAGE);
        return problem == null ? 0 : 2;
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    private static String number(String s) {
        return String.valueOf(Long.parseLong(s.trim()));
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    private static String tokenFrom(Path dataDir) {
        Path secrets = dataDir.resolve("secrets.properties");
        if (!Files.exists(secrets)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(secrets)) {
            p.load(in);
        } catch (IOException e) {
            return null;
        }
        return p.getProperty("admin-token", p.getProperty("admin.token"));
    }
}
