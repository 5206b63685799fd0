package io.techbridge.deploy.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techbridge.deploy.smoke.fuzz.Callers;
import io.techbridge.deploy.smoke.fuzz.Fixtures;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the platform has stored, as an admin and a broker read it through the services' APIs: how
 * many achievements, demands, applications, users and organisations there are, and the state of
 * each existing record (version and status; a pair's status, reason, contract and disclosure; an
 * account or organisation whole). Taken before and after the fuzz, it shows what changed.
 */
final class StoredState {

    static final String ADMIN = Callers.of("admin", "org-operator");
    static final String BROKER = Callers.of("broker", "org-techbridge-brokers");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLICATIONS_TO = "applications to ";

    /** Reads the platform's APIs as one of the {@link Callers}. */
    static final class Reader {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final Callers callers;

        Reader(Callers callers) {
            this.callers = callers;
        }

        JsonNode get(String url, String caller) throws IOException, InterruptedException {
            HttpResponse<String> response = answer(url, caller);
            assertEquals(200, response.statusCode(), "GET " + url + " as " + caller + ": " + response.body());
            return JSON.readTree(response.body());
        }

        HttpResponse<String> answer(String url, String caller) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json")
                    .timeout(java.time.Duration.ofMinutes(2));
            callers.authorization(caller).ifPresent(value -> request.header("Authorization", value));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The state of a record as {@code shown} tells it, or the status it was refused with. */
        String state(String url, String caller, java.util.function.Function<JsonNode, String> shown)
                throws IOException, InterruptedException {
            HttpResponse<String> response = answer(url, caller);
            return response.statusCode() == 200 ? shown.apply(JSON.readTree(response.body()))
                    : "answered " + response.statusCode();
        }

        /** Every item of a paged listing (at most {@code maxPages} pages of 100). */
        List<JsonNode> all(String url, String caller, int maxPages) throws IOException, InterruptedException {
            List<JsonNode> items = new ArrayList<>();
            for (int page = 0; page < maxPages; page++) {
                JsonNode answer = get(url + (url.contains("?") ? "&" : "?") + "size=100&page=" + page, caller);
                answer.path("items").forEach(items::add);
                if (page + 1 >= answer.path("totalPages").asInt()) {
                    break;
                }
            }
            return items;
        }
    }

    /** The service and gateway addresses the state is read from. */
    record Urls(String gateway, String achievement, String demand, String matching) {
    }

    private final Map<String, Long> counts;
    private final Map<String, String> records;

    private StoredState(Map<String, Long> counts, Map<String, String> records) {
        this.counts = counts;
        this.records = records;
    }

    /** The records the fuzzer can name, read as an admin and a broker. */
    static Fixtures fixtures(Reader reader, Urls urls) throws IOException, InterruptedException {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        Map<String, String> owners = new HashMap<>();
        Map<String, Set<String>> related = new HashMap<>();
        List<Fixtures.Application> applications = new ArrayList<>();
        for (JsonNode achievement : reader.all(urls.achievement() + "/api/achievements", ADMIN, 5)) {
            add(ids, "achievement", achievement.path("id").asText());
            owners.put(achievement.path("id").asText(), Callers.of("university", achievement.path("organisationId").asText()));
        }
        for (JsonNode demand : reader.all(urls.demand() + "/api/demands", ADMIN, 5)) {
            String id = demand.path("id").asText();
            add(ids, "demand", id);
            owners.put(id, Callers.of("enterprise", demand.path("organisationId").asText()));
            if (demand.hasNonNull("challenge")) {
                add(ids, "challenge", id);
                for (JsonNode application : reader.get(urls.demand() + "/api/demands/" + id + "/applications", BROKER)) {
                    String applicationId = application.path("id").asText();
                    String organisation = application.path("organisationId").asText();
                    applications.add(new Fixtures.Application(id, applicationId, organisation));
                    add(ids, "application", applicationId);
                    owners.put(applicationId, Callers.of("university", organisation));
                    relate(related, id, applicationId);
                }
            }
        }
        for (JsonNode match : reader.all(urls.matching() + "/api/matches", BROKER, 3)) {
            String id = match.path("id").asText();
            add(ids, "match", id);
            relate(related, id, match.path("demandId").asText());
            relate(related, id, match.path("achievementId").asText());
        }
        for (JsonNode organisation : reader.get(urls.gateway() + "/api/admin/organisations", ADMIN)) {
            add(ids, "organisation", organisation.path("id").asText());
        }
        for (JsonNode user : reader.get(urls.gateway() + "/api/admin/users", ADMIN)) {
            add(ids, "user", user.path("id").asText());
        }
        return new Fixtures(ids, applications, owners, related);
    }

    static StoredState capture(Reader reader, Urls urls, Fixtures fixtures) throws IOException, InterruptedException {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, String> records = new TreeMap<>();
        counts.put("achievements", reader.get(urls.achievement() + "/api/achievements?size=1", ADMIN).path("totalItems").asLong());
        counts.put("demands", reader.get(urls.demand() + "/api/demands?size=1", ADMIN).path("totalItems").asLong());
        for (String challenge : fixtures.of("challenge")) {
            HttpResponse<String> applications = reader.answer(urls.demand() + "/api/demands/" + challenge + "/applications", BROKER);
            counts.put(applicationsTo(challenge), applications.statusCode() == 200 ? JSON.readTree(applications.body()).size() : -1L);
        }
        JsonNode organisations = reader.get(urls.gateway() + "/api/admin/organisations", ADMIN);
        JsonNode users = reader.get(urls.gateway() + "/api/admin/users", ADMIN);
        counts.put("organisations", (long) organisations.size());
        counts.put("users", (long) users.size());

        for (String id : fixtures.of("achievement")) {
            records.put(id, reader.state(urls.achievement() + "/api/achievements/" + id, ADMIN,
                    a -> "achievement version " + a.path("version") + " " + a.path("status").asText()));
        }
        for (String id : fixtures.of("demand")) {
            records.put(id, reader.state(urls.demand() + "/api/demands/" + id, ADMIN,
                    d -> "demand version " + d.path("version") + " " + d.path("status").asText()));
        }
        for (Fixtures.Application application : fixtures.applications()) {
            records.put(application.applicationId(), reader.state(urls.demand() + "/api/demands/" + application.demandId()
                    + "/applications/" + application.applicationId(), BROKER, a -> "application version " + a.path("version")
                    + " " + a.path("status").asText() + " shortlisted " + a.path("shortlisted")));
        }
        for (String id : fixtures.of("match")) {
            // Not the version or score, nor PROPOSED against WITHDRAWN: the matcher rescores open proposals by
            // itself (a decision elsewhere in the field teaches it new weights), which can move one below the
            // threshold or back. What a broker decided is compared exactly.
            records.put(id, reader.state(urls.matching() + "/api/matches/" + id, BROKER, m -> "match "
                    + followingTheMatcher(m.path("status").asText()) + " reason " + m.path("reasonCode")
                    + " contract " + m.path("contract") + " disclosed " + m.path("disclosed")));
        }
        for (JsonNode organisation : organisations) {
            records.put(organisation.path("id").asText(), "organisation " + organisation);
        }
        for (JsonNode user : users) {
            ObjectNode shown = user.deepCopy();
            shown.remove("lastLoginAt");
            // A refused login counts towards its name's throttle by design: that standing is not the account's data.
            shown.remove("failedLoginsInARow");
            shown.remove("loginClosedUntil");
            records.put(user.path("id").asText(), "user " + shown);
        }
        return new StoredState(counts, records);
    }

    /**
     * What changed from {@code before} to this state that nobody was allowed to change: a record
     * (not in {@code changedOnPurpose}) whose state differs, and a count that moved by other than
     * {@code expectedGrowth}.
     */
    List<String> unexplainedChanges(StoredState before, Set<String> changedOnPurpose, Map<String, Long> expectedGrowth) {
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, Long> count : before.counts.entrySet()) {
            if (count.getKey().startsWith(APPLICATIONS_TO)
                    && changedOnPurpose.contains(count.getKey().substring(APPLICATIONS_TO.length()))) {
                continue;
            }
            long growth = counts.get(count.getKey()) - count.getValue();
            long expected = expectedGrowth.getOrDefault(count.getKey(), 0L);
            if (growth != expected) {
                changes.add(count.getKey() + ": " + count.getValue() + " before, " + counts.get(count.getKey())
                        + " after, but the accepted requests added " + expected);
            }
        }
        for (Map.Entry<String, String> record : before.records.entrySet()) {
            String now = records.get(record.getKey());
            if (!changedOnPurpose.contains(record.getKey()) && !record.getValue().equals(now)) {
                changes.add(record.getKey() + ": was " + record.getValue() + ", now " + now);
            }
        }
        return changes;
    }

    /** An open proposal's status as one: the matcher moves it between PROPOSED and WITHDRAWN on its own. */
    private static String followingTheMatcher(String status) {
        return status.equals("PROPOSED") || status.equals("WITHDRAWN") ? "open proposal (PROPOSED or WITHDRAWN)" : status;
    }

    /** The key of a challenge's count of applications. */
    static String applicationsTo(String challenge) {
        return APPLICATIONS_TO + challenge;
    }

    int recordCount() {
        return records.size();
    }

    Map<String, Long> counts() {
        return counts;
    }

    private static void add(Map<String, List<String>> ids, String kind, String id) {
        ids.computeIfAbsent(kind, k -> new ArrayList<>()).add(id);
    }

    private static void relate(Map<String, Set<String>> related, String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return;
        }
        related.computeIfAbsent(a, k -> new HashSet<>()).add(b);
        related.computeIfAbsent(b, k -> new HashSet<>()).add(a);
    }
}
