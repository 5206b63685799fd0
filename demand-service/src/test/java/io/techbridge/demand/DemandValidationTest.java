package io.techbridge.demand;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasEntry;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every rule of every member is refused with a 400 problem that names the field (a JSON path)
 * and the rule, and nothing is stored.
 */
@QuarkusTest
@RealServers
class DemandValidationTest {

    private static final long TOO_MUCH_CNY = 1_000_000_000_001L;

    /** One broken rule: how to break a valid body, and the field and rule the answer must name. */
    record Case(String name, Consumer<Map<String, Object>> breakIt, String field, String rule) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> invalidCreates() {
        return Stream.of(
                // organisationId
                new Case("organisationId blank", set("organisationId", " "), "organisationId", "Pattern"),
                new Case("organisationId too long", set("organisationId", "o".repeat(65)), "organisationId", "Size"),
                new Case("organisationId with spaces", set("organisationId", "org id!"), "organisationId", "Pattern"),
                // enterprise, title, problem, indicators
                new Case("enterprise missing", remove("enterprise"), "enterprise", "NotBlank"),
                new Case("enterprise blank", set("enterprise", ""), "enterprise", "NotBlank"),
                new Case("enterprise too long", set("enterprise", "企".repeat(201)), "enterprise", "Size"),
                new Case("title blank", set("title", "   "), "title", "NotBlank"),
                new Case("title too long", set("title", "题".repeat(201)), "title", "Size"),
                new Case("problem missing", remove("problem"), "problem", "NotBlank"),
                new Case("problem too long", set("problem", "难".repeat(4001)), "problem", "Size"),
                new Case("indicators too long", set("indicators", "标".repeat(2001)), "indicators", "Size"),
                // fieldCode
                new Case("fieldCode missing", remove("fieldCode"), "fieldCode", "NotNull"),
                new Case("fieldCode unknown", set("fieldCode", "99"), "fieldCode", "FieldCode"),
                new Case("fieldCode unknown sub-field", set("fieldCode", "04.99"), "fieldCode", "FieldCode"),
                // keywords
                new Case("keywords missing", remove("keywords"), "keywords", "NotNull"),
                new Case("keywords empty", set("keywords", List.of()), "keywords", "Size"),
                new Case("eleven keywords", set("keywords", numbered("词", 11)), "keywords", "Size"),
                new Case("keyword repeated", set("keywords", List.of("铝型材", "铝型材")), "keywords", "UniqueElements"),
                new Case("keyword blank", set("keywords", List.of("铝型材", " ")), "keywords[1]", "NotBlank"),
                new Case("keyword too long", set("keywords", List.of("词".repeat(41))), "keywords[0]", "Size"),
                new Case("keywords not a list", set("keywords", "铝型材"), "keywords", "type"),
                // budget
                new Case("budget missing", remove("budget"), "budget", "NotNull"),
                new Case("budget minimum above maximum", set("budget", money(2_000_000L, 1_000_000L, false)),
                        "budget.maxCny", "Consistent"),
                new Case("budget without amount nor negotiable", set("budget", money(null, null, false)),
                        "budget.minCny", "Consistent"),
                new Case("budget negative", set("budget", money(-1L, 1_000_000L, false)), "budget.minCny", "PositiveOrZero"),
                new Case("budget beyond a trillion", set("budget", money(0L, TOO_MUCH_CNY, false)), "budget.maxCny", "Max"),
                new Case("budget not an object", set("budget", 500000), "budget", "type"),
                // validUntil
                new Case("validUntil missing", remove("validUntil"), "validUntil", "NotNull"),
                new Case("validUntil today", set("validUntil", Demands.inDays(0)), "validUntil", "Future"),
                new Case("validUntil past", set("validUntil", Demands.inDays(-30)), "validUntil", "Future"),
                new Case("validUntil not a date", set("validUntil", "2026-13-45"), "validUntil", "type"),
                // a date the parser takes but the database cannot hold: it was a 500
                new Case("validUntil beyond the year 9999", set("validUntil", "+999999999-12-31"), "validUntil", "type"),
                new Case("validUntil of a five-digit year", set("validUntil", "+10000-01-01"), "validUntil", "type"),
                // regionCode
                new Case("regionCode missing", remove("regionCode"), "regionCode", "NotNull"),
                new Case("regionCode of no province", set("regionCode", "990100"), "regionCode", "RegionCode"),
                new Case("regionCode too short", set("regionCode", "3305"), "regionCode", "RegionCode"),
                // cooperationModes
                new Case("cooperationModes missing", remove("cooperationModes"), "cooperationModes", "NotNull"),
                new Case("cooperationModes empty", set("cooperationModes", List.of()), "cooperationModes", "Size"),
                new Case("six cooperationModes", set("cooperationModes", List.of("ASSIGNMENT", "LICENSE", "EQUITY",
                        "JOINT_DEVELOPMENT", "TECHNICAL_SERVICE", "LICENSE")), "cooperationModes", "Size"),
                new Case("cooperationMode repeated", set("cooperationModes", List.of("LICENSE", "LICENSE")),
                        "cooperationModes", "UniqueElements"),
                new Case("cooperationMode null", set("cooperationModes", Arrays.asList("LICENSE", null)),
                        "cooperationModes[1]", "NotNull"),
                new Case("cooperationMode unknown", set("cooperationModes", List.of("BARTER")), "cooperationModes[0]", "type"),
                // minTrl
                new Case("minTrl zero", set("minTrl", 0), "minTrl", "Min"),
                new Case("minTrl ten", set("minTrl", 10), "minTrl", "Max"),
                new Case("minTrl not a number", set("minTrl", "abc"), "minTrl", "type"),
                // confidentiality
                new Case("confidentiality unknown", set("confidentiality", "SECRET"), "confidentiality", "type"),
                // challenge
                new Case("challenge goal missing", challenge(c -> c.remove("goal")), "challenge.goal", "NotBlank"),
                new Case("challenge goal too long", challenge(c -> c.put("goal", "目".repeat(2001))), "challenge.goal", "Size"),
                new Case("challenge indicators too long", challenge(c -> c.put("indicators", "标".repeat(2001))),
                        "challenge.indicators", "Size"),
                new Case("challenge bounty missing", challenge(c -> c.remove("bountyCny")), "challenge.bountyCny", "NotNull"),
                new Case("challenge bounty negative", challenge(c -> c.put("bountyCny", -1)), "challenge.bountyCny", "Min"),
                new Case("challenge bounty beyond a trillion", challenge(c -> c.put("bountyCny", TOO_MUCH_CNY)),
                        "challenge.bountyCny", "Max"),
                new Case("challenge application deadline missing", challenge(c -> c.remove("applicationDeadline")),
                        "challenge.applicationDeadline", "NotNull"),
                new Case("challenge application deadline today", challenge(c -> c.put("applicationDeadline", Demands.inDays(0))),
                        "challenge.applicationDeadline", "Future"),
                new Case("challenge application deadline not a date", challenge(c -> c.put("applicationDeadline", "soon")),
                        "challenge.applicationDeadline", "type"),
                new Case("challenge judging deadline beyond the year 9999",
                        challenge(c -> c.put("judgingDeadline", "+999999999-12-31")), "challenge.judgingDeadline", "type"),
                new Case("challenge judging deadline missing", challenge(c -> c.remove("judgingDeadline")),
                        "challenge.judgingDeadline", "NotNull"),
                new Case("challenge judged before applications close", challenge(c -> c.put("judgingDeadline", Demands.inDays(44))),
                        "challenge.judgingDeadline", "DeadlinesInOrder"),
                new Case("challenge judged after the demand expires", challenge(c -> c.put("judgingDeadline", Demands.inDays(181))),
                        "challenge.judgingDeadline", "JudgingWithinValidity"),
                new Case("challenge with unknown member", challenge(c -> c.put("prize", "一等奖")), "challenge.prize", "known-field"),
                // contact
                new Case("contact missing", remove("contact"), "contact", "NotNull"),
                new Case("contact name blank", contact(c -> c.put("name", " ")), "contact.name", "NotBlank"),
                new Case("contact name too long", contact(c -> c.put("name", "名".repeat(51))), "contact.name", "Size"),
                new Case("contact phone malformed", contact(c -> c.put("phone", "12345")), "contact.phone", "Pattern"),
                new Case("contact email malformed", contact(c -> c.put("email", "not-an-email")), "contact.email", "Email"),
                new Case("contact email too long", contact(c -> c.put("email", "a".repeat(60) + "@"
                        + ("b".repeat(60) + ".").repeat(4) + "cn")), "contact.email", "Size"),
                new Case("contact unreachable", contact(c -> {
                    c.remove("phone");
                    c.remove("email");
                }), "contact.phone", "Reachable"),
                // the body as a whole
                new Case("unknown member", set("colour", "red"), "colour", "known-field"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCreates")
    void invalidCreateIsRefusedNamingFieldAndRuleAndStoresNothing(Case invalid) {
        String organisation = Demands.newOrganisation();
        Map<String, Object> body = Demands.withChallenge(Demands.validBody(organisation));
        long before = totalDemands();
        invalid.breakIt().accept(body);

        assertViolation(Demands.create(body), invalid.field(), invalid.rule());
        assertEquals(0, Demands.countOf(organisation));
        assertEquals(before, totalDemands());
    }

    @Test
    void malformedJsonIsRefusedAsSuch() {
        String organisation = Demands.newOrganisation();
        Demands.asOwner(organisation).contentType(ContentType.JSON)
                .body("{\"organisationId\": \"" + organisation + "\", \"title\": ")
                .when().post("/api/demands").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/malformed-json"));
        assertEquals(0, Demands.countOf(organisation));
    }

    @Test
    void missingBodyIsRefused() {
        long before = totalDemands();
        assertViolation(Demands.asOwner(Demands.newOrganisation()).contentType(ContentType.JSON).when()
                .post("/api/demands").then(), "body", "NotNull");
        assertEquals(before, totalDemands());
    }

    static Stream<Case> invalidUpdates() {
        return Stream.of(
                new Case("version missing", remove("version"), "version", "NotNull"),
                new Case("version zero", set("version", 0), "version", "Min"),
                new Case("version not a number", set("version", "one"), "version", "type"),
                new Case("title blank", set("title", ""), "title", "NotBlank"),
                new Case("validUntil moved into the past", body -> {
                    body.put("challenge", null);
                    body.put("validUntil", Demands.inDays(-1));
                }, "validUntil", "Future"),
                new Case("challenge application deadline moved to today",
                        challenge(c -> c.put("applicationDeadline", Demands.inDays(0))), "challenge.applicationDeadline", "Future"),
                new Case("validUntil moved before judging", set("validUntil", Demands.inDays(60)),
                        "challenge.judgingDeadline", "JudgingWithinValidity"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidUpdates")
    void invalidUpdateIsRefusedNamingFieldAndRuleAndChangesNothing(Case invalid) {
        Map<String, Object> body = Demands.withChallenge(Demands.validBody(Demands.newOrganisation()));
        String id = Demands.createdId(body);
        body.put("version", 1);
        invalid.breakIt().accept(body);

        assertViolation(Demands.update(id, body), invalid.field(), invalid.rule());
        Demands.get(id).statusCode(200).body("version", equalTo(1));
    }

    static Stream<Case> invalidStatusChanges() {
        return Stream.of(
                new Case("version missing", remove("version"), "version", "NotNull"),
                new Case("version zero", set("version", 0), "version", "Min"),
                new Case("reason too long", set("reason", "因".repeat(501)), "reason", "Size"),
                new Case("unknown member", set("status", "SOLVED"), "status", "known-field"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidStatusChanges")
    void invalidStatusChangeIsRefusedNamingFieldAndRule(Case invalid) {
        String id = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        Map<String, Object> body = new HashMap<>(Map.of("version", 1, "reason", "已与浙江大学签约"));
        invalid.breakIt().accept(body);

        assertViolation(Demands.as(Demands.ownerToken(id)).contentType(ContentType.JSON).body(body)
                        .when().post("/api/demands/" + id + "/solve").then(),
                invalid.field(), invalid.rule());
        Demands.get(id).body("status", equalTo("OPEN")).body("version", equalTo(1));
    }

    static Stream<List<String>> invalidQueries() {
        return Stream.of(
                List.of("page", "-1", "Min"),
                List.of("page", "first", "type"),
                List.of("size", "1000", "Range"),
                List.of("size", "0", "Range"),
                List.of("size", "ten", "type"),
                List.of("field", "99", "FieldCode"),
                List.of("status", "FOO", "OneOf"),
                List.of("region", "3301", "RegionCode"),
                List.of("confidentiality", "SECRET", "OneOf"),
                List.of("organisationId", "o".repeat(65), "Size"),
                List.of("q", "q".repeat(201), "Size"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("invalidQueries")
    void invalidQueryParameterIsRefusedNamingIt(List<String> query) {
        ValidatableResponse response = given().queryParam(query.get(0), query.get(1)).when().get("/api/demands").then();
        assertViolation(response, query.get(0), query.get(2));
        response.body("violations", hasItem(hasEntry("in", "query")));
    }

    private static void assertViolation(ValidatableResponse response, String field, String rule) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/validation"))
                .body("violations", hasItem(allOf(hasEntry("field", field), hasEntry("rule", rule))));
    }

    private static long totalDemands() {
        return ((Number) given().when().get("/api/demands").then().statusCode(200)
                .extract().path("totalItems")).longValue();
    }

    private static Consumer<Map<String, Object>> set(String member, Object value) {
        return body -> body.put(member, value);
    }

    private static Consumer<Map<String, Object>> remove(String member) {
        return body -> body.remove(member);
    }

    @SuppressWarnings("unchecked")
    private static Consumer<Map<String, Object>> challenge(Consumer<Map<String, Object>> change) {
        return body -> change.accept((Map<String, Object>) body.get("challenge"));
    }

    @SuppressWarnings("unchecked")
    private static Consumer<Map<String, Object>> contact(Consumer<Map<String, Object>> change) {
        return body -> change.accept((Map<String, Object>) body.get("contact"));
    }

    private static Map<String, Object> money(Long min, Long max, boolean negotiable) {
        Map<String, Object> money = new HashMap<>();
        money.put("minCny", min);
        money.put("maxCny", max);
        money.put("negotiable", negotiable);
        return money;
    }

    private static List<String> numbered(String word, int count) {
        List<String> words = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            words.add(word + i);
        }
        return words;
    }
}
