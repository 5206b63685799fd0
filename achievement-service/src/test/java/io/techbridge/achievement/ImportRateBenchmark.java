package io.techbridge.achievement;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.techbridge.achievement.api.AchievementRequest;
import io.techbridge.achievement.imports.AchievementColumn;
import io.techbridge.achievement.imports.AchievementRowMapper;
import io.techbridge.listing.imports.ImportColumns;
import io.techbridge.listing.imports.ImportConfig;
import io.techbridge.listing.imports.ImportFormat;
import io.techbridge.listing.imports.RowReader;
import io.techbridge.listing.imports.Spreadsheet;
import io.techbridge.deploy.local.testing.TestTokens;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The import rate, measured against the real service, PostgreSQL and Kafka the test run starts: a
 * registration-form sheet of {@code IMPORT_BENCHMARK_ROWS} (10,000) good rows, uploaded as .xlsx and
 * as UTF-8 CSV, each followed to the end. Prints where the time goes (reading the file, mapping and
 * validating the rows, the whole job) and rows/s. {@code IMPORT_BENCHMARK_EXISTING} (0) first loads
 * that many similar records ({@link ExistingRecords}) to import against; {@code IMPORT_BENCHMARK_FORMATS}
 * ({@code xlsx,csv}) chooses the uploads; {@code IMPORT_BENCHMARK_MAX_MINUTES} (30) caps each import,
 * printing how far it got. Not part of the suite (no Test suffix): run it with
 * {@code achievement-service/import-benchmark}.
 */
@QuarkusTest
@RealServers
class ImportRateBenchmark {

    private static final String IMPORTS = "/api/achievements/imports";

    @Inject
    Validator validator;

    @Inject
    ImportConfig config;

    @Inject
    DataSource dataSource;

    @Test
    void tenThousandRowsImportInUnderAMinute() throws Exception {
        int rows = Integer.parseInt(System.getenv().getOrDefault("IMPORT_BENCHMARK_ROWS", "10000"));
        int existing = Integer.parseInt(System.getenv().getOrDefault("IMPORT_BENCHMARK_EXISTING", "0"));
        List<String> formats = List.of(System.getenv().getOrDefault("IMPORT_BENCHMARK_FORMATS", "xlsx,csv").split(","));
        // Each upload its own records, all distinct, as a registry's are: the duplicate check runs on
        // every row (and finds nothing), and the second upload does not repeat the first.
        Random random = new Random();
        System.out.printf("achievement import benchmark: %d rows, chunk-size %d, batch-size %d, load average %s%n",
                rows, config.chunkSize(), config.batchSize(), loadAverage());
        if (existing > 0) {
            long start = System.nanoTime();
            // Patent numbers from 70,000,000 on: the sheets' are below 50,020,000, so no row shares one.
            ExistingRecords.load(dataSource, random, existing, 70_000_000);
            System.out.printf("loaded %d similar existing achievements with their index entries in %.1f s; "
                    + "load average %s%n", existing, (System.nanoTime() - start) / 1e9, loadAverage());
        }
        int offset = 0;
        for (String format : formats) {
            List<List<String>> sheet = sheet(random, rows, offset);
            offset += rows;
            switch (format.strip()) {
                case "xlsx" -> measure("xlsx", ImportFormat.XLSX, ImportSheets.XLSX,
                        ImportSheets.xlsx(ImportSheets.HEADER, sheet), rows);
                case "csv" -> measure("csv", ImportFormat.CSV, "text/csv",
                        ImportSheets.utf8Csv(ImportSheets.HEADER, sheet), rows);
                default -> throw new IllegalArgumentException("IMPORT_BENCHMARK_FORMATS: xlsx or csv, not " + format);
            }
        }
    }

    private static List<List<String>> sheet(Random random, int rows, int offset) {
        int base = random.nextInt(50_000_000) + offset;
        List<List<String>> sheet = new ArrayList<>(rows);
        for (int i = 1; i <= rows; i++) {
            sheet.add(ImportSheets.distinctRow(random, base + i));
        }
        return sheet;
    }

    private void measure(String name, ImportFormat format, String contentType, byte[] file, int rows) throws Exception {
        // The parts the worker does before storing, alone in this JVM: reading the file, mapping and validating.
        long readStart = System.nanoTime();
        Spreadsheet parsed = Spreadsheet.read(format, file);
        long readNanos = System.nanoTime() - readStart;
        ImportColumns<AchievementColumn> columns = AchievementColumn.SCHEMA.read(parsed.header()).columns();
        AchievementRowMapper mapper = new AchievementRowMapper(columns, validator);
        long mapStart = System.nanoTime();
        long valid = 0;
        for (Spreadsheet.DataRow row : parsed.rows()) {
            RowReader.Mapped<AchievementRequest> mapped = mapper.apply(row.cells());
            valid += mapped.valid() ? 1 : 0;
        }
        long mapNanos = System.nanoTime() - mapStart;
        assertEquals(rows, valid);

        String organisation = "org-bench-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.university(organisation);
        Instant start = Instant.now();
        String id = Achievements.as(token).contentType(contentType).body(file).post(IMPORTS)
                .then().statusCode(202).extract().path("id");
        Duration upload = Duration.between(start, Instant.now());
        int maxMinutes = Integer.parseInt(System.getenv().getOrDefault("IMPORT_BENCHMARK_MAX_MINUTES", "30"));
        JsonPath job;
        try {
            job = await().atMost(Duration.ofMinutes(maxMinutes)).pollInterval(Duration.ofMillis(250))
                    .until(() -> jobOf(token, id), j -> j.getString("status").equals("DONE")
                            || j.getString("status").equals("FAILED"));
        } catch (ConditionTimeoutException tooSlow) {
            JsonPath partial = jobOf(token, id);
            Duration elapsed = Duration.between(start, Instant.now());
            System.out.printf("%s: stopped after %.1f s with %d of %d rows done (%.0f rows/s so far); load average %s%n",
                    name, elapsed.toMillis() / 1000.0, partial.getInt("done"), rows,
                    partial.getInt("done") * 1000.0 / elapsed.toMillis(), loadAverage());
            throw tooSlow;
        }
        Duration total = Duration.between(start, Instant.now());
        Duration worker = Duration.between(Instant.parse(job.getString("startedAt")),
                Instant.parse(job.getString("finishedAt")));
        assertEquals("DONE", job.getString("status"));
        assertEquals(rows, job.getInt("imported"));
        System.out.printf("%s: %d bytes; read %.2f s, map+validate %.2f s; upload %.1f s; imported %d, failed %d "
                        + "in %.1f s end to end (%.0f rows/s), worker %.1f s (%.0f rows/s); load average %s%n",
                name, file.length, readNanos / 1e9, mapNanos / 1e9, upload.toMillis() / 1000.0,
                job.getInt("imported"), job.getInt("failed"), total.toMillis() / 1000.0,
                rows * 1000.0 / total.toMillis(), worker.toMillis() / 1000.0,
                rows * 1000.0 / Math.max(1, worker.toMillis()), loadAverage());
    }

    private static JsonPath jobOf(String token, String id) {
        return Achievements.as(token).get(IMPORTS + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static String loadAverage() throws Exception {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }
}
