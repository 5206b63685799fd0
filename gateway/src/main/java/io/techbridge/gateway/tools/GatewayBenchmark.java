package io.techbridge.gateway.tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the gateway adds to a request: the same calls sent straight to a service and through the
 * gateway, alternately, one at a time on kept-alive connections, against a running stack
 * ({@code deploy/local/up}). Prints p50/p99 of both and their difference per endpoint.
 *
 * <p>Usage: {@code gateway/benchmark [--requests N] [--warmup N]}; ports from the same variables
 * as deploy/local. Start the stack with high rate limits ({@code TECHBRIDGE_RATE_LIMIT_PER_ACCOUNT},
 * {@code _PER_ADDRESS}), or the limits, not the gateway, are what gets measured.
 */
public final class GatewayBenchmark {

    private static final String HOST = "127.0.0.1";
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refreshToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expiresIn\"\\s*:\\s*(\\d+)");
    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        int requests = option(args, "--requests", 2000);
        int warmup = option(args, "--warmup", 200);
        new GatewayBenchmark().run(requests, warmup);
    }

    private void run(int requests, int warmup) throws Exception {
        int gateway = port("TECHBRIDGE_GATEWAY_PORT", 8080);
        int achievement = port("TECHBRIDGE_ACHIEVEMENT_PORT", 8081);
        int matching = port("TECHBRIDGE_MATCHING_PORT", 8083);
        Login broker = brokerLogin(gateway);
        String achievementId = firstId(get(url(achievement, "/api/achievements?size=1"), null).body());
        System.out.printf("TechBridge gateway overhead: %,d requests per endpoint and route after %,d warm-up, "
                + "one at a time, %d cores, load average %s%n", requests, warmup,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.println();
        System.out.println("| endpoint | direct p50 / p99 | via gateway p50 / p99 | overhead p50 / p99 |");
        System.out.println("|---|---|---|---|");
        measure("GET /api/achievements/{id} (public read)", achievement, gateway,
                "/api/achievements/" + achievementId, null, requests, warmup);
        measure("GET /api/achievements?size=20 (list)", achievement, gateway,
                "/api/achievements?size=20", null, requests, warmup);
        measure("GET /api/matches?size=10 (broker token)", matching, gateway,
                "/api/matches?size=10", broker, requests, warmup);
    }

    private void measure(String name, int servicePort, int gatewayPort, String path, Login login, int requests,
            int warmup) throws IOException {
        String direct = url(servicePort, path);
        String routed = url(gatewayPort, path);
        for (int i = 0; i < warmup; i++) {
            String token = login == null ? null : login.token();
            check(get(direct, token), direct);
            check(get(routed, token), routed);
        }
        long[] directTimes = new long[requests];
        long[] routedTimes = new long[requests];
        // Alternating keeps both sides under the same background load.
        for (int i = 0; i < requests; i++) {
            // renewed, when due, outside the timed calls
            String token = login == null ? null : login.token();
            long t0 = System.nanoTime();
            check(get(direct, token), direct);
            long t1 = System.nanoTime();
            check(get(routed, token), routed);
            long t2 = System.nanoTime();
            directTimes[i] = t1 - t0;
            routedTimes[i] = t2 - t1;
        }
        Arrays.sort(directTimes);
        Arrays.sort(routedTimes);
        System.out.printf(Locale.ROOT, "| %s | %.2f / %.2f ms | %.2f / %.2f ms | +%.2f / +%.2f ms |%n", name,
                ms(pct(directTimes, 50)), ms(pct(directTimes, 99)), ms(pct(routedTimes, 50)), ms(pct(routedTimes, 99)),
                ms(pct(routedTimes, 50) - pct(directTimes, 50)), ms(pct(routedTimes, 99) - pct(directTimes, 99)));
    }

    private Login brokerLogin(int gatewayPort) throws IOException {
        Path root = Path.of(System.getProperty("techbridge.root", "."));
        Path accounts = Path.of(System.getenv().getOrDefault("TECHBRIDGE_DATA_DIR",
                root.resolve("deploy/local/data").toString()), "demo-accounts.json");
        String text = Files.readString(accounts, StandardCharsets.UTF_8);
        // The accounts file is a small JSON array; the broker's entry names its login and password.
        Matcher broker = Pattern.compile("\\{[^}]*\"role\"\\s*:\\s*\"broker\"[^}]*}").matcher(text);
        if (!broker.find()) {
            throw new IllegalStateException("no broker account in " + accounts);
        }
        String entry = broker.group();
        String body = "{\"username\":\"" + field(entry, "username") + "\",\"password\":\"" + field(entry, "password") + "\"}";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(gatewayPort, "/api/auth/login")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
        check(response, "login");
        return new Login(gatewayPort, response.body());
    }

    /**
     * The broker's login: an access token lives 50 s, so a run of minutes renews it with the refresh
     * token when less than 15 s (or a third of its lifetime) is left.
     */
    private final class Login {

        private final int gatewayPort;
        private String accessToken;
        private String refreshToken;
        private long renewAt;

        Login(int gatewayPort, String answer) {
            this.gatewayPort = gatewayPort;
            take(answer);
        }

        String token() throws IOException {
            if (System.nanoTime() - renewAt >= 0) {
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url(gatewayPort, "/api/auth/refresh")))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\"" + refreshToken + "\"}",
                                StandardCharsets.UTF_8)).build());
                check(response, "refresh");
                take(response.body());
            }
            return accessToken;
        }

        private void take(String answer) {
            accessToken = group(TOKEN, answer, "access token");
            refreshToken = group(REFRESH_TOKEN, answer, "refresh token");
            long lifetime = Long.parseLong(group(EXPIRES_IN, answer, "lifetime"));
            renewAt = System.nanoTime() + Duration.ofSeconds(lifetime - Math.min(15, lifetime / 3)).toNanos();
        }
    }

    private static String group(Pattern pattern, String json, String what) {
        Matcher m = pattern.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("login answered without a " + what + ": " + json);
        }
        return m.group(1);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String firstId(String json) {
        Matcher m = FIRST_ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no achievement to read; load the demo data first");
        }
        return m.group(1);
    }

    private HttpResponse<String> get(String url, String token) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void check(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static String url(int port, String path) {
        return "http://" + HOST + ":" + port + path;
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String loadAverage() {
        try {
            List<String> parts = new ArrayList<>(List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")));
            return String.join(" ", parts.subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static int port(String name, int defaultPort) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.strip());
    }

    private static int option(String[] args, String name, int defaultValue) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                int n = Integer.parseInt(args[i + 1]);
                if (n < 1) {
                    throw new IllegalArgumentException(name + " must be at least 1");
                }
                return n;
            }
        }
        return defaultValue;
    }
}
