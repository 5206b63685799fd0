package io.techbridge.achievement;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.containsString;

/** Every rule of every field of an achievement, each refused with a problem naming the field and the rule. */
@QuarkusTest
@RealServers
class AchievementValidationTest {

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                broken("organisationId", "Size", b -> b.put("organisationId", "o".repeat(65))),
                broken("organisationId", "Pattern", b -> b.put("organisationId", "大学 org")),
                broken("status", "AllowedOnCreate", b -> b.put("status", "WITHDRAWN")),
                broken("status", "type", b -> b.put("status", "ARCHIVED")),
                broken("institution", "NotBlank", b -> b.put("institution", " ")),
                broken("institution", "Size", b -> b.put("institution", "院".repeat(201))),
                broken("title", "NotBlank", b -> b.remove("title")),
                broken("title", "Size", b -> b.put("title", "题".repeat(201))),
                broken("summary", "NotBlank", b -> b.put("summary", "")),
                broken("summary", "Size", b -> b.put("summary", "文".repeat(4001))),
                broken("keywords", "NotNull", b -> b.remove("keywords")),
                broken("keywords", "Size", b -> b.put("keywords", List.of())),
                broken("keywords", "Size", b -> b.put("keywords", numbered("词", 11))),
                broken("keywords", "UniqueElements", b -> b.put("keywords", List.of("石墨烯", "石墨烯"))),
                broken("keywords[1]", "NotBlank", b -> b.put("keywords", List.of("石墨烯", " "))),
                broken("keywords[0]", "Size", b -> b.put("keywords", List.of("长".repeat(41)))),
                broken("fieldCode", "NotNull", b -> b.remove("fieldCode")),
                broken("fieldCode", "FieldCode", b -> b.put("fieldCode", "10.01")),
                broken("trl", "NotNull", b -> b.remove("trl")),
                broken("trl", "Min", b -> b.put("trl", 0)),
                broken("trl", "Max", b -> b.put("trl", 10)),
                broken("trl", "type", b -> b.put("trl", "high")),
                broken("ipForms", "UniqueElements", b -> b.put("ipForms", List.of("KNOW_HOW", "KNOW_HOW"))),
                broken("ipForms", "Size", b -> b.put("ipForms", Collections.nCopies(8, "OTHER"))),
                broken("ipForms[0]", "type", b -> b.put("ipForms", List.of("TRADE_SECRET"))),
                broken("patentNumbers[0]", "Pattern", b -> b.put("patentNumbers", List.of("patent-123"))),
                broken("patentNumbers", "Size", b -> b.put("patentNumbers", numbered("ZL2021103456", 51))),
                broken("patentNumbers", "UniqueElements", b -> b.put("patentNumbers", List.of("CN112345678A", "CN112345678A"))),
                broken("transferModes", "NotNull", b -> b.remove("transferModes")),
                broken("transferModes", "Size", b -> b.put("transferModes", List.of())),
                broken("transferModes", "UniqueElements", b -> b.put("transferModes", List.of("LICENSE", "LICENSE"))),
                broken("transferModes[0]", "type", b -> b.put("transferModes", List.of("DONATION"))),
                broken("askingPrice", "NotNull", b -> b.remove("askingPrice")),
                broken("askingPrice.minCny", "PositiveOrZero", b -> price(b).put("minCny", -1)),
                broken("askingPrice.maxCny", "Max", b -> price(b).put("maxCny", 2_000_000_000_000L)),
                broken("askingPrice.maxCny", "Consistent", b -> price(b).put("maxCny", 100)),
                broken("askingPrice.minCny", "Consistent", b -> b.put("askingPrice", Map.of("negotiable", false))),
                broken("freeTrialLicence", "type", b -> b.put("freeTrialLicence", "maybe")),
                broken("advantages", "Size", b -> b.put("advantages", "优".repeat(2001))),
                broken("regionCode", "NotNull", b -> b.remove("regionCode")),
                broken("regionCode", "RegionCode", b -> b.put("regionCode", "33010")),
                broken("regionCode", "RegionCode", b -> b.put("regionCode", "990100")),
                broken("inventors", "Size", b -> b.put("inventors", numbered("发明人", 21))),
                broken("inventors[0]", "NotBlank", b -> b.put("inventors", List.of(""))),
                broken("inventors[0]", "Size", b -> b.put("inventors", List.of("名".repeat(51)))),
                broken("contact", "NotNull", b -> b.remove("contact")),
                broken("contact.name", "NotBlank", b -> contact(b).put("name", "")),
                broken("contact.name", "Size", b -> contact(b).put("name", "名".repeat(51))),
                broken("contact.phone", "Pattern", b -> contact(b).put("phone", "12345")),
                broken("contact.email", "Email", b -> contact(b).put("email", "not-an-email")),
                broken("contact.phone", "Reachable", b -> {
                    contact(b).remove("phone");
                    contact(b).remove("email");
                }),
                broken("colour", "known-field", b -> b.put("colour", "blue")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("brokenRules")
    void createBreakingARuleIsRefusedNamingFieldAndRule(String field, String rule, Consumer<Map<String, Object>> breakIt) {
        String organisation = Achievements.newOrganisation();
        Map<String, Object> body = Achievements.validBody(organisation);
        breakIt.accept(body);

        Achievements.create(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations", hasItem(allOf(hasEntry("field", field), hasEntry("rule", rule))));

        // Asked as the organisation, so that a stored draft would be counted too.
        Achievements.asOwner(organisation).queryParam("organisationId", organisation).when().get("/api/achievements")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void updateWithoutVersionIsRefused() {
        Map<String, Object> body = Achievements.validBody(Achievements.newOrganisation());
        String id = Achievements.createdId(body);
        Achievements.update(id, body).statusCode(400)
                .body("violations", hasItem(allOf(hasEntry("field", "version"), hasEntry("rule", "NotNull"))));
    }

    @Test
    void statusChangeWithoutVersionIsRefused() {
        String id = Achievements.createdId(Achievements.validBody(Achievements.newOrganisation()));
        Achievements.as(Achievements.ownerToken(id)).contentType(ContentType.JSON).body("{}").when().post("/api/achievements/" + id + "/withdraw")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations", hasItem(allOf(hasEntry("field", "version"), hasEntry("rule", "NotNull"))));
    }

    @Test
    void aMemberGivenTwiceIsRefusedNamingItAndChangesNothing() {
        String id = Achievements.createdId(Achievements.validBody(Achievements.newOrganisation()));
        String before = Achievements.as(Achievements.ownerToken(id)).when().get("/api/achievements/" + id)
                .then().statusCode(200).extract().path("status");
        Achievements.as(Achievements.ownerToken(id)).contentType(ContentType.JSON)
                .body("{\"version\": 1, \"reason\": \"a\", \"reason\": \"b\"}")
                .when().post("/api/achievements/" + id + "/withdraw")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations", hasItem(allOf(hasEntry("field", "reason"), hasEntry("rule", "unique-member"))));
        Achievements.as(Achievements.ownerToken(id)).when().get("/api/achievements/" + id)
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo(before))
                .body("version", org.hamcrest.Matchers.equalTo(1));
        university().contentType(ContentType.JSON).body("{\"title\": \"a\", \"title\": \"b\"}").when().post("/api/achievements")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations", hasItem(allOf(hasEntry("field", "title"), hasEntry("rule", "unique-member"))));
    }

    @Test
    void aNulCharacterInABodyOrAQueryIsRefusedNamingWhere() {
        Map<String, Object> body = new java.util.HashMap<>(Achievements.validBody(Achievements.newOrganisation()));
        body.put("title", "石墨烯\u0000散热膜");
        university().contentType(ContentType.JSON).body(body).when().post("/api/achievements")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations", hasItem(allOf(hasEntry("field", "title"), hasEntry("rule", "no-nul"))));
        given().urlEncodingEnabled(true).queryParam("organisationId", "org\u0000x").when().get("/api/achievements")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations", hasItem(allOf(hasEntry("field", "organisationId"), hasEntry("rule", "no-nul"))));
    }

    @Test
    void controlCharactersLoneSurrogatesAndBidiControlsAreRefusedNamingWhereWhileTabsLineBreaksAndEmojiPass() {
        // As JSON escapes, so that a lone surrogate reaches the service as the client wrote it.
        Map<String, String> refusedTitles = Map.of(
                "石墨烯\\u0007散热膜", "no-control-characters",
                "石墨烯\\u0085散热膜", "no-control-characters",
                "石墨烯\\ud83d散热膜", "no-lone-surrogates",
                "石墨烯\\u202e膜热散", "no-bidi-controls",
                "石墨烯\\u2067散热膜\\u2069", "no-bidi-controls");
        refusedTitles.forEach((title, rule) -> {
            Map<String, Object> body = new java.util.HashMap<>(Achievements.validBody(Achievements.newOrganisation()));
            body.put("title", "TITLE");
            String json;
            try {
                json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules().writeValueAsString(body)
                        .replace("\"TITLE\"", "\"" + title + "\"");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            university().contentType(ContentType.JSON).body(json).when().post("/api/achievements")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations", hasItem(allOf(hasEntry("field", "title"), hasEntry("rule", rule))));
        });
        given().urlEncodingEnabled(true).queryParam("q", "膜\u202e").when().get("/api/achievements")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations", hasItem(allOf(hasEntry("field", "q"), hasEntry("rule", "no-bidi-controls"))));
        String organisation = Achievements.newOrganisation();
        Map<String, Object> body = new java.util.HashMap<>(Achievements.validBody(organisation));
        body.put("summary", "第一行\n第二行\t制表 \uD83D\uDD2C 显微镜");
        Achievements.asOwner(organisation).contentType(ContentType.JSON).body(body).queryParam("duplicates", "confirmed")
                .when().post("/api/achievements").then().statusCode(201)
                .body("summary", org.hamcrest.Matchers.equalTo("第一行\n第二行\t制表 \uD83D\uDD2C 显微镜"));
    }

    @Test
    void anAnonymousChangeIsRefusedBeforeItsBodyIsChecked() {
        String id = Achievements.createdId(Achievements.validBody(Achievements.newOrganisation()));
        for (String body : List.of("{}", "{\"title\": ", "{\"title\": 1, \"title\": 2}")) {
            given().contentType(ContentType.JSON).body(body).when().put("/api/achievements/" + id)
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("violations", org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.nullValue(),
                            org.hamcrest.Matchers.empty()))
                    .body("detail", containsString("needs a login"));
            given().contentType(ContentType.JSON).body(body).when().post("/api/achievements")
                    .then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void malformedJsonIsRefused() {
        university().contentType(ContentType.JSON).body("{\"title\": ").when().post("/api/achievements")
                .then().statusCode(400).contentType("application/problem+json").body("type", containsString("malformed-json"));
    }

    @Test
    void missingBodyIsRefused() {
        university().contentType(ContentType.JSON).when().post("/api/achievements")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongContentTypeIsRefused() {
        university().contentType(ContentType.TEXT).body("title").when().post("/api/achievements")
                .then().statusCode(415).contentType("application/problem+json");
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("page", "-1", "Min"),
                Arguments.of("page", "first", "type"),
                Arguments.of("size", "0", "Range"),
                Arguments.of("size", "101", "Range"),
                Arguments.of("field", "99", "FieldCode"),
                Arguments.of("status", "LOST", "OneOf"),
                Arguments.of("region", "abc", "RegionCode"),
                Arguments.of("q", "字".repeat(201), "Size"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("badQueries")
    void listingWithABadParameterIsRefusedNamingIt(String parameter, String value, String rule) {
        given().queryParam(parameter, value).when().get("/api/achievements")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(parameter))
                .body("violations[0].in", equalTo("query"))
                .body("violations[0].rule", equalTo(rule));
    }

    private static RequestSpecification university() {
        return Achievements.asOwner(Achievements.newOrganisation());
    }

    private static Arguments broken(String field, String rule, Consumer<Map<String, Object>> breakIt) {
        return Arguments.of(field, rule, breakIt);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> price(Map<String, Object> body) {
        return (Map<String, Object>) body.get("askingPrice");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> contact(Map<String, Object> body) {
        return (Map<String, Object>) body.get("contact");
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(prefix + String.format("%02d", i) + (prefix.startsWith("ZL") ? ".1" : ""));
        }
        return values;
    }

}
