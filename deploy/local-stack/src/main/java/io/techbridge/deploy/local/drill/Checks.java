package io.techbridge.deploy.local.drill;

import com.fasterxml.jackson.databind.JsonNode;
import io.techbridge.deploy.local.PostgresServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The drill's end, once the stack is quiet: record by record, what the databases, the topics and
 * the index hold against what the drill was told. Every finding is counted against a phase (the
 * killed process) and described.
 */
final class Checks {

    /** One row of a table: a stored record's version and status. */
    record Row(String id, long version, String status) {
    }

    /** Counts per phase. */
    static final class Tally {
        int lost;
        int duplicated;
        int outOfOrder;
        int indexStale;
        int pairsInconsistent;
    }

    private final PostgresServer postgres;
    private final String kafka;
    private final String elasticsearch;
    private final Ledger ledger;
    private final HttpClient http = HttpClient.newHttpClient();
    final Map<Integer, Tally> tallies = new HashMap<>();
    final List<String> findings = new ArrayList<>();
    int recordsChecked;
    int eventsRead;
    /** Repeated events published before the drill began (an earlier run's), not counted against it. */
    int earlier;

    Checks(PostgresServer postgres, String kafka, String elasticsearch, Ledger ledger) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.elasticsearch = elasticsearch;
        this.ledger = ledger;
    }

    Tally tally(int phase) {
        return tallies.computeIfAbsent(phase, p -> new Tally());
    }

    /** Waits until nothing is left to relay, to index or to propose (or the time is up): true if quiet. */
    boolean awaitQuiet(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (quiet()) {
                    return true;
                }
            } catch (RuntimeException notNow) {
                // a server still settling
            }
            Thread.sleep(2000);
        }
        return false;
    }

    private boolean quiet() {
        for (String database : List.of("achievement", "demand", "matching")) {
            if (!postgres.sql(database, "SELECT count(*) FROM outbox_event WHERE published_at IS NULL").equals("0")) {
                return false;
            }
        }
        if (!postgres.sql("matching", "SELECT count(*) FROM proposal_task").equals("0")) {
            return false;
        }
        if (!postgres.sql("achievement", "SELECT count(*) FROM import_job WHERE status NOT IN ('DONE', 'FAILED')").equals("0")) {
            return false;
        }
        Map<String, Row> indexed = indexed();
        for (Row row : rows("achievement", "SELECT id, version, status FROM achievement")) {
            Row seen = indexed.get("Achievement:" + row.id());
            if (seen == null || seen.version() != row.version()) {
                return false;
            }
        }
        for (Row row : rows("demand", "SELECT id, version, status FROM demand")) {
            Row seen = indexed.get("Demand:" + row.id());
            if (seen == null || seen.version() != row.version()) {
                return false;
            }
        }
        return true;
    }

    void run() {
        Map<String, Row> achievements = byId(rows("achievement", "SELECT id, version, status FROM achievement"));
        Map<String, Row> demands = byId(rows("demand", "SELECT id, version, status FROM demand"));
        Map<String, Row> pairs = byId(rows("matching", "SELECT id, version, status FROM match_pair"));
        recordsChecked = achievements.size() + demands.size() + pairs.size();
        acknowledgedWrites("Achievement", achievements, true);
        acknowledgedWrites("Demand", demands, true);
        acknowledgedWrites("Match", pairs, false);
        topic("achievement-events", achievements);
        topic("demand-events", demands);
        topic("match-events", pairs);
        index("Achievement", "achievements", achievements);
        index("Demand", "demands", demands);
        proposals(achievements, demands);
        creates();
        imports();
    }

    /** Every acknowledged write is in its database, at the latest version the drill was told (or a later one it could not be told). */
    private void acknowledgedWrites(String type, Map<String, Row> stored, boolean soleWriter) {
        for (Ledger.Record record : ledger.records(type)) {
            Row row = stored.get(record.id);
            long have = row == null ? 0 : row.version();
            for (Map.Entry<Long, Integer> acked : record.ackedVersions.entrySet()) {
                if (acked.getKey() > have) {
                    tally(acked.getValue()).lost++;
                    finding(type + " " + record.id + " version " + acked.getKey() + " was acknowledged, the database has "
                            + (row == null ? "no such record" : "version " + have));
                }
            }
            if (row != null && have == record.ackedVersion && !row.status().equals(record.ackedStatus)) {
                tally(record.ackedPhase).lost++;
                finding(type + " " + record.id + " version " + have + " is " + row.status() + ", acknowledged as "
                        + record.ackedStatus);
            }
            if (soleWriter && row != null && have > record.ackedVersion && !record.uncertain
                    && record.knownVersion < have) {
                tally(record.ackedPhase).duplicated++;
                finding(type + " " + record.id + " is at version " + have + " though the drill's last write was answered "
                        + record.ackedVersion + " and none went unanswered");
            }
        }
    }

    /** Every version of every record on its topic, exactly once and in order. */
    private void topic(String topic, Map<String, Row> stored) {
        Map<String, List<long[]>> seen = new HashMap<>(); // aggregate → [version, timestamp]
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    eventsRead++;
                    try {
                        JsonNode event = DrillClient.JSON.readTree(record.value());
                        seen.computeIfAbsent(event.path("aggregateId").asText(), k -> new ArrayList<>())
                                .add(new long[]{event.path("aggregateVersion").asLong(), record.timestamp()});
                    } catch (IOException e) {
                        finding(topic + " offset " + record.offset() + " is not an event: " + e.getMessage());
                    }
                }
            }
        }
        Set<String> ids = new HashSet<>(stored.keySet());
        for (Row row : stored.values()) {
            List<long[]> events = seen.getOrDefault(row.id(), List.of());
            Set<Long> versions = new HashSet<>();
            long highest = 0;
            for (long[] event : events) {
                Instant at = Instant.ofEpochMilli(event[1]);
                int phase = ledger.phaseAt(at);
                if (at.isBefore(ledger.phases.get(0).start)) {
                    // published before this drill began: not this drill's to judge, only its order is followed
                    if (!versions.add(event[0])) {
                        earlier++;
                    }
                    highest = Math.max(highest, event[0]);
                    continue;
                }
                if (!versions.add(event[0])) {
                    tally(phase).duplicated++;
                    finding(topic + ": " + row.id() + " version " + event[0] + " again");
                } else if (event[0] < highest) {
                    tally(phase).outOfOrder++;
                    finding(topic + ": " + row.id() + " version " + event[0] + " after version " + highest);
                }
                highest = Math.max(highest, event[0]);
            }
            for (long version = 1; version <= row.version(); version++) {
                if (!versions.contains(version)) {
                    Ledger.Record record = ledger.records.get(typeOf(topic) + ":" + row.id());
                    Integer phase = record == null ? null : record.ackedVersions.get(version);
                    tally(phase == null ? ledger.currentPhase() : phase).lost++;
                    finding(topic + ": " + row.id() + " version " + version + " (stored " + row.version() + ") is missing");
                }
            }
            if (highest > row.version()) {
                tally(ledger.currentPhase()).outOfOrder++;
                finding(topic + ": " + row.id() + " has version " + highest + ", its database " + row.version());
            }
        }
        ids.clear();
    }

    private static String typeOf(String topic) {
        return switch (topic) {
            case "achievement-events" -> "Achievement";
            case "demand-events" -> "Demand";
            default -> "Match";
        };
    }

    /** The index holds each record's latest version: in Elasticsearch and in matching-service's table. */
    private void index(String type, String alias, Map<String, Row> stored) {
        Map<String, Row> indexed = indexed();
        Map<String, Long> documents = new HashMap<>();
        JsonNode hits = post(elasticsearch + "/" + alias + "/_search",
                "{\"size\": 10000, \"version\": true, \"_source\": [\"status\"], \"query\": {\"match_all\": {}}}")
                .path("hits").path("hits");
        for (JsonNode hit : hits) {
            documents.put(hit.path("_id").asText(), hit.path("_version").asLong());
        }
        for (Row row : stored.values()) {
            Row seen = indexed.get(type + ":" + row.id());
            Long document = documents.get(row.id());
            if (seen == null || seen.version() != row.version() || document == null || document != row.version()) {
                Ledger.Record record = ledger.records.get(type + ":" + row.id());
                tally(record == null ? ledger.currentPhase() : record.ackedPhase).indexStale++;
                finding(type + " " + row.id() + " is at version " + row.version() + "; matching-service applied "
                        + (seen == null ? "none" : seen.version()) + ", the index holds " + document);
            }
        }
    }

    /** No pair stays proposed for a record that left the pool (withdrawn, transferred, closed, solved). */
    private void proposals(Map<String, Row> achievements, Map<String, Row> demands) {
        Map<String, Row> indexed = indexed();
        for (String line : lines("matching", "SELECT id, achievement_id, demand_id FROM match_pair WHERE status = 'PROPOSED'")) {
            String[] cells = line.split("\\|");
            Row achievement = achievements.get(cells[1]);
            Row demand = demands.get(cells[2]);
            boolean achievementIn = achievement != null && achievement.status().equals("PUBLISHED");
            boolean demandIn = demand != null && Set.of("OPEN", "IN_NEGOTIATION").contains(demand.status());
            if (!achievementIn || !demandIn || !inPool(indexed, "Achievement:" + cells[1])
                    || !inPool(indexed, "Demand:" + cells[2])) {
                Ledger.Record record = ledger.records.get((achievementIn ? "Demand:" + cells[2] : "Achievement:" + cells[1]));
                tally(record == null ? ledger.currentPhase() : record.ackedPhase).pairsInconsistent++;
                finding("pair " + cells[0] + " is PROPOSED with achievement " + cells[1] + " "
                        + (achievement == null ? "unknown" : achievement.status()) + " and demand " + cells[2] + " "
                        + (demand == null ? "unknown" : demand.status()));
            }
        }
    }

    private static boolean inPool(Map<String, Row> indexed, String key) {
        Row row = indexed.get(key);
        return row != null && row.status().equals("true");
    }

    /** One record per create, however often a create was repeated with its key. */
    private void creates() {
        for (String database : List.of("achievement", "demand")) {
            for (String line : lines(database, "SELECT substring(title from '\\[" + Workload.MARKER + "[^]]*\\]'), count(*), "
                    + "min(created_at) FROM " + database + " WHERE title LIKE '%[" + Workload.MARKER + "%' GROUP BY 1 HAVING count(*) > 1")) {
                String[] cells = line.split("\\|");
                int extra = Integer.parseInt(cells[1]) - 1;
                tally(ledger.currentPhase()).duplicated += extra;
                finding(database + " " + cells[0] + " was created " + cells[1] + " times");
            }
        }
    }

    /** Every import job the drill started ran to its end, each row imported or reported. */
    private void imports() {
        for (Map.Entry<String, Integer> job : ledger.importJobs.entrySet()) {
            String state = postgres.sql("achievement", "SELECT status || '|' || total || '|' || imported || '|' || failed"
                    + " FROM import_job WHERE id = '" + job.getKey() + "'");
            String[] cells = state.split("\\|");
            if (cells.length < 4 || !cells[0].equals("DONE")
                    || Integer.parseInt(cells[1]) != Integer.parseInt(cells[2]) + Integer.parseInt(cells[3])) {
                tally(job.getValue()).lost++;
                finding("import job " + job.getKey() + " ended as " + (state.isEmpty() ? "nothing" : state));
            }
        }
    }

    private Map<String, Row> indexed() {
        Map<String, Row> indexed = new HashMap<>();
        for (String line : lines("matching", "SELECT aggregate_type, aggregate_id, version, in_pool FROM indexed_record")) {
            String[] cells = line.split("\\|");
            indexed.put(cells[0] + ":" + cells[1], new Row(cells[1], Long.parseLong(cells[2]), cells[3].equals("t") ? "true" : "false"));
        }
        return indexed;
    }

    private List<Row> rows(String database, String query) {
        List<Row> rows = new ArrayList<>();
        for (String line : lines(database, query)) {
            String[] cells = line.split("\\|");
            rows.add(new Row(cells[0], Long.parseLong(cells[1]), cells[2]));
        }
        return rows;
    }

    private List<String> lines(String database, String query) {
        String out = postgres.sql(database, query);
        return out.isBlank() ? List.of() : List.of(out.split("\n"));
    }

    private static Map<String, Row> byId(List<Row> rows) {
        Map<String, Row> map = new HashMap<>();
        rows.forEach(r -> map.put(r.id(), r));
        return map;
    }

    private JsonNode post(String url, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return DrillClient.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void finding(String text) {
        findings.add(text);
    }
}
