package io.techbridge.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The platform's traffic through the gateway at an open-model arrival rate: every arrival sends one
 * request of the mix (a broker's decision two: the queue, then the decision), chosen by the shares
 * of {@link Mix}, with the request names of {@link Mix} so the report gives each type's percentiles.
 * Run by {@code deploy/local/load}; settings in {@link LoadSettings}.
 */
public class MixSimulation extends Simulation {
    static final String BROKER = "broker";
    static final String[] UNIVERSITIES = {"zju-tto", "sjtu-tto"};
    static final String ENTERPRISE = "huarui";
    static final String[] REJECTION_REASONS = {"TOO_EARLY", "PRICE_MISMATCH", "REGION", "FIELD_MISMATCH", "BENEFIT_UNCLEAR"};

    /** A listing this run created, for the updates: taken out while one update is in flight. */
    record Written(String id, long version, ObjectNode body) {
    }

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final Sessions sessions = new Sessions(settings.gatewayUrl(), settings.accountsFile(),
            BROKER, UNIVERSITIES[0], UNIVERSITIES[1], ENTERPRISE);
    private final Fixtures fixtures = new Fixtures(settings, sessions);
    private final Queue<Written> writtenAchievements = new ConcurrentLinkedQueue<>();
    private final Queue<Written> writtenDemands = new ConcurrentLinkedQueue<>();
    private final AtomicLong serial = new AtomicLong();
    private final java.util.Map<String, String> organisationNames = organisationNames();

    {
        System.out.printf("load: %s requests/s for %d s (ramp %d s) through %s; %d achievements, %d demands, %d queries%n",
                settings.rate(), settings.duration().toSeconds(), settings.ramp().toSeconds(), settings.gatewayUrl(),
                fixtures.achievementIds.size(), fixtures.demandIds.size(), fixtures.queries.size());
        HttpProtocolBuilder protocol = http.baseUrl(settings.gatewayUrl())
                .acceptHeader("application/json")
                .acceptLanguageHeader("zh-CN,zh;q=0.9")
                .userAgentHeader("TechBridge load test (Gatling)")
                .shareConnections()
                .disableWarmUp();

        ScenarioBuilder mix = scenario("mix").randomSwitch().on(
                percent(Mix.SHARES.get(Mix.SEARCH)).then(search()),
                percent(Mix.SHARES.get(Mix.READ_ACHIEVEMENT)).then(readAchievement()),
                percent(Mix.SHARES.get(Mix.READ_DEMAND)).then(readDemand()),
                percent(Mix.SHARES.get(Mix.LIST_ACHIEVEMENTS)).then(listAchievements()),
                percent(Mix.SHARES.get(Mix.RANK_DEMAND)).then(rankDemand()),
                percent(Mix.SHARES.get(Mix.RANK_ACHIEVEMENT)).then(rankAchievement()),
                percent(Mix.SHARES.get(Mix.CREATE_ACHIEVEMENT)).then(createAchievement()),
                percent(Mix.SHARES.get(Mix.CREATE_DEMAND)).then(createDemand()),
                percent(Mix.SHARES.get(Mix.UPDATE_ACHIEVEMENT)).then(updateAchievement()),
                percent(Mix.SHARES.get(Mix.UPDATE_DEMAND)).then(updateDemand()),
                percent(Mix.SHARES.get(Mix.QUEUE)).then(decide()));

        List<OpenInjectionStep> injection = new ArrayList<>();
        if (!settings.ramp().isZero()) {
            injection.add(rampUsersPerSec(Math.min(1.0, settings.rate())).to(settings.rate()).during(settings.ramp()));
        }
        injection.add(constantUsersPerSec(settings.rate()).during(settings.duration()).randomized());
        setUp(mix.injectOpen(injection)).protocols(protocol)
                .maxDuration(settings.ramp().plus(settings.duration()).plusSeconds(120));
    }

    @Override
    public void after() {
        System.out.printf("sessions: %d token renewals, %d failed; created %d achievements and %d demands%n",
                sessions.refreshes(), sessions.failedRefreshes(), writtenAchievements.size(), writtenDemands.size());
        sessions.close();
    }

    // --- public reads and search (no login) ---

    private ChainBuilder search() {
        return exec(http(Mix.SEARCH).get("/api/search")
                .queryParam("q", session -> Fixtures.any(fixtures.queries))
                .queryParam("size", "10")
                .check(status().is(200)));
    }

    private ChainBuilder readAchievement() {
        return exec(http(Mix.READ_ACHIEVEMENT).get(session -> "/api/achievements/" + Fixtures.any(fixtures.achievementIds))
                .check(status().is(200)));
    }

    private ChainBuilder readDemand() {
        return exec(http(Mix.READ_DEMAND).get(session -> "/api/demands/" + Fixtures.any(fixtures.publicDemandIds))
                .check(status().is(200)));
    }

    private ChainBuilder listAchievements() {
        return exec(http(Mix.LIST_ACHIEVEMENTS).get("/api/achievements")
                .queryParam("status", "PUBLISHED")
                .queryParam("field", session -> Fixtures.any(fixtures.fields))
                .queryParam("size", "20")
                .check(status().is(200)));
    }

    // --- rankings, as a broker ---

    private ChainBuilder rankDemand() {
        return exec(http(Mix.RANK_DEMAND).get(session -> "/api/demands/" + Fixtures.any(fixtures.demandIds) + "/matches")
                .queryParam("limit", "10")
                .header("Authorization", session -> sessions.bearer(BROKER))
                .check(status().is(200)));
    }

    private ChainBuilder rankAchievement() {
        return exec(http(Mix.RANK_ACHIEVEMENT).get(session -> "/api/achievements/" + Fixtures.any(fixtures.achievementIds) + "/matches")
                .queryParam("limit", "10")
                .header("Authorization", session -> sessions.bearer(BROKER))
                .check(status().is(200)));
    }

    // --- writes: a university office registers and revises achievements, the enterprise its demands ---

    private ChainBuilder createAchievement() {
        return exec(session -> {
            String account = UNIVERSITIES[ThreadLocalRandom.current().nextInt(UNIVERSITIES.length)];
            ObjectNode body = Fixtures.any(fixtures.achievementTemplates).deepCopy();
            String organisation = account.equals("zju-tto") ? "org-zju" : "org-sjtu";
            body.put("organisationId", organisation).put("institution", organisationNames.get(organisation))
                    .put("title", body.path("title").asText() + "（" + serial.incrementAndGet() + "）")
                    .put("status", "PUBLISHED");
            return session.set("account", account).set("body", body.toString()).set("template", body);
        }).exec(http(Mix.CREATE_ACHIEVEMENT).post("/api/achievements?duplicates=confirmed")
                .header("Authorization", session -> sessions.bearer(session.getString("account")))
                .header("Content-Type", "application/json")
                .body(StringBody(session -> session.getString("body")))
                .check(status().is(201), jsonPath("$.id").saveAs("id"), jsonPath("$.version").ofLong().saveAs("version")))
                .exec(session -> remember(session, writtenAchievements));
    }

    private ChainBuilder createDemand() {
        return exec(session -> {
            ObjectNode body = Fixtures.any(fixtures.demandTemplates).deepCopy();
            body.put("organisationId", "org-huarui-pharma").put("enterprise", organisationNames.get("org-huarui-pharma"))
                    .put("title", body.path("title").asText() + "（" + serial.incrementAndGet() + "）");
            return session.set("account", ENTERPRISE).set("body", body.toString()).set("template", body);
        }).exec(http(Mix.CREATE_DEMAND).post("/api/demands?duplicates=confirmed")
                .header("Authorization", session -> sessions.bearer(ENTERPRISE))
                .header("Content-Type", "application/json")
                .body(StringBody(session -> session.getString("body")))
                .check(status().is(201), jsonPath("$.id").saveAs("id"), jsonPath("$.version").ofLong().saveAs("version")))
                .exec(session -> remember(session, writtenDemands));
    }

    private static Session remember(Session session, Queue<Written> written) {
        if (!session.isFailed() && session.contains("id")) {
            ObjectNode body = session.get("template");
            written.add(new Written(session.getString("id"), session.getLong("version"), body));
        }
        return session;
    }

    private ChainBuilder updateAchievement() {
        return update(Mix.UPDATE_ACHIEVEMENT, "/api/achievements/", writtenAchievements, createAchievement(),
                body -> body.path("organisationId").asText().equals("org-zju") ? "zju-tto" : "sjtu-tto");
    }

    private ChainBuilder updateDemand() {
        return update(Mix.UPDATE_DEMAND, "/api/demands/", writtenDemands, createDemand(), body -> ENTERPRISE);
    }

    /** Revises a listing this run created (its summary or problem text); with none yet, creates one. */
    private ChainBuilder update(String name, String path, Queue<Written> written, ChainBuilder otherwise,
            java.util.function.Function<ObjectNode, String> owner) {
        return exec(session -> {
            Written record = written.poll();
            if (record == null) {
                return session.remove("record");
            }
            ObjectNode body = record.body().deepCopy();
            String textField = body.has("summary") ? "summary" : "problem";
            body.put(textField, body.path(textField).asText() + " 更新" + serial.incrementAndGet() + "。");
            body.put("version", record.version());
            return session.set("record", record).set("account", owner.apply(body)).set("body", body.toString());
        }).doIfOrElse(session -> session.contains("record")).then(
                exec(http(name).put(session -> path + session.<Written>get("record").id())
                        .header("Authorization", session -> sessions.bearer(session.getString("account")))
                        .header("Content-Type", "application/json")
                        .body(StringBody(session -> session.getString("body")))
                        .check(status().is(200), jsonPath("$.version").ofLong().saveAs("newVersion")))
                        .exec(session -> {
                            Written record = session.get("record");
                            long version = session.contains("newVersion") ? session.getLong("newVersion") : record.version();
                            written.add(new Written(record.id(), version, record.body()));
                            return session;
                        }))
                .orElse(otherwise);
    }

    // --- broker decisions: the queue of proposals, then approve or reject one of them ---

    private ChainBuilder decide() {
        return exec(http(Mix.QUEUE).get("/api/matches")
                .queryParam("status", "PROPOSED")
                .queryParam("size", "20")
                .header("Authorization", session -> sessions.bearer(BROKER))
                .check(status().is(200), jsonPath("$.items[*].id").findAll().optional().saveAs("proposals")))
                .doIf(session -> session.contains("proposals")).then(
                        exec(session -> {
                            List<String> proposals = session.getList("proposals");
                            ThreadLocalRandom random = ThreadLocalRandom.current();
                            ObjectNode body = Fixtures.JSON.createObjectNode();
                            if (random.nextBoolean()) {
                                body.put("decision", "APPROVE");
                            } else {
                                body.put("decision", "REJECT")
                                        .put("reasonCode", REJECTION_REASONS[random.nextInt(REJECTION_REASONS.length)])
                                        .put("note", "经纪人复核：与需求方的期望不符");
                            }
                            return session.set("matchId", proposals.get(random.nextInt(proposals.size())))
                                    .set("body", body.toString());
                        }).exec(http(Mix.DECIDE).post(session -> "/api/matches/" + session.getString("matchId") + "/decision")
                                .header("Authorization", session -> sessions.bearer(BROKER))
                                .header("Content-Type", "application/json")
                                .body(StringBody(session -> session.getString("body")))
                                .check(status().is(200))));
    }

    private java.util.Map<String, String> organisationNames() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        try {
            for (var account : Fixtures.JSON.readTree(settings.accountsFile().toFile())) {
                names.put(account.path("organisationId").asText(), account.path("organisationName").asText());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + settings.accountsFile(), e);
        }
        return names;
    }
}
