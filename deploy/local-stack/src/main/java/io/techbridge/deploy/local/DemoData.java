package io.techbridge.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads the demo achievements and demands of {@code deploy/local/demo} through the services'
 * public API, once per data folder. Dates written as ISO periods ({@code P240D}) are taken
 * from today, so the demo never starts out expired.
 */
public final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Path demoDir;
    private final Path idsFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DemoData(Path projectDir, Path dataDir) {
        this.demoDir = projectDir.resolve("deploy/local/demo");
        this.idsFile = dataDir.resolve("demo-ids.json");
    }

    public boolean loaded() {
        return Files.exists(idsFile);
    }

    /** Returns how many records were created, by kind. */
    public Map<String, Integer> load(String achievementsUrl, String demandsUrl) {
        ObjectNode ids = JSON.createObjectNode();
        int achievements = post(demoDir.resolve("achievements.json"), achievementsUrl, ids);
        int demands = post(demoDir.resolve("demands.json"), demandsUrl, ids);
        try {
            Files.createDirectories(idsFile.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(idsFile.toFile(), ids);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + idsFile, e);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("achievements", achievements);
        counts.put("demands", demands);
        return counts;
    }

    private int post(Path file, String url, ObjectNode ids) {
        JsonNode records = read(file);
        int created = 0;
        for (JsonNode record : records) {
            ObjectNode body = ((ObjectNode) record).deepCopy();
            String key = body.remove("key").asText();
            resolvePeriods(body);
            JsonNode response = send(url, body);
            ids.put(key, response.get("id").asText());
            created++;
        }
        return created;
    }

    private JsonNode send(String url, ObjectNode body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void resolvePeriods(ObjectNode node) {
        LocalDate today = LocalDate.now(CHINA);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isTextual() && value.asText().matches("P\\d+[DWMY]")) {
                field.setValue(JSON.getNodeFactory().textNode(today.plus(Period.parse(value.asText())).toString()));
            } else if (value.isObject()) {
                resolvePeriods((ObjectNode) value);
            }
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
