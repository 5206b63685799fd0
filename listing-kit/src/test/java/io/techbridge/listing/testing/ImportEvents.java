package io.techbridge.listing.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.path.json.JsonPath;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TopicReader;
import io.techbridge.events.ImportJobPayload;
import io.techbridge.events.Topics;
import io.techbridge.events.testing.PublishedEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the importing organisation is told when its import ends: the job's {@code ImportJobFinished}
 * on {@code import-events}, read as a consumer reads it, strictly against its contract.
 */
public final class ImportEvents {

    private ImportEvents() {
    }

    /**
     * The one event the ended job {@code job} published: exactly one recorded in the service's
     * outbox and exactly one on {@code import-events} under the job's id.
     */
    public static ImportJobPayload onlyEventOf(DataSource dataSource, String job) {
        List<ConsumerRecord<String, String>> records = await()
                .alias("an ImportJobFinished of import " + job + " on " + Topics.IMPORT_EVENTS)
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> publishedFor(job), published -> !published.isEmpty());
        assertEquals(1, records.size(), () -> "events of import " + job + ": " + records);
        assertEquals(1, Refusals.eventsOf(dataSource, job), "events recorded for import " + job);

        JsonNode envelope = PublishedEvents.checked(records.getFirst().value());
        assertEquals(ImportJobPayload.FINISHED, envelope.path("type").asText());
        assertEquals(ImportJobPayload.AGGREGATE_TYPE, envelope.path("aggregateType").asText());
        assertEquals(job, envelope.path("aggregateId").asText());
        assertEquals(1, envelope.path("aggregateVersion").asLong());
        ImportJobPayload payload = (ImportJobPayload) PublishedEvents.payloadOf(envelope);
        assertEquals(job, payload.id());
        assertEquals(1, payload.version());
        return payload;
    }

    /**
     * The job's records on the topic as it is now, read by a new reader each time: the topic comes
     * into being with its first event, and a reader only sees the partitions there were when it started.
     */
    private static List<ConsumerRecord<String, String>> publishedFor(String job) {
        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), Topics.IMPORT_EVENTS)) {
            return reader.pollToEnd().stream().filter(r -> job.equals(r.key())).toList();
        }
    }

    /** The event says of the job what {@code GET …/imports/{id}} answers once it ended. */
    public static void assertDescribes(JsonPath job, ImportJobPayload event) {
        assertEquals(job.getString("status"), event.status());
        assertEquals(job.getInt("total"), event.rowsTotal());
        assertEquals(job.getInt("imported"), event.rowsImported());
        assertEquals(job.getInt("failed"), event.rowsFailed());
        assertEquals(job.getString("failure"), event.failure());
        assertEquals(job.getString("fileName"), event.fileName());
        assertEquals(job.getString("format"), event.format());
        assertEquals(job.getBoolean("duplicatesConfirmed"), event.duplicatesConfirmed());
        assertEquals(instant(job.getString("createdAt")), event.createdAt());
        assertEquals(instant(job.getString("startedAt")), event.startedAt());
        assertEquals(instant(job.getString("finishedAt")), event.finishedAt());
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
