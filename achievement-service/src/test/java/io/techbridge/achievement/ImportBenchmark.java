package io.techbridge.achievement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.deploy.local.JwtKeyFiles;
import io.techbridge.deploy.local.LocalTokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Import rate of a running achievement service (not a test; run by {@code achievement-service/import-benchmark}).
 * Generates a registration-form sheet of N rows as .xlsx and as UTF-8 CSV, uploads each as a university of a
 * fresh organisation (a token signed with the stack's key), follows the job and prints rows per second.
 * Settings: TECHBRIDGE_ACHIEVEMENT_PORT (8081), TECHBRIDGE_DATA_DIR (deploy/local/data, for keys/),
 * IMPORT_BENCHMARK_ROWS (10000).
 */
public final class ImportBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("TECHBRIDGE_ACHIEVEMENT_PORT", "8081"));
        Path dataDir = Path.of(System.getenv().getOrDefault("TECHBRIDGE_DATA_DIR", "deploy/local/data"));
        int rows = Integer.parseInt(System.getenv().getOrDefault("IMPORT_BENCHMARK_ROWS", "10000"));
        LocalTokens tokens = new LocalTokens(JwtKeyFiles.in(dataDir.resolve("keys")));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI base = URI.create("http://127.0.0.1:" + port + "/api/achievements/imports");

        String run = UUID.randomUUID().toString().substring(0, 8);
        List<List<String>> sheet = new ArrayList<>(rows);
        for (int i = 1; i <= rows; i++) {
            sheet.add(ImportSheets.goodRow("压测导入成果-" + run + "-" + i, i));
        }
        System.out.printf("%d rows, service on port %d%n", rows, port);
        measure(http, base, tokens, "xlsx", ImportSheets.XLSX, ImportSheets.xlsx(ImportSheets.HEADER, sheet));
        measure(http, base, tokens, "csv", "text/csv", ImportSheets.utf8Csv(ImportSheets.HEADER, sheet));
    }

    private static void measure(HttpClient http, URI base, LocalTokens tokens, String name, String contentType,
            byte[] file) throws Exception {
        String organisation = "org-bench-" + UUID.randomUUID().toString().substring(0, 8);
        String token = tokens.token("university", organisation, "UNIVERSITY", Duration.ofHours(2));
        Instant start = Instant.now();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(base)
                        .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                        .timeout(Duration.ofMinutes(2))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException(name + " upload answered " + accepted.statusCode() + ": " + accepted.body());
        }
        Duration upload = Duration.between(start, Instant.now());
        String id = JSON.readTree(accepted.body()).get("id").asText();
        JsonNode job;
        int lastDone = -1;
        while (true) {
            HttpResponse<String> progress = http.send(HttpRequest.newBuilder(base.resolve("imports/" + id))
                            .header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            job = JSON.readTree(progress.body());
            String status = job.get("status").asText();
            if (job.get("done").asInt() != lastDone) {
                lastDone = job.get("done").asInt();
                System.out.printf("  %s %s %d/%d%n", name, status, lastDone, job.get("total").asInt());
            }
            if (status.equals("DONE") || status.equals("FAILED")) {
                break;
            }
            Thread.sleep(500);
        }
        Duration total = Duration.between(start, Instant.now());
        Duration worker = Duration.between(Instant.parse(job.get("startedAt").asText()),
                Instant.parse(job.get("finishedAt").asText()));
        System.out.printf("%s: %d bytes, upload %.1f s, %s, imported %d, failed %d in %.1f s end to end "
                        + "(%.0f rows/s), worker %.1f s (%.0f rows/s)%n",
                name, file.length, upload.toMillis() / 1000.0, job.get("status").asText(),
                job.get("imported").asInt(), job.get("failed").asInt(), total.toMillis() / 1000.0,
                job.get("total").asInt() * 1000.0 / total.toMillis(), worker.toMillis() / 1000.0,
                job.get("total").asInt() * 1000.0 / Math.max(1, worker.toMillis()));
    }
}
