package io.techbridge.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the mix draws from: the published achievements and open demands of the running stack
 * (their ids, read once at the start), search words from the demo records' keywords and titles,
 * and the demo records as templates for new listings of the demo university offices and enterprise.
 */
public final class Fixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    final List<String> achievementIds = new ArrayList<>();
    final List<String> demandIds = new ArrayList<>();
    /** Demands anyone may read without a login (not confidential). */
    final List<String> publicDemandIds = new ArrayList<>();
    final List<String> queries = new ArrayList<>();
    final List<String> fields = new ArrayList<>();
    final List<ObjectNode> achievementTemplates = new ArrayList<>();
    final List<ObjectNode> demandTemplates = new ArrayList<>();

    private final HttpClient http = HttpClient.newBuilder()
            // HTTP/1.1 as the simulation's requests (Gatling's default): no cleartext HTTP/2 upgrade on the
            // first request, which once broke a fixture's 100-record read here.
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    public Fixtures(LoadSettings settings, Sessions sessions) {
        readDemo(settings.demoDir());
        for (JsonNode item : list(settings.gatewayUrl() + "/api/achievements?status=PUBLISHED&size=100", null)) {
            achievementIds.add(item.path("id").asText());
        }
        for (JsonNode item : list(settings.gatewayUrl() + "/api/demands?status=OPEN&size=100", sessions.bearer("broker"))) {
            demandIds.add(item.path("id").asText());
            if ("PUBLIC".equals(item.path("confidentiality").asText("PUBLIC"))) {
                publicDemandIds.add(item.path("id").asText());
            }
        }
        if (achievementIds.isEmpty() || demandIds.isEmpty() || publicDemandIds.isEmpty()) {
            throw new IllegalStateException("the stack holds no published achievements or open demands: load the demo data (deploy/local/up)");
        }
    }

    static <T> T any(List<T> list) {
        return list.get(ThreadLocalRandom.current().nextInt(list.size()));
    }

    private void readDemo(Path demoDir) {
        Set<String> words = new LinkedHashSet<>();
        Set<String> fieldCodes = new LinkedHashSet<>();
        JsonNode achievements = read(demoDir.resolve("achievements.json"));
        JsonNode demands = read(demoDir.resolve("demands.json"));
        for (JsonNode record : achievements) {
            record.path("keywords").forEach(k -> words.add(k.asText()));
            fieldCodes.add(record.path("fieldCode").asText().substring(0, 2));
            ObjectNode template = ((ObjectNode) record).deepCopy();
            template.remove("key");
            achievementTemplates.add(template);
        }
        for (JsonNode record : demands) {
            record.path("keywords").forEach(k -> words.add(k.asText()));
            if (!record.path("challenge").isNull() && !record.path("challenge").isMissingNode()) {
                continue; // an open challenge has its own phases; the mix posts plain demands
            }
            ObjectNode template = ((ObjectNode) record).deepCopy();
            template.remove("key");
            template.remove("challenge");
            resolvePeriods(template);
            demandTemplates.add(template);
        }
        List<String> keywords = new ArrayList<>(words);
        queries.addAll(keywords);
        // two-word queries, as a visitor narrows a search: a keyword with another of the same record's
        for (JsonNode record : achievements) {
            JsonNode k = record.path("keywords");
            if (k.size() >= 2) {
                queries.add(k.get(0).asText() + " " + k.get(1).asText());
            }
        }
        fields.addAll(fieldCodes);
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
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private JsonNode list(String url, String authorization) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body()).path("items");
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
