package io.techbridge.deploy.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techbridge.deploy.local.GatewaySession;
import io.techbridge.deploy.local.JwtKeyFiles;
import io.techbridge.deploy.local.LocalTokens;
import io.techbridge.deploy.local.Traces;
import io.techbridge.deploy.local.testing.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a new user does first: {@code deploy/local/up} on an empty data folder, a registration,
 * a login at the gateway, {@code down}; then {@code up} again on the kept folder, where everything
 * is still there. On the way an admin disables an account, whose access then ends at the gateway
 * and at the services (the stack runs with access tokens of 10 s), and the API fuzzer ({@link ApiFuzz})
 * sends 10,000 hostile requests, none of which may get a 5xx or change what it was refused.
 */
class LocalStackSmokeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Short, so the test sees a disabled account's last token expire at the services. */
    private static final int TOKEN_LIFETIME_SECONDS = 10;
    /** The fuzzer's budget in the build: every operation of every service, at least 10,000 requests. */
    private static final int FUZZ_REQUESTS = 10_000;
    private DeployLocal stack;
    private final HttpClient http = HttpClient.newHttpClient();
    /** Stop and generic words, numbers and letters that must never be shown as matched terms. */
    /** matching-service's techbridge.matching.proposal-threshold: a pair shown by default reaches it. */
    private static final double OPERATING_THRESHOLD = 0.35;
    private static final java.util.Set<String> NOT_CONTENT = java.util.Set.of("of", "the", "a", "m", "50", "采用", "目前",
            "现有", "使用", "技术", "方法", "开发", "研究", "系统", "公斤", "制备");

    @Test
    void upLoadsTheDemoAndDownThenUpAgainKeepsEverything() throws Exception {
        stack = new DeployLocal(Path.of("target", "smoke-data")).with("TECHBRIDGE_TOKEN_LIFETIME", TOKEN_LIFETIME_SECONDS + "s")
                // The services write their spans to <data>/traces (the local stack's default, here made explicit).
                .with("TECHBRIDGE_TRACING_FILE_ENABLED", "true");
        // The fuzzer below sends thousands of requests a minute from one address.
        OpenApiFuzzTest.RAISED_LIMITS.forEach(stack::with);
        Path projectDir = stack.projectDir();
        Path dataDir = stack.dataDir();
        String achievements = "http://localhost:" + stack.port("ACHIEVEMENT") + "/api/achievements";
        String demands = "http://localhost:" + stack.port("DEMAND") + "/api/demands";
        int demoAchievements = JSON.readTree(projectDir.resolve("deploy/local/demo/achievements.json").toFile()).size();
        int demoDemands = JSON.readTree(projectDir.resolve("deploy/local/demo/demands.json").toFile()).size();

        String gateway = "http://localhost:" + stack.port("GATEWAY");

        String firstStart = stack.run("up");
        assertTrue(firstStart.contains("TechBridge is up"), firstStart);
        assertTrue(firstStart.contains(gateway), firstStart);
        assertTrue(firstStart.contains(achievements.replace("/api/achievements", "")), firstStart);
        onlyTheGatewayAnswersBeyondLoopback();
        // Signed with the installation's own key, which up made in the data folder.
        LocalTokens tokens = new LocalTokens(JwtKeyFiles.in(dataDir.resolve("keys")));
        String broker = "Bearer " + tokens.token("broker", "org-techbridge-brokers", "BROKER_AGENCY", Duration.ofHours(1));
        assertEquals(demoAchievements, total(achievements, broker));
        assertEquals(demoDemands, total(demands, broker));

        JsonNode first = JSON.readTree(projectDir.resolve("deploy/local/demo/achievements.json").toFile()).get(0);
        ((ObjectNode) first).remove("key");
        String university = "Bearer " + tokens.token("university", first.get("organisationId").asText(), "UNIVERSITY",
                Duration.ofHours(1));
        // Registering a demo achievement again is caught as a near-duplicate; confirmed, it is registered.
        HttpResponse<String> repeated = postJson(achievements, university, first);
        assertEquals(409, repeated.statusCode(), repeated.body());
        assertTrue(repeated.body().contains("possible-duplicate"), repeated.body());
        HttpResponse<String> created = postJson(achievements + "?duplicates=confirmed", university, first);
        assertEquals(201, created.statusCode(), created.body());
        String id = JSON.readTree(created.body()).get("id").asText();
        try (TopicReader reader = new TopicReader("127.0.0.1:" + stack.port("KAFKA"),
                "achievement-events")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> !reader.pollKey(id).isEmpty());
        }
        // The demo demands get explained pairs: the designed fit of d01 is among its best three
        // candidates, strong or not.
        JsonNode demoIds = JSON.readTree(dataDir.resolve("demo-ids.json").toFile());
        String matches = "http://localhost:" + stack.port("MATCHING") + "/api/demands/"
                + demoIds.get("d01").asText() + "/matches?limit=3&includeWeak=true";
        String designedFit = demoIds.get("a01").asText();
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(matches))
                            .header("Authorization", broker).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            JsonNode ranked = JSON.readTree(response.body());
            return ranked.size() > 0 && ranked.get(0).get("explanation").get("factors").size() == 9
                    && ranked.findValuesAsText("achievementId").contains(designedFit);
        });
        anAchievementCreatedThroughTheGatewayIsOneTraceFromTheRequestToTheIndex(gateway, dataDir, first);
        // No padding and no noise: every demo demand shows only strong pairs, whose matched terms are
        // content words; some demands have no strong match at all.
        int withoutStrongMatch = 0;
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = demoIds.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> demo = it.next();
            if (!demo.getKey().startsWith("d")) {
                continue;
            }
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + stack.port("MATCHING") + "/api/demands/" + demo.getValue().asText() + "/matches?limit=10"))
                    .header("Authorization", broker).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode ranked = JSON.readTree(response.body());
            withoutStrongMatch += ranked.isEmpty() ? 1 : 0;
            for (JsonNode pair : ranked) {
                assertTrue(pair.get("strong").asBoolean() && pair.get("score").asDouble() >= OPERATING_THRESHOLD,
                        demo.getKey() + " shows a weak pair by default: " + pair);
                for (JsonNode term : pair.get("explanation").get("matchedTerms")) {
                    assertTrue(term.asText().codePointCount(0, term.asText().length()) > 1
                                    && !NOT_CONTENT.contains(term.asText().toLowerCase(java.util.Locale.ROOT)),
                            demo.getKey() + " shows a matched term nobody would underline: " + term);
                }
            }
        }
        assertTrue(withoutStrongMatch > 0, "some demo demands have no strong match (d25–d27 have no fit by design)");
        // Every proposal was weighed against both sides' neighbours, whichever side found it while the
        // demo loaded: a pair's own two records are each other's neighbours at least.
        JsonNode queue = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + stack.port("MATCHING") + "/api/matches?status=PROPOSED&size=100")).header("Authorization", broker).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        JsonNode proposals = queue.has("items") ? queue.get("items") : queue;
        assertTrue(proposals.size() > 0, "the demo gives the broker proposals: " + queue);
        for (JsonNode proposal : proposals) {
            for (JsonNode factor : proposal.get("explanation").get("factors")) {
                if (factor.get("name").asText().equals("semantic")) {
                    JsonNode reason = factor.get("reason");
                    assertTrue(reason.path("demandNeighbours").asDouble() > 0 && reason.path("achievementNeighbours").asDouble() > 0,
                            "a proposal weighed against both neighbourhoods: " + proposal);
                }
            }
        }
        noTopicCarriesAContact(projectDir);
        theApiDescriptionPassesItsLint(projectDir, gateway);
        theCommittedDescriptionIsWhatTheGatewayServes(projectDir, gateway);
        for (JsonNode account : JSON.readTree(dataDir.resolve("demo-accounts.json").toFile())) {
            if (account.get("username").asText().equals("zju-tto")) {
                new GeneratedClientJourney(gateway, "zju-tto", account.get("password").asText())
                        .run(account.get("organisationId").asText(), account.get("organisationName").asText());
                theTypeScriptClientsJourney(projectDir, gateway, "zju-tto", account.get("password").asText());
            }
        }
        // Search by words: 石墨烯 finds the graphene coating (written in English) and nothing else; nonsense finds nothing.
        JsonNode graphene = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/search?q="
                + java.net.URLEncoder.encode("石墨烯", java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(java.util.List.of(demoIds.get("a28").asText()), graphene.findValuesAsText("id").stream()
                .distinct().toList(), graphene.toString());
        JsonNode nonsense = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/search?q="
                + java.net.URLEncoder.encode("xyzzy不存在", java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(0, nonsense.get("totalItems").asInt(), nonsense.toString());
        // The gateway: the demo broker logs in and reads the pairs through it; without a token it is refused.
        assertTrue(firstStart.contains("demo logins"), firstStart);
        JsonNode demoBroker = null;
        for (JsonNode account : JSON.readTree(dataDir.resolve("demo-accounts.json").toFile())) {
            if (account.get("role").asText().equals("broker")) {
                demoBroker = account;
            }
        }
        assertTrue(demoBroker != null, "demo-accounts.json lists a broker");
        assertTrue(firstStart.contains(demoBroker.get("password").asText()), "up prints the demo logins");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of(
                        "username", demoBroker.get("username").asText(), "password", demoBroker.get("password").asText()))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String brokerLogin = "Bearer " + JSON.readTree(login.body()).get("accessToken").asText();
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/matches"))
                .header("Authorization", brokerLogin).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/matches")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        aDisabledAccountLosesItsAccessEverywhere(gateway, dataDir);

        // Hostile and careless requests to every operation: none gets a 5xx, nothing refused is stored.
        ApiFuzz.run(new StoredState.Urls(gateway, "http://localhost:" + stack.port("ACHIEVEMENT"),
                        "http://localhost:" + stack.port("DEMAND"), "http://localhost:" + stack.port("MATCHING")),
                dataDir.resolve("keys"), Integer.getInteger("techbridge.fuzz.smoke-requests", FUZZ_REQUESTS), ApiFuzz.SEED, 4);
        everyMetricTheMonitoringReadsIsExposed(projectDir, broker, designedFit);
        long achievementsBeforeDown = total(achievements, broker);

        String status = stack.run("status");
        assertTrue(status.lines().anyMatch(line -> line.startsWith("gateway") && line.contains(" running ")), status);
        stack.run("down");
        assertTrue(stack.run("status").lines().skip(1).noneMatch(line -> line.contains(" running ")));

        String secondStart = stack.run("up");
        assertTrue(secondStart.contains("TechBridge is up"), secondStart);
        assertTrue(secondStart.contains(demoBroker.get("password").asText()), "every up prints the demo logins");
        assertEquals(achievementsBeforeDown, total(achievements, broker), "the kept data, and the demo loaded only once");
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/achievements/" + id))
                .header("Authorization", broker).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    /**
     * The alert rules and the Grafana dashboard (deploy/monitoring) read only metrics the running services
     * expose: every series their expressions select is on some service's /q/metrics (the gateway's on its
     * management port), and on the named service's when the selector names one. Checked after the demo,
     * the rankings and the fuzzer, so the metrics made on first use (routes, statuses) exist.
     */
    private void everyMetricTheMonitoringReadsIsExposed(Path projectDir, String broker, String achievementId)
            throws IOException, InterruptedException {
        // An achievement's ranking too (the demo's were of demands), so both rankings have their histogram.
        assertEquals(200, http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + stack.port("MATCHING")
                + "/api/achievements/" + achievementId + "/matches?limit=3")).header("Authorization", broker).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode());
        Map<String, String> endpoints = Map.of(
                "gateway", "http://localhost:" + stack.port("GATEWAY_MANAGEMENT") + "/q/metrics",
                "achievement-service", "http://localhost:" + stack.port("ACHIEVEMENT") + "/q/metrics",
                "demand-service", "http://localhost:" + stack.port("DEMAND") + "/q/metrics",
                "matching-service", "http://localhost:" + stack.port("MATCHING") + "/q/metrics");
        Map<String, String> expositions = new java.util.TreeMap<>();
        for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(endpoint.getValue())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode(), endpoint.getValue());
            expositions.put(endpoint.getKey(), metrics.body());
        }
        Map<String, java.util.Set<String>> exposed = new java.util.TreeMap<>();
        expositions.forEach((service, text) -> exposed.put(service, MonitoringQueries.sampleNames(text)));
        java.util.Set<String> missing = new java.util.TreeSet<>();
        int checked = 0;
        for (String expression : MonitoringQueries.expressions(projectDir)) {
            for (MonitoringQueries.Selector selector : MonitoringQueries.selectors(expression)) {
                if (MonitoringQueries.PROMETHEUS_OWN.contains(selector.metric())) {
                    continue;
                }
                checked++;
                java.util.Collection<String> services = selector.service().map(java.util.List::of).orElse(List.copyOf(exposed.keySet()));
                assertTrue(exposed.keySet().containsAll(services), "an unknown service in " + expression);
                if (services.stream().noneMatch(service -> exposed.get(service).contains(selector.metric()))) {
                    missing.add(selector.metric() + selector.service().map(service -> " on " + service).orElse("") + " (in " + expression + ")");
                }
            }
        }
        assertTrue(checked > 40, "the monitoring's selectors were read: " + checked);
        assertEquals(java.util.Set.of(), missing, "read by deploy/monitoring but exposed by no service");
        // The rankings' percentiles need their histogram (techbridge.metrics.histogram-uris of matching-service).
        for (String uri : List.of("/api/demands/{id}/matches", "/api/achievements/{id}/matches")) {
            assertTrue(expositions.get("matching-service").lines().anyMatch(line -> line.startsWith("http_server_requests_seconds_bucket{")
                    && line.contains("uri=\"" + uri + "\"")), "matching-service publishes the latency histogram of " + uri);
        }
    }

    /**
     * Every event the platform has published by now (the demo's listings, their pairs, invitations)
     * is read from every topic: none names a contact member, and none holds a demo contact's phone
     * or e-mail.
     */
    /**
     * The description integrators generate clients from, as the gateway merges it from the running
     * services, meets the committed rule set (deploy/openapi-lint/redocly.yaml): no error, no warning.
     */
    private void theApiDescriptionPassesItsLint(Path projectDir, String gateway) throws IOException, InterruptedException {
        Process lint = new ProcessBuilder("bash", projectDir.resolve("deploy/openapi-lint/lint").toString(), gateway + "/openapi")
                .redirectErrorStream(true).start();
        String output = new String(lint.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "the lint finishes");
        assertEquals(0, lint.exitValue(), "the API description passes its lint:\n" + output);
    }

    /**
     * The same university's journey written in TypeScript against the typescript-fetch client the
     * build generates from docs/openapi.json (deploy/local-smoke/ts-journey): its run script installs
     * the pinned TypeScript with npm ci, compiles the journey and the client with tsc (strict) and
     * runs it with node. Its lines go to the test's output as they come; a failure shows them all.
     */
    private void theTypeScriptClientsJourney(Path projectDir, String gateway, String username, String password)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", projectDir.resolve("deploy/local-smoke/ts-journey/run").toString(),
                gateway).redirectErrorStream(true);
        builder.environment().put("TECHBRIDGE_USERNAME", username);
        builder.environment().put("TECHBRIDGE_PASSWORD", password);
        long start = System.nanoTime();
        Process journey = builder.start();
        StringBuffer output = new StringBuffer();
        Thread echo = Thread.ofVirtual().start(() -> journey.inputReader(java.nio.charset.StandardCharsets.UTF_8).lines()
                .forEach(line -> {
                    System.out.println(line);
                    output.append(line).append('\n');
                }));
        boolean finished = journey.waitFor(5, java.util.concurrent.TimeUnit.MINUTES);
        if (!finished) {
            journey.descendants().forEach(ProcessHandle::destroyForcibly);
            journey.destroyForcibly().waitFor();
        }
        echo.join(Duration.ofSeconds(10));
        assertTrue(finished, "the TypeScript client's journey finishes within 5 minutes:\n" + output);
        assertEquals(0, journey.exitValue(), "the TypeScript client's journey:\n" + output);
        System.out.printf("ts-journey: passed in %.1f s (npm ci, tsc and the run)%n", (System.nanoTime() - start) / 1e9);
    }

    /**
     * docs/openapi.json, which clients are generated from (the Java client of this module among
     * them), is the description the gateway serves, but for the address it is served at.
     */
    private void theCommittedDescriptionIsWhatTheGatewayServes(Path projectDir, String gateway)
            throws IOException, InterruptedException {
        String served = http.send(HttpRequest.newBuilder(URI.create(gateway + "/openapi"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body();
        ObjectNode live = (ObjectNode) JSON.readTree(served);
        ObjectNode committed = (ObjectNode)
                JSON.readTree(projectDir.resolve("docs/openapi.json").toFile());
        for (ObjectNode document : List.of(live, committed)) {
            document.remove("servers");
            document.remove("x-unavailable-services");
        }
        if (!live.equals(committed)) {
            Path written = projectDir.resolve("deploy/local-smoke/target/openapi-served.json");
            Files.createDirectories(written.getParent());
            Files.writeString(written, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(served)));
            fail("docs/openapi.json is not what the gateway serves; if the API change is meant, "
                    + "copy " + written + " over it");
        }
    }

    private void noTopicCarriesAContact(Path projectDir) throws IOException {
        java.util.Set<String> contacts = new java.util.HashSet<>();
        for (String file : java.util.List.of("achievements.json", "demands.json")) {
            for (JsonNode listing : JSON.readTree(projectDir.resolve("deploy/local/demo/" + file).toFile())) {
                // Names are left out: a contact person may also be named as an inventor.
                for (String member : java.util.List.of("phone", "email")) {
                    if (listing.path("contact").hasNonNull(member)) {
                        contacts.add(listing.path("contact").get(member).asText());
                    }
                }
            }
        }
        assertTrue(contacts.size() > 50, "the demo listings have contacts to look for");
        java.util.Map<String, Integer> read = new java.util.TreeMap<>();
        try (org.apache.kafka.clients.consumer.KafkaConsumer<String, String> consumer =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(java.util.Map.of(
                             "bootstrap.servers", "127.0.0.1:" + stack.port("KAFKA"),
                             "enable.auto.commit", false,
                             "key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName(),
                             "value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class.getName()))) {
            java.util.Set<String> existing = consumer.listTopics(Duration.ofSeconds(30)).keySet();
            java.util.List<org.apache.kafka.common.TopicPartition> partitions = new java.util.ArrayList<>();
            for (String topic : io.techbridge.events.Topics.ALL) {
                if (existing.contains(topic)) {
                    consumer.partitionsFor(topic).forEach(p ->
                            partitions.add(new org.apache.kafka.common.TopicPartition(topic, p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            java.util.Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    read.merge(record.topic(), 1, Integer::sum);
                    JsonNode envelope = JSON.readTree(record.value());
                    java.util.List<String> members = new java.util.ArrayList<>();
                    envelope.findParents("contact").forEach(parent -> members.add("contact"));
                    envelope.findParents("phone").forEach(parent -> members.add("phone"));
                    envelope.findParents("email").forEach(parent -> members.add("email"));
                    assertTrue(members.isEmpty(), record.topic() + " carries " + members + ": " + record.value());
                    for (String contact : contacts) {
                        assertTrue(!record.value().contains(contact), record.topic() + " carries the contact " + contact);
                    }
                }
            }
        }
        assertTrue(read.getOrDefault(io.techbridge.events.Topics.ACHIEVEMENT_EVENTS, 0) >= 50, read.toString());
        assertTrue(read.getOrDefault(io.techbridge.events.Topics.DEMAND_EVENTS, 0) >= 29, read.toString());
        assertTrue(read.getOrDefault(io.techbridge.events.Topics.MATCH_EVENTS, 0) > 0, read.toString());
    }

    /** From this machine's own network address only the gateway answers; the services listen on loopback. */
    private void onlyTheGatewayAnswersBeyondLoopback() throws IOException {
        java.util.Optional<java.net.InetAddress> outside = java.net.NetworkInterface.networkInterfaces()
                .flatMap(java.net.NetworkInterface::inetAddresses)
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        if (outside.isEmpty()) {
            return; // a machine without a network address has no outside to be reached from
        }
        assertTrue(connects(outside.get(), Integer.parseInt(stack.port("GATEWAY"))), "the gateway answers on " + outside.get());
        for (String service : java.util.List.of("ACHIEVEMENT", "DEMAND", "MATCHING", "GATEWAY_MANAGEMENT")) {
            assertTrue(!connects(outside.get(), Integer.parseInt(stack.port(service))), service + " must not answer on " + outside.get());
        }
    }

    private static boolean connects(java.net.InetAddress address, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A university registers an achievement through the gateway, in a trace its client began: one
     * trace, linked by parent span ids, runs from the gateway to achievement-service, its insert, the
     * outbox relay's send to Kafka, matching-service's consumer of the event, the bulk request that
     * indexes it in Elasticsearch and the recomputation of its proposals; and deploy/local/trace
     * prints it across the services.
     */
    private void anAchievementCreatedThroughTheGatewayIsOneTraceFromTheRequestToTheIndex(String gateway, Path dataDir,
            JsonNode demo) throws Exception {
        String password = null;
        for (JsonNode account : JSON.readTree(dataDir.resolve("demo-accounts.json").toFile())) {
            if (account.get("username").asText().equals("zju-tto")) {
                password = account.get("password").asText();
            }
        }
        assertTrue(password != null, "demo-accounts.json lists zju-tto");
        GatewaySession university = GatewaySession.logIn(gateway, "zju-tto", password);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        ObjectNode achievement = demo.deepCopy();
        achievement.put("organisationId", "org-zju").put("institution", "浙江大学")
                .put("title", "追踪样品 " + marker + " 低温等离子体协同催化废气治理装置")
                .put("summary", "面向化工园区挥发性有机物治理的低温等离子体协同催化装置（" + marker + "），能耗低，模块化部署。");
        achievement.putArray("patentNumbers");
        // The client's own trace: the gateway continues it, so the whole chain hangs below this span id.
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String clientSpan = traceId.substring(0, 16);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/achievements?duplicates=confirmed"))
                .header("Content-Type", "application/json").header("Authorization", university.authorization())
                .header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(achievement))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        university.logOut();

        Path traceFiles = dataDir.resolve("traces");
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<Traces.SpanRecord> spans = Traces.read(traceFiles).trace(traceId);
            Map<String, Traces.SpanRecord> byId = new java.util.HashMap<>();
            spans.forEach(span -> byId.put(span.spanId(), span));
            String tree = Traces.read(traceFiles).render(traceId);
            Traces.SpanRecord gatewayServer = one(spans, tree, s -> s.service().equals("gateway") && s.kind().equals("SERVER")
                    && clientSpan.equals(s.parentSpanId()));
            Traces.SpanRecord achievementServer = one(spans, tree, s -> s.service().equals("achievement-service")
                    && s.kind().equals("SERVER") && "/api/achievements".equals(s.attribute("url.path")));
            assertTrue(descends(achievementServer, gatewayServer, byId), "achievement-service's span under the gateway's\n" + tree);
            Traces.SpanRecord insert = one(spans, tree, s -> s.service().equals("achievement-service")
                    && s.name().equals("INSERT achievement.achievement"));
            assertTrue(descends(insert, achievementServer, byId), "the insert under the request\n" + tree);
            Traces.SpanRecord send = one(spans, tree, s -> s.service().equals("achievement-service")
                    && s.kind().equals("PRODUCER") && s.name().startsWith("achievement-events"));
            assertTrue(descends(send, achievementServer, byId), "the relay's send continues the request's trace\n" + tree);
            Traces.SpanRecord consumer = one(spans, tree, s -> s.service().equals("matching-service")
                    && s.kind().equals("CONSUMER") && s.name().equals("achievement-events process"));
            assertEquals(send.spanId(), consumer.parentSpanId(), "matching-service's consumer under the send\n" + tree);
            Traces.SpanRecord index = one(spans, tree, s -> s.service().equals("matching-service") && s.kind().equals("CLIENT")
                    && "elasticsearch".equals(s.attribute("db.system.name")) && s.name().equals("bulk"));
            assertTrue(descends(index, consumer, byId), "the bulk index request under the consumer\n" + tree);
            Traces.SpanRecord proposals = one(spans, tree, s -> s.service().equals("matching-service")
                    && s.name().equals("propose Achievement"));
            assertTrue(descends(proposals, consumer, byId), "the proposals' recomputation under the consumer\n" + tree);
        });
        String printed = stack.run("trace", traceId);
        assertTrue(printed.contains("achievement-events process") && printed.contains("bulk")
                && printed.contains("gateway") && printed.contains("achievement-service"), printed);
    }

    private static Traces.SpanRecord one(List<Traces.SpanRecord> spans, String tree,
            java.util.function.Predicate<Traces.SpanRecord> which) {
        List<Traces.SpanRecord> found = spans.stream().filter(which).toList();
        assertTrue(!found.isEmpty(), "a span is missing from the trace\n" + tree);
        return found.getFirst();
    }

    /** Whether {@code span} lies below {@code ancestor}, following parent span ids. */
    private static boolean descends(Traces.SpanRecord span, Traces.SpanRecord ancestor, Map<String, Traces.SpanRecord> byId) {
        for (Traces.SpanRecord at = span; at != null && at.parentSpanId() != null; at = byId.get(at.parentSpanId())) {
            if (at.parentSpanId().equals(ancestor.spanId())) {
                return true;
            }
        }
        return false;
    }

    @AfterEach
    void down() throws Exception {
        if (stack != null) {
            stack.run("down");
        }
    }

    private long total(String url, String authorization) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "?size=1"))
                        .header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("totalItems").asLong();
    }

    private HttpResponse<String> postJson(String url, String authorization, JsonNode body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int getStatus(String url, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * An account the demo admin disabled loses its access everywhere: its access token is refused by
     * the gateway at once and straight at demand- and matching-service once it has expired (its
     * lifetime and the clock allowance after the login, well within a minute); its refresh is refused.
     */
    private void aDisabledAccountLosesItsAccessEverywhere(String gateway, Path dataDir) throws Exception {
        JsonNode operator = null;
        for (JsonNode account : JSON.readTree(dataDir.resolve("demo-accounts.json").toFile())) {
            if (account.get("role").asText().equals("admin")) {
                operator = account;
            }
        }
        assertTrue(operator != null, "demo-accounts.json lists an admin");
        GatewaySession admin = GatewaySession.logIn(gateway, operator.get("username").asText(),
                operator.get("password").asText());
        String username = "smoke-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = postJson(gateway + "/api/admin/users", admin.authorization(), JSON.createObjectNode()
                .put("username", username).put("displayName", "离职员工").put("password", "smoke test passphrase")
                .put("organisationId", "org-huarui-pharma"));
        assertEquals(201, created.statusCode(), created.body());
        String userId = JSON.readTree(created.body()).get("id").asText();
        HttpResponse<String> login = postJson(gateway + "/api/auth/login", null, JSON.createObjectNode()
                .put("username", username).put("password", "smoke test passphrase"));
        assertEquals(200, login.statusCode(), login.body());
        JsonNode session = JSON.readTree(login.body());
        assertEquals(TOKEN_LIFETIME_SECONDS, session.get("expiresIn").asInt());
        String bearer = "Bearer " + session.get("accessToken").asText();

        ObjectNode demand = null;
        for (JsonNode demo : JSON.readTree(stack.projectDir().resolve("deploy/local/demo/demands.json").toFile())) {
            if (demo.get("organisationId").asText().equals("org-huarui-pharma") && demo.path("challenge").isNull()) {
                demand = demo.deepCopy();
            }
        }
        assertTrue(demand != null, "the demo has a demand of org-huarui-pharma");
        demand.remove("key");
        demand.put("title", "离职员工仍想发布的需求 " + username)
                .put("validUntil", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(200).toString());
        String demandService = "http://localhost:" + stack.port("DEMAND") + "/api/demands?duplicates=confirmed";
        String statsService = "http://localhost:" + stack.port("MATCHING") + "/api/stats";
        HttpResponse<String> allowed = postJson(demandService, bearer, demand);
        assertEquals(201, allowed.statusCode(), allowed.body());
        assertEquals(200, getStatus(statsService, bearer));

        HttpRequest disable = HttpRequest.newBuilder(URI.create(gateway + "/api/admin/users/" + userId))
                .header("Authorization", admin.authorization()).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\": false}")).build();
        assertEquals(200, http.send(disable, HttpResponse.BodyHandlers.discarding()).statusCode());

        assertEquals(401, postJson(gateway + "/api/demands?duplicates=confirmed", bearer, demand).statusCode(),
                "the gateway refuses the disabled account's token at once");
        assertEquals(401, getStatus(gateway + "/api/stats", bearer));
        // Its last token lapses at the services lifetime plus the services' 10 s clock allowance after the login.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> getStatus(statsService, bearer) == 401);
        HttpResponse<String> refused = postJson(demandService, bearer, demand);
        assertEquals(401, refused.statusCode(), refused.body());
        assertEquals(401, postJson(gateway + "/api/auth/refresh", null, JSON.createObjectNode()
                .put("refreshToken", session.get("refreshToken").asText())).statusCode());
        admin.logOut();
    }
}
