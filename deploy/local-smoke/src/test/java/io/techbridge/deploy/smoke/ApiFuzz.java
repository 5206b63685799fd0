package io.techbridge.deploy.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import io.techbridge.deploy.local.JwtKeyFiles;
import io.techbridge.deploy.local.LocalTokens;
import io.techbridge.deploy.smoke.fuzz.Callers;
import io.techbridge.deploy.smoke.fuzz.Fixtures;
import io.techbridge.deploy.smoke.fuzz.FuzzReport;
import io.techbridge.deploy.smoke.fuzz.FuzzRequest;
import io.techbridge.deploy.smoke.fuzz.FuzzRunner;
import io.techbridge.deploy.smoke.fuzz.Operation;
import io.techbridge.deploy.smoke.fuzz.RequestPlanner;
import io.techbridge.deploy.smoke.fuzz.Schemas;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bounded fuzzer driven by each service's OpenAPI document: every operation of
 * achievement-service, demand-service and matching-service (on their loopback ports) and of the
 * gateway (its merged {@code /openapi}, so every routed operation once more through the proxy) gets
 * requests built to be refused — malformed JSON, members given twice, wrong types, huge and odd
 * strings (control characters, NUL, lone surrogates, bidi overrides), deep nesting, arrays where
 * objects belong, paging at the ends of the int range, garbage ids, no token or a forged one — as
 * every role and anonymously. Asserted: no answer is a 5xx (or missing), every 4xx under
 * {@code /api} is {@code application/problem+json}, and nothing a refused request named changed:
 * record versions and states, and the counts of what is stored, move only by what accepted
 * requests did. The plan is fixed by the seed, so a run can be repeated. See the module's README.
 */
final class ApiFuzz {

    private static final List<String> SIGNED_CALLERS = List.of(Callers.of("university", "org-zju"),
            Callers.of("university", "org-sjtu"), Callers.of("enterprise", "org-huarui-pharma"),
            StoredState.BROKER, StoredState.ADMIN);
    private static final Set<String> CREATIONS = Set.of("POST /api/achievements", "POST /api/demands",
            "POST /api/demands/{id}/applications", "POST /api/admin/users", "POST /api/admin/organisations");

    /** The seed of the build's runs: the same plan every time. */
    static final long SEED = 20261206L;

    private ApiFuzz() {
    }

    /**
     * Sends {@code budget} requests to the platform at {@code urls} (tokens signed with the key pair in
     * {@code keys}) on {@code threads} threads, writes the report to {@code target/fuzz-report.txt},
     * and fails on any answer that breaks the rules or any change a refused request made.
     */
    static void run(StoredState.Urls urls, Path keys, int budget, long seed, int threads) throws Exception {
        Callers callers = new Callers(new LocalTokens(JwtKeyFiles.in(keys)));
        StoredState.Reader reader = new StoredState.Reader(callers);

        // The documents: each service's own, and the gateway's merged one.
        Map<String, String> bases = new LinkedHashMap<>();
        bases.put("achievement-service", urls.achievement());
        bases.put("demand-service", urls.demand());
        bases.put("matching-service", urls.matching());
        bases.put("gateway", urls.gateway());
        Map<String, List<Operation>> operations = new LinkedHashMap<>();
        Map<String, Schemas> schemas = new HashMap<>();
        for (Map.Entry<String, String> target : bases.entrySet()) {
            boolean gateway = target.getKey().equals("gateway");
            JsonNode document = reader.get(target.getValue() + (gateway ? "/openapi" : "/q/openapi?format=json"), Callers.ANONYMOUS);
            if (gateway) {
                assertTrue(document.path("x-unavailable-services").isEmpty(), "the gateway merged every service's document: "
                        + document.path("x-unavailable-services"));
            }
            operations.put(target.getKey(), Operation.all(document));
            schemas.put(target.getKey(), RequestPlanner.schemas(document));
        }
        int operationCount = operations.values().stream().mapToInt(List::size).sum();

        Fixtures fixtures = StoredState.fixtures(reader, urls);
        StoredState before = StoredState.capture(reader, urls, fixtures);

        // The plan: the budget shared by the targets in proportion to their operations.
        RequestPlanner planner = new RequestPlanner(fixtures, SIGNED_CALLERS, seed);
        List<FuzzRequest> requests = new ArrayList<>();
        int planned = 0;
        List<String> targets = new ArrayList<>(operations.keySet());
        for (String target : targets) {
            int share = target.equals(targets.get(targets.size() - 1)) ? budget - planned
                    : (int) ((long) budget * operations.get(target).size() / operationCount);
            requests.addAll(planner.plan(target, bases.get(target), operations.get(target), schemas.get(target), share));
            planned += share;
        }
        List<FuzzRequest> shuffled = new ArrayList<>(requests);
        Collections.shuffle(shuffled, new Random(seed));

        long started = System.nanoTime();
        FuzzRunner runner = new FuzzRunner(callers, Duration.ofMinutes(3));
        List<FuzzRunner.Outcome> outcomes = runner.run(shuffled, threads);
        double seconds = (System.nanoTime() - started) / 1e9;

        // What the accepted changes did, so that everything else can be held to "nothing changed".
        Set<String> changedOnPurpose = new HashSet<>();
        Map<String, Long> growth = new HashMap<>();
        for (FuzzRunner.Outcome outcome : outcomes) {
            FuzzRequest request = outcome.request();
            if (!outcome.accepted() || !request.operation().isWrite()) {
                continue;
            }
            for (String record : request.records()) {
                changedOnPurpose.add(record);
                changedOnPurpose.addAll(fixtures.related().getOrDefault(record, Set.of()));
            }
            String key = request.operation().key();
            if (CREATIONS.contains(key) && outcome.status() == 201) {
                growth.merge(collection(key, request.path()), 1L, Long::sum);
            }
            if (key.endsWith("/imports") && outcome.status() == 202) {
                growth.merge(key.contains("achievements") ? "achievements" : "demands", imported(reader, request, outcome),
                        Long::sum);
            }
        }
        StoredState after = StoredState.capture(reader, urls, fixtures);
        List<String> unexplained = new ArrayList<>();
        for (String change : after.unexplainedChanges(before, changedOnPurpose, growth)) {
            // With the requests that named the record, to see which one changed it.
            String record = change.substring(0, change.indexOf(':'));
            unexplained.add(change + outcomes.stream().filter(o -> o.request().url().contains(record)
                            || o.request().body() != null && new String(o.request().body(), StandardCharsets.UTF_8).contains(record))
                    .map(o -> System.lineSeparator() + "      " + o.status() + " " + o.request().describe())
                    .limit(20).collect(java.util.stream.Collectors.joining()));
        }

        FuzzReport report = new FuzzReport(outcomes, operations);
        String summary = report.summary(seed, threads, seconds)
                + String.format("  sent again on a new connection after the server closed the old one: %d%n", runner.retried())
                + String.format("  stored state: %d records and %d counts compared before and after; %d named by accepted "
                        + "changes; unexplained changes: %d%n", before.recordCount(), before.counts().size(),
                changedOnPurpose.size(), unexplained.size())
                + String.join(System.lineSeparator(), unexplained.stream().map(c -> "    " + c).toList());
        System.out.println(summary);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fuzz-report.txt"), summary, StandardCharsets.UTF_8);

        assertEquals(budget, outcomes.size(), "the whole budget was sent");
        assertEquals(operationCount, operations.values().stream().mapToInt(List::size).sum());
        assertTrue(report.violations().isEmpty(), report.violations().size() + " answers broke the rules:"
                + System.lineSeparator() + summary);
        assertTrue(unexplained.isEmpty(), "refused requests changed what is stored:" + System.lineSeparator() + summary);
        for (Map.Entry<String, List<Operation>> target : operations.entrySet()) {
            Set<String> covered = new HashSet<>();
            outcomes.stream().filter(o -> o.request().target().equals(target.getKey()))
                    .forEach(o -> covered.add(o.request().operation().key()));
            assertEquals(target.getValue().size(), covered.size(), "every operation of " + target.getKey() + " was fuzzed");
        }
    }

    /** What a creation adds to: a count of {@link StoredState}. */
    private static String collection(String creation, String path) {
        return switch (creation) {
            case "POST /api/achievements" -> "achievements";
            case "POST /api/demands" -> "demands";
            case "POST /api/demands/{id}/applications" -> StoredState.applicationsTo(path.split("/")[3]);
            case "POST /api/admin/users" -> "users";
            default -> "organisations";
        };
    }

    /** How many rows an accepted import stored, once it has finished. */
    private static long imported(StoredState.Reader reader, FuzzRequest request, FuzzRunner.Outcome outcome) throws Exception {
        String id = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(outcome.body()).path("id").asText();
        String job = request.url().replaceAll("\\?.*$", "") + "/" + id;
        JsonNode[] finished = new JsonNode[1];
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            finished[0] = reader.get(job, request.caller());
            return finished[0].path("finishedAt").isTextual();
        });
        return finished[0].path("imported").asLong();
    }
}
