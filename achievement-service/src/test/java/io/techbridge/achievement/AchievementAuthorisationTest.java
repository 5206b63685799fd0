package io.techbridge.achievement;

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

import static io.restassured.RestAssured.given;
import static io.techbridge.listing.testing.Refusals.assertProblem;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what with achievements: every endpoint × every kind of caller × a record of the
 * caller's own organisation or another's. Reads show the contact only to those who may see it,
 * drafts only to the owner organisation, brokers and admins; a refused write changes nothing and
 * publishes nothing.
 */
@QuarkusTest
@RealServers
class AchievementAuthorisationTest {

    /** Cases of {@link #matrix()}: 7 callers × (4 reads + taxonomy + create + 4 writes) = 70. */
    static final int MATRIX_CASES = 70;

    private static final String CONTACT_NAME = "陈老师";
    private static final String CONTACT_PHONE = "0571-87951234";
    private static final String CONTACT_EMAIL = "tto@example.edu.cn";

    @Inject
    AgroalDataSource dataSource;

    enum Endpoint { GET, LIST, FIELDS, CREATE, UPDATE, PUBLISH, WITHDRAW, TRANSFER }

    /**
     * One cell: the endpoint, the status of the record it is called on, the caller, the answer it
     * must get, and whether the answer may show the record's contact (for a listing: whether the
     * record is listed at all is {@code listed}).
     */
    record Case(Endpoint endpoint, String recordStatus, Caller caller, int status, boolean seesContact, boolean listed) {
        @Override
        public String toString() {
            return endpoint + (recordStatus == null ? "" : " " + recordStatus) + " by " + caller + " → " + status
                    + (seesContact ? " with contact" : "");
        }
    }

    static Stream<Case> matrix() {
        List<Case> cases = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            boolean privileged = caller.seesEverything();
            cases.add(new Case(Endpoint.GET, "PUBLISHED", caller, 200, privileged, true));
            cases.add(new Case(Endpoint.GET, "DRAFT", caller, privileged ? 200 : 404, privileged, privileged));
            cases.add(new Case(Endpoint.LIST, "PUBLISHED", caller, 200, privileged, true));
            cases.add(new Case(Endpoint.LIST, "DRAFT", caller, 200, privileged, privileged));
            cases.add(new Case(Endpoint.FIELDS, null, caller, 200, false, false));
            cases.add(new Case(Endpoint.CREATE, null, caller, switch (caller) {
                case ANONYMOUS -> 401;
                case UNIVERSITY_OWN -> 201;
                default -> 403;
            }, true, false));
            cases.add(write(Endpoint.UPDATE, "PUBLISHED", caller));
            cases.add(write(Endpoint.PUBLISH, "DRAFT", caller));
            cases.add(write(Endpoint.WITHDRAW, "PUBLISHED", caller));
            cases.add(write(Endpoint.TRANSFER, "PUBLISHED", caller));
        }
        assertEquals(MATRIX_CASES, cases.size());
        return cases.stream();
    }

    /** Only a university of the owning organisation may change it; a draft of another is not there at all. */
    private static Case write(Endpoint endpoint, String recordStatus, Caller caller) {
        int status = switch (caller) {
            case ANONYMOUS -> 401;
            case UNIVERSITY_OWN -> 200;
            case UNIVERSITY_OTHER -> recordStatus.equals("DRAFT") ? 404 : 403;
            default -> 403;
        };
        return new Case(endpoint, recordStatus, caller, status, true, false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void callerGetsExactlyWhatItsRoleAndOrganisationAllow(Case c) {
        String owner = Achievements.newOrganisation();
        String token = c.caller().token(owner);
        switch (c.endpoint()) {
            case FIELDS -> Achievements.as(token).when().get("/api/fields").then().statusCode(200)
                    .body("find { it.code == '04.03' }.nameZh", equalTo("高分子材料"));
            case CREATE -> create(c, owner, token);
            case GET -> {
                String id = achievement(owner, c.recordStatus());
                ValidatableResponse response = Achievements.as(token).when().get("/api/achievements/" + id).then()
                        .statusCode(c.status());
                if (c.status() == 200) {
                    response.body("id", equalTo(id)).body("status", equalTo(c.recordStatus()))
                            .body("title", notNullValue());
                    assertContact(response, c.seesContact());
                } else {
                    assertProblem(response, c.status());
                    assertContact(response, false);
                }
            }
            case LIST -> {
                String id = achievement(owner, c.recordStatus());
                ValidatableResponse response = Achievements.as(token).queryParam("organisationId", owner)
                        .when().get("/api/achievements").then().statusCode(200)
                        .body("items.id", equalTo(c.listed() ? List.of(id) : List.of()))
                        .body("totalItems", equalTo(c.listed() ? 1 : 0));
                assertContact(response, c.listed() && c.seesContact());
                if (c.listed()) {
                    response.body("items[0].contact", c.seesContact() ? notNullValue() : nullValue());
                }
            }
            default -> write(c, owner, token);
        }
    }

    private void create(Case c, String owner, String token) {
        Map<String, Object> body = Achievements.validBody(owner);
        ValidatableResponse response = Achievements.create(body, token).statusCode(c.status());
        if (c.status() == 201) {
            response.body("organisationId", equalTo(owner)).body("contact.email", equalTo(CONTACT_EMAIL));
        } else {
            assertProblem(response, c.status());
        }
        // Nothing is stored for a refused create: not even a broker finds it.
        Achievements.as(TestTokens.broker()).queryParam("organisationId", owner).when().get("/api/achievements")
                .then().statusCode(200).body("totalItems", equalTo(c.status() == 201 ? 1 : 0));
    }

    private void write(Case c, String owner, String token) {
        Map<String, Object> body = Achievements.validBody(owner);
        body.put("status", c.recordStatus());
        String id = Achievements.createdId(body);
        ValidatableResponse response = switch (c.endpoint()) {
            case UPDATE -> {
                body.put("version", 1);
                body.put("title", "未经授权的修改");
                yield Achievements.update(id, body, token);
            }
            case PUBLISH -> Achievements.changeStatus(id, "publish", 1, token);
            case WITHDRAW -> Achievements.changeStatus(id, "withdraw", 1, token);
            case TRANSFER -> Achievements.changeStatus(id, "transfer", 1, token);
            default -> throw new IllegalArgumentException(c.toString());
        };
        response.statusCode(c.status());
        if (c.status() == 200) {
            response.body("version", equalTo(2)).body("contact.email", equalTo(CONTACT_EMAIL));
            assertEquals(2, Refusals.eventsOf(dataSource, id));
            return;
        }
        assertProblem(response, c.status());
        assertContact(response, false);
        Achievements.readAsOwner(id).statusCode(200)
                .body("version", equalTo(1))
                .body("status", equalTo(c.recordStatus()))
                .body("title", equalTo(Achievements.validBody(owner).get("title")));
        assertEquals(1, Refusals.eventsOf(dataSource, id), "only AchievementCreated was recorded for " + id);
    }

    static Stream<Arguments> badTokens() {
        String organisation = "org-bad-token";
        Map<String, String> tokens = Refusals.badTokens("university", organisation, TestTokens.university(organisation));
        List<Arguments> cases = new ArrayList<>();
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            for (String endpoint : List.of("get", "list", "create", "update")) {
                cases.add(Arguments.of(token.getKey(), token.getValue(), endpoint));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} token on {2}")
    @MethodSource("badTokens")
    void tokenThatIsExpiredForeignOrForgedIsRefusedWith401(String kind, String token, String endpoint) {
        String owner = Achievements.newOrganisation();
        Map<String, Object> body = Achievements.validBody(owner);
        String id = Achievements.createdId(body);
        ValidatableResponse response = switch (endpoint) {
            case "get" -> Achievements.as(token).when().get("/api/achievements/" + id).then();
            case "list" -> Achievements.as(token).queryParam("organisationId", owner).when().get("/api/achievements").then();
            case "create" -> Achievements.create(Achievements.validBody(owner), token);
            case "update" -> {
                body.put("version", 1);
                body.put("title", "伪造令牌的修改");
                yield Achievements.update(id, body, token);
            }
            default -> throw new IllegalArgumentException(endpoint);
        };
        assertProblem(response, 401);
        assertContact(response, false);
        Achievements.readAsOwner(id).body("version", equalTo(1));
        Achievements.asOwner(owner).queryParam("organisationId", owner).when().get("/api/achievements").then()
                .body("totalItems", equalTo(1));
    }

    /** A write, with a body that breaks its rules, and the one role that may send it at all. */
    enum Write {
        CREATE("POST", "/api/achievements", "{}", "UNIVERSITY"),
        DUPLICATE_CHECK("POST", "/api/achievements/duplicate-check", "{}", "UNIVERSITY"),
        UPDATE("PUT", "/api/achievements/{id}", "{}", "UNIVERSITY"),
        PUBLISH("POST", "/api/achievements/{id}/publish", "{}", "UNIVERSITY"),
        WITHDRAW("POST", "/api/achievements/{id}/withdraw", "{}", "UNIVERSITY"),
        TRANSFER("POST", "/api/achievements/{id}/transfer", "{}", "UNIVERSITY"),
        CONFIRM("POST", "/api/achievements/{id}/confirm", "{\"version\": 0}", "UNIVERSITY"),
        MERGE("POST", "/api/achievements/{id}/merge", "{}", "BROKER"),
        IMPORT("POST", "/api/achievements/imports", "不是,登记表\n1,2\n", "UNIVERSITY");

        final String method;
        final String path;
        final String body;
        final String role;

        Write(String method, String path, String body, String role) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.role = role;
        }
    }

    static Stream<Arguments> writesWithBadBodies() {
        List<Arguments> cases = new ArrayList<>();
        for (Write write : Write.values()) {
            for (Caller caller : Caller.values()) {
                int status = caller == Caller.ANONYMOUS ? 401
                        : caller.name().startsWith(write.role) ? 400 : 403;
                cases.add(Arguments.of(write, caller, status));
            }
        }
        return cases.stream();
    }

    /**
     * A caller whose role may not make a change at all learns nothing from validation messages: it
     * is answered 401 or 403 before the body is read; only a role that may make it is told what is
     * wrong with the body (400). The record need not exist: the role is checked before it is looked up.
     */
    @ParameterizedTest(name = "{0} with a bad body by {1} → {2}")
    @MethodSource("writesWithBadBodies")
    void aCallerWhoseRoleMayNotWriteIsRefusedBeforeItsBodyIsValidated(Write write, Caller caller, int status) {
        String owner = Achievements.newOrganisation();
        String path = write.path.replace("{id}", java.util.UUID.randomUUID().toString());
        var request = Achievements.as(caller.token(owner))
                .contentType(write == Write.IMPORT ? "text/csv" : "application/json").body(write.body);
        ValidatableResponse response = (write.method.equals("PUT") ? request.when().put(path) : request.when().post(path))
                .then().statusCode(status).contentType("application/problem+json");
        if (status == 400) {
            response.body("type", endsWith("/validation"));
        } else {
            assertProblem(response, status);
            response.body("violations", nullValue());
        }
        Achievements.as(TestTokens.broker()).queryParam("organisationId", owner).when().get("/api/achievements")
                .then().statusCode(200).body("totalItems", equalTo(0));
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
    void createNamingAnotherOrganisationIsRefusedEvenForAUniversity() {
        String mine = Achievements.newOrganisation();
        String theirs = Achievements.newOrganisation();
        Achievements.create(Achievements.validBody(theirs), TestTokens.university(mine))
                .statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("/forbidden")).body("detail", org.hamcrest.Matchers.containsString("organisationId"));
        Achievements.as(TestTokens.broker()).queryParam("organisationId", theirs).when().get("/api/achievements")
                .then().body("totalItems", equalTo(0));
    }

    @Test
    void anonymousListingNeverShowsDraftsOrContacts() {
        String owner = Achievements.newOrganisation();
        achievement(owner, "DRAFT");
        achievement(owner, "PUBLISHED");
        given().queryParam("size", 100).when().get("/api/achievements").then().statusCode(200)
                .body("items.findAll { it.status == 'DRAFT' }", hasSize(0))
                .body("items.findAll { it.contact != null }", hasSize(0))
                .body(not(org.hamcrest.Matchers.containsString(CONTACT_EMAIL)));
    }

    private static String achievement(String owner, String status) {
        Map<String, Object> body = Achievements.validBody(owner);
        body.put("status", status);
        return Achievements.createdId(body);
    }

    /** The contact is either there whole or nowhere in the answer, not even in part. */
    private static void assertContact(ValidatableResponse response, boolean visible) {
        String text = response.extract().asString();
        if (visible) {
            assertTrue(text.contains(CONTACT_EMAIL) && text.contains(CONTACT_PHONE) && text.contains(CONTACT_NAME), text);
        } else {
            assertFalse(text.contains(CONTACT_EMAIL) || text.contains(CONTACT_PHONE) || text.contains(CONTACT_NAME)
                    || text.contains("\"contact\""), text);
        }
    }
}
