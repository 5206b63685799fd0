package io.techbridge.deploy.smoke.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Sends the planned requests, a few at a time, and keeps what came back. */
public final class FuzzRunner {

    /** What one request got: its status ({@code -1}: no answer), content type, and the start of its body. */
    public record Outcome(FuzzRequest request, int status, String contentType, String body, String error, long millis) {

        public boolean accepted() {
            return status >= 200 && status < 300;
        }

        /**
         * An answer nobody should get: a server error, no answer at all, or a refusal that is not a problem
         * document. A 503 the operation describes (an import while others are read: retry later) is an answer.
         */
        public String violation() {
            if (status < 0) {
                return "no answer: " + error;
            }
            if (status == 503 && request.operation().responses().contains("503")
                    && contentType != null && contentType.startsWith("application/problem+json")) {
                return null;
            }
            if (status >= 500) {
                return "server error " + status;
            }
            // 414 and 431 come from the HTTP codec, which refuses an over-long request line or header
            // before any route (or filter that could write a problem document) sees the request.
            if (status >= 400 && status != 414 && status != 431 && request.path().startsWith("/api/")
                    && (contentType == null || !contentType.startsWith("application/problem+json"))) {
                return status + " without application/problem+json (Content-Type " + contentType + ")";
            }
            return null;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20))
            .build();
    private final Callers callers;
    private final Duration timeout;
    private final AtomicInteger retried = new AtomicInteger();

    public FuzzRunner(Callers callers, Duration timeout) {
        this.callers = callers;
        this.timeout = timeout;
    }

    /** Every request, on {@code threads} threads; the outcomes in the order of the requests. */
    public List<Outcome> run(List<FuzzRequest> requests, int threads) throws InterruptedException {
        Outcome[] outcomes = new Outcome[requests.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        outcomes[i] = send(requests.get(i));
                    }
                });
            }
        } finally {
            pool.shutdown();
        }
        if (!pool.awaitTermination(2, TimeUnit.HOURS)) {
            pool.shutdownNow();
            throw new IllegalStateException("the fuzz run did not finish");
        }
        List<Outcome> all = new ArrayList<>(requests.size());
        Collections.addAll(all, outcomes);
        return all;
    }

    /**
     * Sends one request. A connection the server closed just as the request went out on it (an
     * HTTP/1.1 keep-alive race, common after an answer given before a body was read) gets the
     * request once more on a new connection; if that fails too, it counts as no answer.
     */
    public Outcome send(FuzzRequest request) {
        Outcome outcome = sendOnce(request);
        if (outcome.status() < 0 && outcome.error() != null && outcome.error().startsWith("java.io.IOException")) {
            retried.incrementAndGet();
            return sendOnce(request);
        }
        return outcome;
    }

    /** How many requests met a closed connection and were sent again. */
    public int retried() {
        return retried.get();
    }

    private Outcome sendOnce(FuzzRequest request) {
        long started = System.nanoTime();
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout);
            for (Map.Entry<String, String> header : request.headers().entrySet()) {
                builder.header(header.getKey(), header.getValue());
            }
            callers.authorization(request.caller()).ifPresent(value -> builder.header("Authorization", value));
            builder.method(request.operation().method(), request.body() == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            String start = new String(body, 0, Math.min(body.length, 2000), StandardCharsets.UTF_8);
            return new Outcome(request, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    start, null, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | IllegalArgumentException e) {
            return new Outcome(request, -1, null, "", e.toString(), (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(request, -1, null, "", e.toString(), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
