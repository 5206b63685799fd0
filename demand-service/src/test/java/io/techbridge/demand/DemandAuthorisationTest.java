package io.techbridge.demand;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.listing.testing.Caller;
import io.techbridge.listing.testing.Refusals;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.techbridge.listing.testing.Refusals.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what with demands: every endpoint × every kind of caller × a demand of the caller's
 * own organisation or another's (public or confidential; posted by the enterprise or by an admin).
 * Reads show the contact, and a confidential demand's text, only to those who may see them; a
 * refused write changes nothing and publishes nothing.
 */
@QuarkusTest
@RealServers
class DemandAuthorisationTest {

    /** Cases of {@link #matrix()}: 7 callers × (6 reads + create + 4 writes × 2 posters) = 105. */
    static final int MATRIX_CASES = 105;

    /** Texts of {@link Demands#validBody} that only those who may see them may get. */
    static final List<String> CONTACT_TEXTS = List.of("沈建国", "13857261843", "shenjg@hengyu-al.com");
    static final List<String> CONFIDENTIAL_TEXTS = List.of("浙江恒宇铝型材有限公司", "建筑及工业铝型材表面瑕疵在线自动识别与分级",
            "型材出厂前要对表面100%检查", "可识别不少于8类瑕疵", "自动检测");
    static final String GENERIC_TITLE = "保密需求（高性能智能化仪器仪表）";

    @Inject
    AgroalDataSource dataSource;

    enum Endpoint { GET, LIST_BY_ORGANISATION, LIST_ALL, CREATE, UPDATE, NEGOTIATION, SOLVE, CLOSE }

    /** What a read shows of the demand. */
    enum Shape { FULL, WITHOUT_CONTACT, SUMMARY, ABSENT }

    /**
     * One cell: the endpoint, the kind of demand it is called on (PUBLIC / BROKERS_ONLY for reads,
     * ENTERPRISE_POSTED / ADMIN_POSTED for writes), the caller, the answer it must get and, for a
     * read, what it shows.
     */
    record Case(Endpoint endpoint, String record, Caller caller, int status, Shape shape) {
        @Override
        public String toString() {
            return endpoint + (record == null ? "" : " " + record) + " by " + caller + " → " + status
                    + (shape == null ? "" : " " + shape);
        }
    }

    static Stream<Case> matrix() {
        List<Case> cases = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            boolean privileged = caller.seesEverything();
            Shape ofPublic = privileged ? Shape.FULL : Shape.WITHOUT_CONTACT;
            Shape ofConfidential = privileged ? Shape.FULL : Shape.SUMMARY;
            cases.add(new Case(Endpoint.GET, "PUBLIC", caller, 200, ofPublic));
            cases.add(new Case(Endpoint.GET, "BROKERS_ONLY", caller, 200, ofConfidential));
            cases.add(new Case(Endpoint.LIST_BY_ORGANISATION, "PUBLIC", caller, 200, ofPublic));
            // Searching by organisation must not tell whose a confidential demand is.
            cases.add(new Case(Endpoint.LIST_BY_ORGANISATION, "BROKERS_ONLY", caller, 200,
                    privileged ? Shape.FULL : Shape.ABSENT));
            cases.add(new Case(Endpoint.LIST_ALL, "PUBLIC", caller, 200, ofPublic));
            cases.add(new Case(Endpoint.LIST_ALL, "BROKERS_ONLY", caller, 200, ofConfidential));
            cases.add(new Case(Endpoint.CREATE, null, caller, switch (caller) {
                case ANONYMOUS -> 401;
                case ENTERPRISE_OWN, ADMIN -> 201;
                default -> 403;
            }, null));
            for (Endpoint write : List.of(Endpoint.UPDATE, Endpoint.NEGOTIATION, Endpoint.SOLVE, Endpoint.CLOSE)) {
                for (String poster : List.of("ENTERPRISE_POSTED", "ADMIN_POSTED")) {
                    cases.add(new Case(write, poster, caller, switch (caller) {
                        case ANONYMOUS -> 401;
                        case ENTERPRISE_OWN -> 200;
                        case ADMIN -> poster.equals("ADMIN_POSTED") ? 200 : 403;
                        default -> 403;
                    }, null));
                }
            }
        }
        assertEquals(MATRIX_CASES, cases.size());
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void callerGetsExactlyWhatItsRoleAndOrganisationAllow(Case c) {
        String owner = Demands.newOrganisation();
        String token = c.caller().token(owner);
        switch (c.endpoint()) {
            case GET -> {
                String id = demand(owner, c.record());
                ValidatableResponse response = Demands.get(id, token).statusCode(200);
                assertShape(response.extract().jsonPath().getMap("$"), response.extract().asString(), id, owner, c.shape());
            }
            case LIST_BY_ORGANISATION -> {
                String id = demand(owner, c.record());
                ValidatableResponse response = Demands.as(token).queryParam("organisationId", owner)
                        .when().get("/api/demands").then().statusCode(200)
                        .body("totalItems", equalTo(c.shape() == Shape.ABSENT ? 0 : 1));
                assertShape(item(response, id), response.extract().asString(), id, owner, c.shape());
            }
            case LIST_ALL -> {
                String id = demand(owner, c.record());
                ValidatableResponse response = Demands.as(token).queryParam("confidentiality", c.record())
                        .queryParam("size", 20).when().get("/api/demands").then().statusCode(200);
                // Other demands on the page share the texts: the whole page is checked only for those who see none.
                String text = c.caller().seesEverything() ? "" : response.extract().asString();
                assertShape(item(response, id), text, id, owner, c.shape());
            }
            case CREATE -> create(c, owner, token);
            default -> write(c, owner, token);
        }
    }

    private void create(Case c, String owner, String token) {
        Map<String, Object> body = Demands.withChallenge(Demands.validBody(owner));
        ValidatableResponse response = Demands.create(body, token).statusCode(c.status());
        if (c.status() == 201) {
            response.body("organisationId", equalTo(owner)).body("contact.email", equalTo(CONTACT_TEXTS.get(2)));
        } else {
            assertProblem(response, c.status());
        }
        Demands.as(TestTokens.broker()).queryParam("organisationId", owner).when().get("/api/demands")
                .then().statusCode(200).body("totalItems", equalTo(c.status() == 201 ? 1 : 0));
    }

    private void write(Case c, String owner, String token) {
        Map<String, Object> body = Demands.withChallenge(Demands.validBody(owner));
        String id = Demands.create(body, c.record().equals("ADMIN_POSTED") ? TestTokens.admin() : TestTokens.enterprise(owner))
                .statusCode(201).extract().path("id");
        ValidatableResponse response = switch (c.endpoint()) {
            case UPDATE -> {
                body.put("version", 1);
                body.put("title", "未经授权的修改");
                yield Demands.update(id, body, token);
            }
            case NEGOTIATION -> Demands.changeStatus(id, "negotiation", 1, token);
            case SOLVE -> Demands.changeStatus(id, "solve", 1, token);
            case CLOSE -> Demands.changeStatus(id, "close", 1, token);
            default -> throw new IllegalArgumentException(c.toString());
        };
        response.statusCode(c.status());
        if (c.status() == 200) {
            response.body("version", equalTo(2)).body("organisationId", equalTo(owner))
                    .body("contact.email", equalTo(CONTACT_TEXTS.get(2)));
            assertEquals(2, Refusals.eventsOf(dataSource, id));
            return;
        }
        assertProblem(response, c.status());
        String text = response.extract().asString();
        CONTACT_TEXTS.forEach(t -> assertFalse(text.contains(t), text));
        Demands.get(id).statusCode(200).body("version", equalTo(1)).body("status", equalTo("OPEN"))
                .body("title", equalTo(Demands.validBody(owner).get("title")));
        assertEquals(1, Refusals.eventsOf(dataSource, id), "only DemandCreated was recorded for " + id);
    }

    /** A write, with a body that breaks its rules, and the roles that may send it at all. */
    enum Write {
        CREATE("POST", "/api/demands", "{}", "ENTERPRISE", "ADMIN"),
        DUPLICATE_CHECK("POST", "/api/demands/duplicate-check", "{}", "ENTERPRISE", "ADMIN"),
        UPDATE("PUT", "/api/demands/{id}", "{}", "ENTERPRISE", "ADMIN"),
        NEGOTIATION("POST", "/api/demands/{id}/negotiation", "{}", "ENTERPRISE", "ADMIN"),
        SOLVE("POST", "/api/demands/{id}/solve", "{}", "ENTERPRISE", "ADMIN"),
        CLOSE("POST", "/api/demands/{id}/close", "{}", "ENTERPRISE", "ADMIN"),
        CONFIRM("POST", "/api/demands/{id}/confirm", "{\"version\": 0}", "ENTERPRISE", "ADMIN"),
        RENEWAL("POST", "/api/demands/{id}/renewal", "{}", "ENTERPRISE", "ADMIN"),
        MERGE("POST", "/api/demands/{id}/merge", "{}", "BROKER"),
        IMPORT("POST", "/api/demands/imports", "不是,登记表\n1,2\n", "ENTERPRISE", "ADMIN"),
        APPLY("POST", "/api/demands/{id}/applications", "{}", "UNIVERSITY"),
        EDIT_APPLICATION("PUT", "/api/demands/{id}/applications/{app}", "{}", "UNIVERSITY"),
        WITHDRAW_APPLICATION("POST", "/api/demands/{id}/applications/{app}/withdraw", "{}", "UNIVERSITY"),
        SCORE("POST", "/api/demands/{id}/applications/{app}/scores", "{}", "ENTERPRISE", "BROKER", "ADMIN"),
        SHORTLIST("POST", "/api/demands/{id}/applications/{app}/shortlist", "{}", "ENTERPRISE", "BROKER", "ADMIN"),
        AWARD("POST", "/api/demands/{id}/award", "{}", "ENTERPRISE", "BROKER", "ADMIN");

        final String method;
        final String path;
        final String body;
        final List<String> roles;

        Write(String method, String path, String body, String... roles) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.roles = List.of(roles);
        }

        boolean allows(Caller caller) {
            return roles.stream().anyMatch(caller.name()::startsWith);
        }
    }

    static Stream<Arguments> writesWithBadBodies() {
        List<Arguments> cases = new ArrayList<>();
        for (Write write : Write.values()) {
            for (Caller caller : Caller.values()) {
                cases.add(Arguments.of(write, caller, caller == Caller.ANONYMOUS ? 401 : write.allows(caller) ? 400 : 403));
            }
        }
        return cases.stream();
    }

    /**
     * A caller whose role may not make a change at all learns nothing from validation messages: it
     * is answered 401 or 403 before the body is read; only a role that may make it is told what is
     * wrong with the body (400). The records need not exist: the role is checked before they are looked up.
     */
    @ParameterizedTest(name = "{0} with a bad body by {1} → {2}")
    @MethodSource("writesWithBadBodies")
    void aCallerWhoseRoleMayNotWriteIsRefusedBeforeItsBodyIsValidated(Write write, Caller caller, int status) {
        String owner = Demands.newOrganisation();
        String path = write.path.replace("{id}", java.util.UUID.randomUUID().toString())
                .replace("{app}", java.util.UUID.randomUUID().toString());
        var request = Demands.as(caller.token(owner))
                .contentType(write == Write.IMPORT ? "text/csv" : "application/json").body(write.body);
        ValidatableResponse response = (write.method.equals("PUT") ? request.when().put(path) : request.when().post(path))
                .then().statusCode(status).contentType("application/problem+json");
        if (status == 400) {
            response.body("type", endsWith("/validation"));
        } else {
            assertProblem(response, status);
            response.body("violations", org.hamcrest.Matchers.nullValue());
        }
        assertEquals(0, Demands.countOf(owner));
    }

    @Test
    void matrixCoversEveryCallerOnEveryEndpoint() {
        List<Case> cases = matrix().toList();
        for (Endpoint endpoint : Endpoint.values()) {
            for (Caller caller : Caller.values()) {
                assertTrue(cases.stream().anyMatch(c -> c.endpoint() == endpoint && c.caller() == caller),
                        endpoint + " × " + caller);
            }
        }
    }

    @Test
    void enterpriseCannotPostForAnotherOrganisation() {
        String mine = Demands.newOrganisation();
        String theirs = Demands.newOrganisation();
        Demands.create(Demands.validBody(theirs), TestTokens.enterprise(mine)).statusCode(403)
                .contentType("application/problem+json").body("type", endsWith("/forbidden"))
                .body("detail", containsString("organisationId"));
        Demands.as(TestTokens.broker()).queryParam("organisationId", theirs).when().get("/api/demands")
                .then().body("totalItems", equalTo(0));
    }

    @Test
    void adminPostsOnlyAGovernmentSetChallengeNamingItsOrganisation() {
        String owner = Demands.newOrganisation();
        Map<String, Object> unnamed = Demands.withChallenge(Demands.validBody(owner));
        unnamed.remove("organisationId");
        Demands.create(unnamed, TestTokens.admin()).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("organisationId")).body("violations[0].rule", equalTo("NotBlank"));
        Demands.create(Demands.validBody(owner), TestTokens.admin()).statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("challenge"));
        Demands.as(TestTokens.broker()).queryParam("organisationId", owner).when().get("/api/demands")
                .then().body("totalItems", equalTo(0));

        Map<String, Object> body = Demands.withChallenge(Demands.validBody(owner));
        String id = Demands.create(body, TestTokens.admin()).statusCode(201)
                .body("organisationId", equalTo(owner)).body("challenge.bountyCny", equalTo(2000000))
                .extract().path("id");
        // It stays a challenge while the admin manages it.
        body.put("version", 1);
        body.put("challenge", null);
        Demands.update(id, body, TestTokens.admin()).statusCode(403).contentType("application/problem+json");
        Demands.get(id).body("version", equalTo(1)).body("challenge.bountyCny", equalTo(2000000));
        // An admin of another operator organisation did not post it.
        Demands.changeStatus(id, "close", 1, TestTokens.token("admin", "org-other-operator", "OPERATOR")).statusCode(403);
        Demands.changeStatus(id, "close", 1, TestTokens.admin()).statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void confidentialDemandIsListedAnonymisedButNotFoundByItsTitleOrOwner() {
        String owner = Demands.newOrganisation();
        Map<String, Object> body = Demands.validBody(owner);
        body.put("confidentiality", "BROKERS_ONLY");
        body.put("title", "Secret " + owner + " furnace retrofit");
        String id = Demands.createdId(body);

        for (String token : new String[] {null, TestTokens.university(Demands.newOrganisation()),
                TestTokens.enterprise(Demands.newOrganisation())}) {
            Demands.as(token).queryParam("q", owner).when().get("/api/demands").then().statusCode(200)
                    .body("totalItems", equalTo(0));
            Demands.as(token).queryParam("organisationId", owner).when().get("/api/demands").then().statusCode(200)
                    .body("totalItems", equalTo(0));
            Demands.as(token).queryParam("confidentiality", "BROKERS_ONLY").queryParam("size", 20)
                    .when().get("/api/demands").then().statusCode(200)
                    .body("items.id", hasItem(id))
                    .body("items.title", everyItem(org.hamcrest.Matchers.startsWith("保密需求（")))
                    .body(not(containsString(owner)));
        }
        for (String token : new String[] {TestTokens.enterprise(owner), TestTokens.broker(), TestTokens.admin()}) {
            Demands.as(token).queryParam("q", owner).when().get("/api/demands").then().statusCode(200)
                    .body("items.id", equalTo(List.of(id))).body("items[0].title", equalTo(body.get("title")));
        }
    }

    static Stream<Arguments> badTokens() {
        String organisation = "org-bad-token";
        Map<String, String> tokens = Refusals.badTokens("enterprise", organisation, TestTokens.enterprise(organisation));
        List<Arguments> cases = new ArrayList<>();
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            for (String endpoint : List.of("get", "list", "create", "close")) {
                cases.add(Arguments.of(token.getKey(), token.getValue(), endpoint));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} token on {2}")
    @MethodSource("badTokens")
    void tokenThatIsExpiredForeignOrForgedIsRefusedWith401(String kind, String token, String endpoint) {
        String owner = Demands.newOrganisation();
        Map<String, Object> body = Demands.validBody(owner);
        body.put("confidentiality", "BROKERS_ONLY");
        String id = Demands.createdId(body);
        ValidatableResponse response = switch (endpoint) {
            case "get" -> Demands.get(id, token);
            case "list" -> Demands.as(token).queryParam("confidentiality", "BROKERS_ONLY").when().get("/api/demands").then();
            case "create" -> Demands.create(Demands.validBody(owner), token);
            case "close" -> Demands.changeStatus(id, "close", 1, token);
            default -> throw new IllegalArgumentException(endpoint);
        };
        assertProblem(response, 401);
        String text = response.extract().asString();
        CONTACT_TEXTS.forEach(t -> assertFalse(text.contains(t), text));
        Demands.get(id).body("version", equalTo(1)).body("status", equalTo("OPEN"));
        assertEquals(1, Demands.countOf(owner));
    }

    /** A demand of the organisation, PUBLIC or BROKERS_ONLY. */
    private static String demand(String owner, String confidentiality) {
        Map<String, Object> body = Demands.validBody(owner);
        body.put("confidentiality", confidentiality);
        return Demands.createdId(body);
    }

    private static Map<String, Object> item(ValidatableResponse response, String id) {
        List<Map<String, Object>> items = response.extract().jsonPath().getList("items");
        return items.stream().filter(i -> id.equals(i.get("id"))).findFirst().orElse(null);
    }

    /**
     * The demand as shown ({@code shown}, null when absent) has exactly the members its shape allows;
     * {@code text}, the whole answer, must not contain what the shape hides.
     */
    @SuppressWarnings("unchecked")
    private static void assertShape(Map<String, Object> shown, String text, String id, String owner, Shape shape) {
        if (shape == Shape.ABSENT) {
            assertNull(shown, "listed although it must not be: " + shown);
            assertFalse(text.contains(id) || text.contains(owner), text);
            CONTACT_TEXTS.forEach(t -> assertFalse(text.contains(t), text));
            return;
        }
        assertNotNull(shown, "demand " + id + " is missing");
        assertEquals(id, shown.get("id"));
        assertEquals("08.03", shown.get("fieldCode"));
        assertEquals("330500", shown.get("regionCode"));
        assertEquals(6, shown.get("minTrl"));
        assertEquals(List.of("LICENSE", "TECHNICAL_SERVICE"), shown.get("cooperationModes"));
        assertEquals(500000, ((Map<String, Object>) shown.get("budget")).get("minCny"));
        assertEquals("OPEN", shown.get("status"));
        assertNotNull(shown.get("validUntil"));
        switch (shape) {
            case FULL -> {
                assertEquals(owner, shown.get("organisationId"));
                assertEquals(CONTACT_TEXTS.get(2), ((Map<String, Object>) shown.get("contact")).get("email"));
                assertNotNull(shown.get("problem"));
            }
            case WITHOUT_CONTACT -> {
                assertEquals(owner, shown.get("organisationId"));
                assertNotNull(shown.get("problem"));
                assertFalse(shown.containsKey("contact"), shown.toString());
                CONTACT_TEXTS.forEach(t -> assertFalse(text.contains(t), text));
            }
            case SUMMARY -> {
                assertEquals(GENERIC_TITLE, shown.get("title"));
                assertEquals("BROKERS_ONLY", shown.get("confidentiality"));
                assertEquals(false, shown.get("hasChallenge"));
                for (String hidden : List.of("problem", "indicators", "keywords", "enterprise", "organisationId",
                        "contact", "challenge")) {
                    assertFalse(shown.containsKey(hidden), hidden + " shown in " + shown);
                }
                for (String hidden : CONFIDENTIAL_TEXTS) {
                    assertFalse(text.contains(hidden), hidden + " in " + text);
                }
                CONTACT_TEXTS.forEach(t -> assertFalse(text.contains(t), text));
                assertFalse(text.contains(owner), text);
            }
            default -> throw new IllegalArgumentException(shape.name());
        }
    }
}
