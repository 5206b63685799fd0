package io.techbridge.listing.testing;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.listing.imports.ImportColumn;
import io.techbridge.listing.imports.ImportColumns;
import io.techbridge.listing.imports.ImportConfig;
import io.techbridge.listing.imports.ImportFormat;
import io.techbridge.listing.imports.RowReader;
import io.techbridge.listing.imports.Spreadsheet;
import jakarta.enterprise.inject.spi.CDI;
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
import java.util.function.BiFunction;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The import rate, measured against the real service, PostgreSQL and Kafka the test run starts: a
 * registration-form sheet of {@code IMPORT_BENCHMARK_ROWS} (10,000) good rows, uploaded as .xlsx and
 * as UTF-8 CSV, each followed to the end. Prints where the time goes (reading the file, mapping and
 * validating the rows, the whole job) and rows/s. {@code IMPORT_BENCHMARK_EXISTING} (0) first loads
 * that many similar records to import against (where the service can, {@link #loadExisting});
 * {@code IMPORT_BENCHMARK_FORMATS} ({@code xlsx,csv}) chooses the uploads;
 * {@code IMPORT_BENCHMARK_MAX_MINUTES} (30) caps each import, printing how far it got.
 * <p>
 * A service's {@code ImportRateBenchmark} ({@code @QuarkusTest}, outside the suite: no Test suffix)
 * extends it with its form, its columns and its uploader.
 *
 * @param <T> the enum of the columns
 * @param <R> the create request a row becomes
 */
public abstract class ImportBenchmark<T extends Enum<T> & ImportColumn, R> {

    /** A service's registration form: its columns, its rows and its .xlsx. */
    public record Form<T extends Enum<T> & ImportColumn, R>(
            ImportColumns.Schema<T> schema,
            BiFunction<ImportColumns<T>, Validator, Function<List<String>, RowReader.Mapped<R>>> rowMapper,
            List<String> header,
            BiFunction<Random, Integer, List<String>> distinctRow,
            BiFunction<List<String>, List<List<String>>, byte[]> xlsx) {
    }

    private final String noun;
    private final String imports;
    private final Function<String, String> uploaderToken;
    private final Form<T, R> form;

    /**
     * @param noun          the records, in the lines printed: {@code achievement}
     * @param imports       the import endpoint: {@code /api/achievements/imports}
     * @param uploaderToken the token of a user who may import, by organisation
     * @param form          the form uploaded: rows distinct as a registry's records are
     */
    protected ImportBenchmark(String noun, String imports, Function<String, String> uploaderToken, Form<T, R> form) {
        this.noun = noun;
        this.imports = imports;
        this.uploaderToken = uploaderToken;
        this.form = form;
    }

    /** Stores {@code count} records like the benchmark's rows, to import against. */
    protected void loadExisting(DataSource dataSource, Random random, int count) throws Exception {
        throw new UnsupportedOperationException("IMPORT_BENCHMARK_EXISTING: this benchmark does not load "
                + noun + " records");
    }

    @Test
    void tenThousandRowsImportInUnderAMinute() throws Exception {
        int rows = Integer.parseInt(System.getenv().getOrDefault("IMPORT_BENCHMARK_ROWS", "10000"));
        int existing = Integer.parseInt(System.getenv().getOrDefault("IMPORT_BENCHMARK_EXISTING", "0"));
        List<String> formats = List.of(System.getenv().getOrDefault("IMPORT_BENCHMARK_FORMATS", "xlsx,csv").split(","));
        // Each upload its own records, all distinct, as a registry's are: the duplicate check runs on
        // every row (and finds nothing), and the second upload does not repeat the first.
        Random random = new Random();
        ImportConfig config = CDI.current().select(ImportConfig.class).get();
        System.out.printf("%s import benchmark: %d rows, chunk-size %d, batch-size %d, load average %s%n",
                noun, rows, config.chunkSize(), config.batchSize(), loadAverage());
        if (existing > 0) {
            long start = System.nanoTime();
            loadExisting(CDI.current().select(DataSource.class).get(), random, existing);
            System.out.printf("loaded %d similar existing %ss with their index entries in %.1f s; load average %s%n",
                    existing, noun, (System.nanoTime() - start) / 1e9, loadAverage());
        }
        int offset = 0;
        for (String format : formats) {
            List<List<String>> sheet = sheet(random, rows, offset);
            offset += rows;
            switch (format.strip()) {
                case "xlsx" -> measure("xlsx", ImportFormat.XLSX, SheetFiles.XLSX,
                        form.xlsx().apply(form.header(), sheet), rows);
                case "csv" -> measure("csv", ImportFormat.CSV, "text/csv", SheetFiles.utf8Csv(form.header(), sheet), rows);
                default -> throw new IllegalArgumentException("IMPORT_BENCHMARK_FORMATS: xlsx or csv, not " + format);
            }
        }
    }

    private List<List<String>> sheet(Random random, int rows, int offset) {
        int base = random.nextInt(50_000_000) + offset;
        List<List<String>> sheet = new ArrayList<>(rows);
        for (int i = 1; i <= rows; i++) {
            sheet.add(form.distinctRow().apply(random, base + i));
        }
        return sheet;
    }

    private void measure(String name, ImportFormat format, String contentType, byte[] file, int rows) throws Exception {
        // The parts the worker does before storing, alone in this JVM: reading the file, mapping and validating.
        long readStart = System.nanoTime();
        Spreadsheet parsed = Spreadsheet.read(format, file);
        long readNanos = System.nanoTime() - readStart;
        Function<List<String>, RowReader.Mapped<R>> mapper = form.rowMapper().apply(
                form.schema().read(parsed.header()).columns(), CDI.current().select(Validator.class).get());
        long mapStart = System.nanoTime();
        long valid = 0;
        for (Spreadsheet.DataRow row : parsed.rows()) {
            valid += mapper.apply(row.cells()).valid() ? 1 : 0;
        }
        long mapNanos = System.nanoTime() - mapStart;
        assertEquals(rows, valid);

        String organisation = "org-bench-" + UUID.randomUUID().toString().substring(0, 8);
        String token = uploaderToken.apply(organisation);
        Instant start = Instant.now();
        String id = as(token).contentType(contentType).body(file).post(imports)
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

    private JsonPath jobOf(String token, String id) {
        return as(token).get(imports + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", TestTokens.bearer(token));
    }

    private static String loadAverage() throws Exception {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }
}
