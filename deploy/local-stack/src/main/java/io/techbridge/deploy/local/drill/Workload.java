package io.techbridge.deploy.local.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The steady mixed workload through the gateway: universities register, edit, publish and withdraw
 * achievements; an enterprise posts, edits, negotiates and closes demands; a broker approves,
 * rejects and moves proposed pairs, searches and reads demands' rankings; a second university office
 * uploads a spreadsheet once a phase.
 * Each record has one writer, which keeps the version it last read, so every write it sends is
 * one the API must take: a refusal is a wrong answer unless the rules allow it.
 */
final class Workload {

    /** The marker in every title the drill writes: {@code [drill <run> <n>]}, one per create. */
    static final String MARKER = "drill ";

    private final DrillClient client;
    private final Ledger ledger;
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean importWanted = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final double writesPerSecond;
    private final List<ObjectNode> achievementTemplates;
    private final List<ObjectNode> demandTemplates;
    private final DrillClient.Session university;
    private final DrillClient.Session importer;
    private final DrillClient.Session enterprise;
    private final DrillClient.Session broker;
    private final String universityOrganisation;
    private final String enterpriseOrganisation;
    private long nextWriteAt = System.nanoTime();

    Workload(DrillClient client, Ledger ledger, double writesPerSecond, JsonNode achievements, JsonNode demands,
            Map<String, DrillClient.Session> sessions, Map<String, String> organisations) {
        this.client = client;
        this.ledger = ledger;
        this.writesPerSecond = writesPerSecond;
        this.achievementTemplates = templates(achievements);
        this.demandTemplates = templates(demands);
        this.university = sessions.get("university");
        this.importer = sessions.get("importer");
        this.enterprise = sessions.get("enterprise");
        this.broker = sessions.get("broker");
        this.universityOrganisation = organisations.get("university");
        this.enterpriseOrganisation = organisations.get("enterprise");
    }

    String run() {
        return run;
    }

    int writes() {
        return writes.get();
    }

    void start() {
        for (int i = 0; i < 2; i++) {
            threads.add(Thread.ofPlatform().name("drill-achievements-" + i).start(loop(new AchievementWriter())));
            threads.add(Thread.ofPlatform().name("drill-demands-" + i).start(loop(new DemandWriter())));
        }
        threads.add(Thread.ofPlatform().name("drill-broker").start(loop(new Broker())));
        threads.add(Thread.ofPlatform().name("drill-search").start(loop(new Searcher())));
        threads.add(Thread.ofPlatform().name("drill-import").start(loop(new Importer())));
    }

    /** Asks for one bulk import now (the importer sends it at its next turn). */
    void importNow() {
        importWanted.set(true);
    }

    void stop() throws InterruptedException {
        stopping.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private interface Step {
        void step() throws InterruptedException;
    }

    private Runnable loop(Step step) {
        return () -> {
            while (!stopping.get()) {
                try {
                    step.step();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.err.println("drill: " + Thread.currentThread().getName() + ": " + e);
                    pause(500);
                }
            }
        };
    }

    /** Waits for this write's turn, so the writes go at a steady rate whatever the answers. */
    private void paceWrite() throws InterruptedException {
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            nextWriteAt = Math.max(nextWriteAt + (long) (1e9 / writesPerSecond), now - 1_000_000_000L);
            waitNanos = nextWriteAt - now;
        }
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
        writes.incrementAndGet();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits a little when no token can be had: the gateway (or its database) is down. */
    private static String authorization(DrillClient.Session session) {
        String authorization = session.authorization();
        if (authorization == null) {
            pause(300);
        }
        return authorization;
    }

    private String marker() {
        return "[" + MARKER + run + " " + sequence.incrementAndGet() + "]";
    }

    /** Records of one writer, with one create at a time that is repeated with its key until answered. */
    private abstract class Writer implements Step {
        final List<Ledger.Record> active = new ArrayList<>();
        final Map<Ledger.Record, ObjectNode> bodies = new java.util.HashMap<>();
        final String path;
        final String type;
        final Set<String> dependsOn;
        final DrillClient.Session session;
        ObjectNode pendingCreate;
        String pendingKey;

        Writer(String path, String type, Set<String> dependsOn, DrillClient.Session session) {
            this.path = path;
            this.type = type;
            this.dependsOn = dependsOn;
            this.session = session;
        }

        abstract ObjectNode newBody();

        /** The next move of a record in this status: a path suffix ("" = an update), or null when it is done. */
        abstract String nextMove(String status);

        abstract void change(ObjectNode body);

        @Override
        public void step() throws InterruptedException {
            String authorization = authorization(session);
            if (authorization == null) {
                return;
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            if (pendingCreate == null && (active.size() < 4 || random.nextDouble() < 0.2)) {
                pendingCreate = newBody();
                pendingKey = UUID.randomUUID().toString();
            }
            if (pendingCreate != null) {
                create(authorization);
                return;
            }
            Ledger.Record record = active.get(random.nextInt(active.size()));
            if (record.uncertain) {
                readBack(record, authorization);
                return;
            }
            String move = nextMove(record.knownStatus);
            if (move == null) {
                active.remove(record);
                return;
            }
            paceWrite();
            DrillClient.Answer answer;
            if (move.isEmpty()) {
                ObjectNode body = bodies.get(record).deepCopy();
                change(body);
                body.put("version", record.knownVersion);
                answer = client.call(type + " update", true, dependsOn, "PUT", path + "/" + record.id,
                        authorization, body.toString(), null, Set.of());
                if (answer.ok()) {
                    body.remove("version");
                    bodies.put(record, body);
                }
            } else {
                answer = client.call(type + " " + move, true, dependsOn, "POST", path + "/" + record.id + "/" + move,
                        authorization, DrillClient.json(Map.of("version", record.knownVersion, "reason", "fault drill")),
                        null, Set.of());
            }
            if (answer.ok()) {
                JsonNode state = answer.json();
                record.acknowledged(state.get("version").asLong(), state.get("status").asText(), ledger.currentPhase());
            } else {
                // Whether it was applied is unknown (no answer, 503/504) or the record moved (409): read it back first.
                record.uncertain = true;
            }
        }

        private void create(String authorization) throws InterruptedException {
            paceWrite();
            DrillClient.Answer answer = client.call(type + " create", true, dependsOn, "POST",
                    path + "?duplicates=confirmed", authorization, pendingCreate.toString(),
                    Map.of("Idempotency-Key", pendingKey), Set.of(409));
            if (answer.ok()) {
                JsonNode state = answer.json();
                Ledger.Record record = ledger.track(type, state.get("id").asText(), dependsOn);
                record.acknowledged(state.get("version").asLong(), state.get("status").asText(), ledger.currentPhase());
                active.add(record);
                bodies.put(record, pendingCreate);
                pendingCreate = null;
            } else if (answer.verdict() == Ledger.Answer.WRONG && answer.status() != -1 && answer.status() / 100 == 4) {
                pendingCreate = null; // refused for good: nothing to repeat
            }
            // else: repeated with the same key at the next turn, which answers the first answer if it was stored
        }

        private void readBack(Ledger.Record record, String authorization) throws InterruptedException {
            DrillClient.Answer answer = client.call(type + " read", false, dependsOn, "GET", path + "/" + record.id,
                    authorization, null, null, Set.of());
            if (answer.ok()) {
                JsonNode state = answer.json();
                synchronized (record) {
                    record.knownVersion = state.get("version").asLong();
                    record.knownStatus = state.get("status").asText();
                    record.uncertain = false;
                }
            } else {
                Thread.sleep(200);
            }
        }
    }

    private final class AchievementWriter extends Writer {
        AchievementWriter() {
            super("/api/achievements", "Achievement", DrillClient.ACHIEVEMENTS, university);
        }

        @Override
        ObjectNode newBody() {
            ObjectNode body = pick(achievementTemplates);
            body.put("organisationId", universityOrganisation);
            body.put("title", truncate(body.get("title").asText(), 160) + " " + marker());
            body.put("status", ThreadLocalRandom.current().nextBoolean() ? "PUBLISHED" : "DRAFT");
            return body;
        }

        @Override
        String nextMove(String status) {
            double r = ThreadLocalRandom.current().nextDouble();
            return switch (status) {
                case "DRAFT" -> r < 0.5 ? "publish" : "";
                case "PUBLISHED" -> r < 0.75 ? "" : r < 0.9 ? "withdraw" : "transfer";
                default -> null;
            };
        }

        @Override
        void change(ObjectNode body) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            body.remove("status");
            body.put("trl", random.nextInt(3, 10));
            long min = random.nextLong(10, 200) * 10_000;
            ObjectNode price = body.putObject("askingPrice");
            price.put("minCny", min).put("maxCny", min * 3).put("negotiable", false);
        }
    }

    private final class DemandWriter extends Writer {
        DemandWriter() {
            super("/api/demands", "Demand", DrillClient.DEMANDS, enterprise);
        }

        @Override
        ObjectNode newBody() {
            ObjectNode body = pick(demandTemplates);
            body.put("organisationId", enterpriseOrganisation);
            body.put("title", truncate(body.get("title").asText(), 160) + " " + marker());
            body.put("validUntil", LocalDate.now().plusDays(180).toString());
            body.remove("challenge");
            return body;
        }

        @Override
        String nextMove(String status) {
            double r = ThreadLocalRandom.current().nextDouble();
            return switch (status) {
                case "OPEN" -> r < 0.6 ? "" : r < 0.85 ? "negotiation" : "close";
                case "IN_NEGOTIATION" -> r < 0.6 ? "" : r < 0.8 ? "solve" : "close";
                default -> null;
            };
        }

        @Override
        void change(ObjectNode body) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long max = random.nextLong(20, 300) * 10_000;
            ObjectNode budget = body.putObject("budget");
            budget.put("minCny", max / 4).put("maxCny", max).put("negotiable", false);
            body.put("minTrl", random.nextInt(3, 8));
        }
    }

    /** A broker working the queue: approves or rejects proposed pairs and introduces approved ones. */
    private final class Broker implements Step {
        @Override
        public void step() throws InterruptedException {
            String authorization = authorization(broker);
            if (authorization == null) {
                return;
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            boolean introduce = random.nextDouble() < 0.3;
            DrillClient.Answer queue = client.call("queue", false, DrillClient.MATCHING, "GET",
                    "/api/matches?status=" + (introduce ? "APPROVED" : "PROPOSED") + "&size=20", authorization, null, null,
                    Set.of());
            if (!queue.ok() || queue.json().path("items").isEmpty()) {
                Thread.sleep(1000);
                return;
            }
            JsonNode items = queue.json().path("items");
            JsonNode pair = items.get(random.nextInt(items.size()));
            String id = pair.get("id").asText();
            long version = pair.get("version").asLong();
            ObjectNode body = DrillClient.JSON.createObjectNode().put("version", version);
            String path;
            if (introduce) {
                path = "/api/matches/" + id + "/transition";
                body.put("status", "INTRODUCED");
            } else {
                path = "/api/matches/" + id + "/decision";
                if (random.nextDouble() < 0.6) {
                    body.put("decision", "APPROVE");
                } else {
                    body.put("decision", "REJECT").put("reasonCode", "OTHER").put("note", "fault drill");
                }
            }
            paceWrite();
            // 409: the pair was rescored, withdrawn or decided since the queue was read.
            DrillClient.Answer answer = client.call(introduce ? "pair transition" : "pair decision", true,
                    DrillClient.MATCHING, "POST", path, authorization, body.toString(), null, Set.of(409));
            if (answer.ok()) {
                JsonNode state = answer.json();
                ledger.track("Match", id, DrillClient.MATCHING)
                        .acknowledged(state.get("version").asLong(), state.get("status").asText(), ledger.currentPhase());
            }
        }
    }

    /**
     * A broker searching by a keyword and reading a demand's ranking, once a second: reads that need the
     * search index, so an outage of it must answer 503, never 500. A demand created moments ago may not
     * be indexed yet (404).
     */
    private final class Searcher implements Step {
        @Override
        public void step() throws InterruptedException {
            Thread.sleep(1000);
            String authorization = authorization(broker);
            if (authorization == null) {
                return;
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            List<Ledger.Record> demands = ledger.records("Demand");
            if (demands.isEmpty() || random.nextBoolean()) {
                JsonNode keywords = pick(random.nextBoolean() ? achievementTemplates : demandTemplates).path("keywords");
                String word = keywords.isEmpty() ? "电池" : keywords.get(random.nextInt(keywords.size())).asText();
                client.call("search", false, DrillClient.MATCHING, "GET",
                        "/api/search?q=" + java.net.URLEncoder.encode(word, StandardCharsets.UTF_8), authorization, null,
                        null, Set.of());
            } else {
                String demand = demands.get(random.nextInt(demands.size())).id;
                client.call("ranking", false, DrillClient.MATCHING, "GET", "/api/demands/" + demand + "/matches?limit=10",
                        authorization, null, null, Set.of(404));
            }
        }
    }

    /** A second university office uploads a small registration sheet (one bad row) when asked. */
    private final class Importer implements Step {
        private String pendingKey;
        private byte[] pendingFile;

        @Override
        public void step() throws InterruptedException {
            if (pendingFile == null && !importWanted.getAndSet(false)) {
                Thread.sleep(200);
                return;
            }
            String authorization = authorization(importer);
            if (authorization == null) {
                return;
            }
            if (pendingFile == null) {
                pendingKey = UUID.randomUUID().toString();
                pendingFile = sheet();
            }
            paceWrite();
            DrillClient.Answer answer = client.send("import", true, DrillClient.ACHIEVEMENTS, "POST",
                    "/api/achievements/imports?fileName=drill.csv", authorization,
                    HttpRequest.BodyPublishers.ofByteArray(pendingFile), "text/csv",
                    Map.of("Idempotency-Key", pendingKey), Set.of(409));
            if (answer.ok()) {
                ledger.importJobs.put(answer.json().get("id").asText(), ledger.currentPhase());
                pendingFile = null;
            } else if (answer.verdict() == Ledger.Answer.WRONG && answer.status() / 100 == 4) {
                pendingFile = null;
            } else {
                Thread.sleep(500);
            }
        }

        private byte[] sheet() {
            StringBuilder csv = new StringBuilder("成果名称,成果简介,关键词,技术领域,技术成熟度,转化方式,转让价格,所在地区,完成单位,联系人,电子邮箱\n");
            for (int i = 0; i < 5; i++) {
                ObjectNode template = pick(achievementTemplates);
                String title = truncate(template.get("title").asText(), 120) + " " + marker();
                String summary = truncate(template.get("summary").asText(), 300).replace("\"", "'");
                List<String> keywords = new ArrayList<>();
                template.get("keywords").forEach(k -> keywords.add(k.asText()));
                csv.append('"').append(title).append("\",\"").append(summary).append("\",\"")
                        .append(String.join("；", keywords)).append("\",").append(template.get("fieldCode").asText())
                        .append(',').append(i == 4 ? "12" : template.get("trl").asText()).append(",许可,50-200,")
                        .append(template.get("regionCode").asText()).append(",上海交通大学,李老师,tto@example.edu.cn\n");
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static List<ObjectNode> templates(JsonNode records) {
        List<ObjectNode> list = new ArrayList<>();
        for (JsonNode record : records) {
            ObjectNode body = ((ObjectNode) record).deepCopy();
            body.remove("key");
            list.add(body);
        }
        return list;
    }

    private static ObjectNode pick(List<ObjectNode> templates) {
        return templates.get(ThreadLocalRandom.current().nextInt(templates.size())).deepCopy();
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

}
