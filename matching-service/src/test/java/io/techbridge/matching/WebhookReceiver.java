package io.techbridge.matching;

import com.sun.net.httpserver.HttpServer;
import io.techbridge.matching.webhook.WebhookSignature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A subscriber's receiving server on localhost: records every request and answers the statuses it is told to. */
final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    record Received(String event, String delivery, String signature, String body) {

        com.fasterxml.jackson.databind.JsonNode json() {
            try {
                return Events.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Whether the signature is the HMAC of its time and this body under the secret. */
        boolean signedWith(String secret) {
            Map<String, String> parts = new java.util.HashMap<>();
            for (String part : signature.split(",")) {
                String[] kv = part.split("=", 2);
                parts.put(kv[0], kv[1]);
            }
            long t = Long.parseLong(parts.get("t"));
            return Math.abs(System.currentTimeMillis() / 1000 - t) < 300
                    && WebhookSignature.hmac(secret, t + "." + body).equals(parts.get("v1"));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private volatile int thenAnswer = 204;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("TechBridge-Event"),
                    exchange.getRequestHeaders().getFirst("TechBridge-Delivery"),
                    exchange.getRequestHeaders().getFirst("TechBridge-Signature"), body));
            int status;
            synchronized (answers) {
                status = answers.isEmpty() ? thenAnswer : answers.poll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Answers these statuses to the next requests, in order, then {@code then} to every later one. */
    WebhookReceiver answering(int then, Integer... first) {
        synchronized (answers) {
            answers.clear();
            answers.addAll(List.of(first));
            thenAnswer = then;
        }
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> of(String event) {
        return received.stream().filter(r -> event.equals(r.event())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
