package io.techbridge.demand;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.techbridge.demand.api.DemandRequest;
import io.techbridge.demand.imports.DemandColumn;
import io.techbridge.demand.imports.DemandRowMapper;
import io.techbridge.listing.imports.ImportColumns;
import io.techbridge.listing.imports.ImportConfig;
import io.techbridge.listing.imports.ImportFormat;
import io.techbridge.listing.imports.RowReader;
import io.techbridge.listing.imports.Spreadsheet;
import io.techbridge.deploy.local.testing.TestTokens;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

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
 * demand registration-form sheet of {@code IMPORT_BENCHMARK_ROWS} (10,000) good rows, uploaded as .xlsx and
 * as UTF-8 CSV, each followed to the end. Prints where the time goes (reading the file, mapping and
 * validating the rows, the whole job) and rows/s. Not part of the suite (no Test suffix): run it
 * with {@code demand-service/import-benchmark}.
 */
@QuarkusTest
@RealServers
class ImportRateBenchmark {

    private static final String IMPORTS = "/api/demands/imports";

    @Inject
    Validator validator;

    @Inject
    ImportConfig config;

    @Test
    void tenThousandRowsImportInUnderAMinute() throws Exception {
        int rows = Integer.parseInt(System.getenv().getOrDefault("IMPORT_BENCHMARK_ROWS", "10000"));
        // Each upload its own records, all distinct, as a registry's are: the duplicate check runs on
        // every row (and finds nothing), and the second upload does not repeat the first.
        Random random = new Random();
        System.out.printf("demand import benchmark: %d rows, chunk-size %d, batch-size %d, load average %s%n",
                rows, config.chunkSize(), config.batchSize(), loadAverage());
        List<List<String>> sheet = sheet(random, rows, 0);
        measure("xlsx", ImportFormat.XLSX, DemandImportSheets.XLSX, DemandImportSheets.xlsx(DemandImportSheets.HEADER, sheet), rows);
        sheet = sheet(random, rows, rows);
        measure("csv", ImportFormat.CSV, "text/csv", DemandImportSheets.utf8Csv(DemandImportSheets.HEADER, sheet), rows);
    }

    private static List<List<String>> sheet(Random random, int rows, int offset) {
        int base = random.nextInt(50_000_000) + offset;
        List<List<String>> sheet = new ArrayList<>(rows);
        for (int i = 1; i <= rows; i++) {
            sheet.add(DemandImportSheets.distinctRow(random, base + i));
        }
        return sheet;
    }

    private void measure(String name, ImportFormat format, String contentType, byte[] file, int rows) throws Exception {
        // The parts the worker does before storing, alone in this JVM: reading the file, mapping and validating.
        long readStart = System.nanoTime();
        Spreadsheet parsed = Spreadsheet.read(format, file);
        long readNanos = System.nanoTime() - readStart;
        ImportColumns<DemandColumn> columns = DemandColumn.SCHEMA.read(parsed.header()).columns();
        DemandRowMapper mapper = new DemandRowMapper(columns, validator);
        long mapStart = System.nanoTime();
        long valid = 0;
        for (Spreadsheet.DataRow row : parsed.rows()) {
            RowReader.Mapped<DemandRequest> mapped = mapper.apply(row.cells());
            valid += mapped.valid() ? 1 : 0;
        }
        long mapNanos = System.nanoTime() - mapStart;
        assertEquals(rows, valid);

        String organisation = "org-bench-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.enterprise(organisation);
        Instant start = Instant.now();
        String id = Demands.as(token).contentType(contentType).body(file).post(IMPORTS)
                .then().statusCode(202).extract().path("id");
        Duration upload = Duration.between(start, Instant.now());
        JsonPath job = await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> Demands.as(token).get(IMPORTS + "/" + id).then().statusCode(200).extract().jsonPath(),
                        j -> j.getString("status").equals("DONE") || j.getString("status").equals("FAILED"));
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

    private static String loadAverage() throws Exception {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }
}
