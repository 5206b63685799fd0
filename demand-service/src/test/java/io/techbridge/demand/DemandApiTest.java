package io.techbridge.demand;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.listing.testing.ListingWalks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@RealServers
class DemandApiTest {

    @Test
    void createdDemandIsOpenAtVersionOneWithLocationAndReadsBack() {
        Map<String, Object> body = Demands.validBody(Demands.newOrganisation());
        String location = Demands.create(body)
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("id", notNullValue())
                .body("version", equalTo(1))
                .body("status", equalTo("OPEN"))
                .body("statusReason", nullValue())
                .body("createdAt", notNullValue())
                .extract().header("Location");

        Demands.asOwner((String) body.get("organisationId")).when().get(location).then()
                .statusCode(200)
                .body("organisationId", equalTo(body.get("organisationId")))
                .body("enterprise", equalTo("浙江恒宇铝型材有限公司"))
                .body("title", equalTo(body.get("title")))
                .body("problem", equalTo(body.get("problem")))
                .body("indicators", equalTo(body.get("indicators")))
                .body("fieldCode", equalTo("08.03"))
                .body("keywords", containsInAnyOrder("铝型材", "表面瑕疵", "自动检测"))
                .body("budget.minCny", equalTo(500000))
                .body("budget.maxCny", equalTo(1500000))
                .body("budget.negotiable", equalTo(false))
                .body("validUntil", equalTo(body.get("validUntil")))
                .body("regionCode", equalTo("330500"))
                .body("cooperationModes", equalTo(List.of("LICENSE", "TECHNICAL_SERVICE")))
                .body("minTrl", equalTo(6))
                .body("confidentiality", equalTo("PUBLIC"))
                .body("challenge", nullValue())
                .body("contact.name", equalTo("沈建国"))
                .body("contact.phone", equalTo("13857261843"))
                .body("contact.email", equalTo("shenjg@hengyu-al.com"));
    }

    @Test
    void organisationMayBeLeftOutAndIsTheCallersOwn() {
        String organisation = Demands.newOrganisation();
        Map<String, Object> body = Demands.validBody(organisation);
        body.remove("organisationId");
        String id = Demands.create(body, TestTokens.enterprise(organisation)).statusCode(201)
                .body("organisationId", equalTo(organisation)).extract().path("id");
        assertEquals(List.of(id), Demands.idsOf(organisation, Map.of()));
    }

    @Test
    void optionalMembersMayBeLeftOutAndConfidentialityDefaultsToPublic() {
        Map<String, Object> body = Demands.validBody(Demands.newOrganisation());
        body.remove("confidentiality");
        body.remove("minTrl");
        body.remove("indicators");
        body.remove("challenge");
        body.put("budget", Map.of("negotiable", true));
        body.put("contact", Map.of("name", "钱伟", "email", "qianwei@jn-water.com.cn"));
        String id = Demands.createdId(body);

        Demands.get(id).statusCode(200)
                .body("confidentiality", equalTo("PUBLIC"))
                .body("minTrl", nullValue())
                .body("indicators", nullValue())
                .body("challenge", nullValue())
                .body("budget.negotiable", equalTo(true))
                .body("budget.minCny", nullValue())
                .body("contact.phone", nullValue());
    }

    @Test
    void brokersOnlyDemandKeepsItsConfidentiality() {
        Map<String, Object> body = Demands.validBody(Demands.newOrganisation());
        body.put("confidentiality", "BROKERS_ONLY");
        String id = Demands.createdId(body);

        Demands.get(id).statusCode(200).body("confidentiality", equalTo("BROKERS_ONLY"));
        body.put("version", 1);
        body.put("title", "改进后的需求名称");
        Demands.update(id, body).statusCode(200).body("confidentiality", equalTo("BROKERS_ONLY"));
    }

    @Test
    void openChallengeRoundTripsAndAnUpdateCanRemoveIt() {
        Map<String, Object> body = Demands.withChallenge(Demands.validBody(Demands.newOrganisation()));
        Map<?, ?> challenge = (Map<?, ?>) body.get("challenge");
        String id = Demands.createdId(body);

        Demands.get(id).statusCode(200)
                .body("challenge.goal", equalTo(challenge.get("goal")))
                .body("challenge.indicators", equalTo(challenge.get("indicators")))
                .body("challenge.bountyCny", equalTo(2000000))
                .body("challenge.applicationDeadline", equalTo(challenge.get("applicationDeadline")))
                .body("challenge.judgingDeadline", equalTo(challenge.get("judgingDeadline")));

        body.put("version", 1);
        body.put("challenge", null);
        Demands.update(id, body).statusCode(200).body("challenge", nullValue()).body("version", equalTo(2));
        Demands.get(id).body("challenge", nullValue());
    }

    @Test
    void challengeMayBeJudgedOnTheLastValidDay() {
        Map<String, Object> body = Demands.withChallenge(Demands.validBody(Demands.newOrganisation()));
        @SuppressWarnings("unchecked")
        Map<String, Object> challenge = (Map<String, Object>) body.get("challenge");
        challenge.put("applicationDeadline", body.get("validUntil"));
        challenge.put("judgingDeadline", body.get("validUntil"));
        Demands.create(body).statusCode(201).body("challenge.judgingDeadline", equalTo(body.get("validUntil")));
    }

    @Test
    void listingPagesThroughAnOrganisationsDemands() {
        String organisation = Demands.newOrganisation();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = Demands.validBody(organisation);
            body.put("title", "分页测试需求 " + i);
            Demands.createdId(body);
        }
        List<String> first = given().queryParam("organisationId", organisation).queryParam("size", 2)
                .when().get("/api/demands").then().statusCode(200)
                .body("totalItems", equalTo(5)).body("totalPages", equalTo(3)).body("page", equalTo(0))
                .body("size", equalTo(2)).body("items", hasSize(2))
                .extract().path("items.id");
        List<String> last = given().queryParam("organisationId", organisation).queryParam("size", 2).queryParam("page", 2)
                .when().get("/api/demands").then().statusCode(200)
                .body("page", equalTo(2)).body("items", hasSize(1)).extract().path("items.id");
        org.junit.jupiter.api.Assertions.assertFalse(first.contains(last.get(0)));
        given().queryParam("organisationId", organisation).queryParam("page", 3)
                .when().get("/api/demands").then().statusCode(200).body("items", hasSize(0)).body("totalItems", equalTo(5));
    }

    @Test
    void listingShowsTheNewestChangeFirst() {
        String organisation = Demands.newOrganisation();
        Map<String, Object> body = Demands.validBody(organisation);
        String oldest = Demands.createdId(body);
        String middle = Demands.createdId(Demands.validBody(organisation));
        String newest = Demands.createdId(Demands.validBody(organisation));
        assertEquals(List.of(newest, middle, oldest), Demands.idsOf(organisation, Map.of()));

        body.put("version", 1);
        body.put("title", "最近修改的需求");
        Demands.update(oldest, body).statusCode(200);
        assertEquals(List.of(oldest, newest, middle), Demands.idsOf(organisation, Map.of()));
    }

    @Test
    void walkingByCursorGivesEveryDemandOnceInOrderWhileMoreAreAdded() {
        ListingWalks.cursorWalkGivesEveryRecordOnceWhileMoreAreAdded("/api/demands",
                organisation -> Demands.createdId(Demands.validBody(organisation)));
    }

    @Test
    void numberedPagesLinkToTheirNeighboursByNumber() {
        ListingWalks.numberedPagesLinkByNumber("/api/demands", organisation -> Demands.createdId(Demands.validBody(organisation)));
    }

    @Test
    void aChangedCursorOrOneSentWithPageIsRefusedNamingCursor() {
        ListingWalks.badCursorsAreRefusedNamingCursor("/api/demands",
                organisation -> Demands.createdId(Demands.validBody(organisation)));
    }

    @Test
    void filtersNarrowTheListing() {
        String organisation = Demands.newOrganisation();
        Map<String, Object> aluminium = Demands.validBody(organisation);
        Map<String, Object> battery = Demands.validBody(organisation);
        battery.put("title", "Solid-state BATTERY pack thermal management");
        battery.put("fieldCode", "06.03");
        battery.put("regionCode", "320200");
        battery.put("confidentiality", "BROKERS_ONLY");
        String aluminiumId = Demands.createdId(aluminium);
        String batteryId = Demands.createdId(battery);
        Demands.changeStatus(batteryId, "negotiation", 1).statusCode(200);

        assertEquals(List.of(aluminiumId), Demands.idsOf(organisation, Map.of("field", "08")));
        assertEquals(List.of(aluminiumId), Demands.idsOf(organisation, Map.of("field", "08.03")));
        assertEquals(List.of(batteryId), Demands.idsOf(organisation, Map.of("field", "06")));
        assertEquals(List.of(), Demands.idsOf(organisation, Map.of("field", "08.01")));
        assertEquals(List.of(batteryId), Demands.idsOf(organisation, Map.of("status", "in_negotiation")));
        assertEquals(List.of(aluminiumId), Demands.idsOf(organisation, Map.of("status", "OPEN")));
        assertEquals(List.of(), Demands.idsOf(organisation, Map.of("status", "EXPIRED")));
        assertEquals(List.of(aluminiumId), Demands.idsOf(organisation, Map.of("region", "330000")));
        assertEquals(List.of(aluminiumId), Demands.idsOf(organisation, Map.of("region", "330500")));
        assertEquals(List.of(batteryId), Demands.idsOf(organisation, Map.of("region", "320000")));
        assertEquals(List.of(), Demands.idsOf(organisation, Map.of("region", "330100")));
        assertEquals(List.of(batteryId), Demands.idsOf(organisation, Map.of("q", "battery")));
        assertEquals(List.of(aluminiumId), Demands.idsOf(organisation, Map.of("q", "表面瑕疵")));
        assertEquals(List.of(), Demands.idsOf(organisation, Map.of("q", "100%")));
        assertEquals(List.of(batteryId), Demands.idsOf(organisation, Map.of("confidentiality", "brokers_only")));
        assertEquals(List.of(aluminiumId), Demands.idsOf(organisation, Map.of("confidentiality", "PUBLIC")));
        assertEquals(List.of(batteryId), Demands.idsOf(organisation, Map.of("field", "06", "status", "IN_NEGOTIATION",
                "region", "320200", "q", "thermal", "confidentiality", "BROKERS_ONLY")));
        assertEquals(List.of(), Demands.idsOf(organisation, Map.of("field", "06", "status", "OPEN")));
        assertEquals(0, Demands.countOf(Demands.newOrganisation()));

        given().queryParam("status", "IN_NEGOTIATION").when().get("/api/demands").then().statusCode(200)
                .body("items.status", everyItem(equalTo("IN_NEGOTIATION")));
        given().queryParam("confidentiality", "BROKERS_ONLY").when().get("/api/demands").then().statusCode(200)
                .body("items.confidentiality", everyItem(equalTo("BROKERS_ONLY")));
    }

    @Test
    void updateWithTheCurrentVersionReplacesTheContent() {
        Map<String, Object> body = Demands.validBody(Demands.newOrganisation());
        String id = Demands.createdId(body);
        body.put("version", 1);
        body.put("title", "铝型材表面瑕疵识别（扩展到喷涂线）");
        body.put("keywords", List.of("铝型材", "喷涂"));
        body.put("budget", Map.of("negotiable", true));
        body.put("validUntil", Demands.inDays(365));
        body.put("minTrl", 7);
        Demands.withChallenge(body);
        Demands.update(id, body).statusCode(200)
                .body("version", equalTo(2))
                .body("status", equalTo("OPEN"))
                .body("title", equalTo("铝型材表面瑕疵识别（扩展到喷涂线）"));

        Demands.get(id).statusCode(200)
                .body("version", equalTo(2))
                .body("keywords", equalTo(List.of("铝型材", "喷涂")))
                .body("budget.negotiable", equalTo(true))
                .body("validUntil", equalTo(Demands.inDays(365)))
                .body("minTrl", equalTo(7))
                .body("challenge.bountyCny", equalTo(2000000));
    }

    @Test
    void whatWasReadCanBeSentBackWithEdits() {
        String id = Demands.createdId(Demands.withChallenge(Demands.validBody(Demands.newOrganisation())));
        Map<String, Object> read = Demands.get(id).statusCode(200).extract().as(Map.class);
        read.put("title", "回写修改后的需求");

        Demands.update(id, read).statusCode(200).body("version", equalTo(2)).body("title", equalTo("回写修改后的需求"))
                .body("createdAt", equalTo(read.get("createdAt")));
    }

    @Test
    void staleVersionIsRefusedWithTheCurrentVersion() {
        Map<String, Object> body = Demands.validBody(Demands.newOrganisation());
        String originalTitle = (String) body.get("title");
        String id = Demands.createdId(body);
        body.put("version", 1);
        Demands.update(id, body).statusCode(200);

        body.put("title", "基于旧版本的修改");
        Demands.update(id, body)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/version-conflict"))
                .body("context.currentVersion", equalTo(2))
                .body("context.sentVersion", equalTo(1));
        Demands.changeStatus(id, "close", 1)
                .statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/version-conflict")).body("context.currentVersion", equalTo(2));
        Demands.get(id).body("title", equalTo(originalTitle)).body("version", equalTo(2)).body("status", equalTo("OPEN"));
    }

    @Test
    void ownerOrganisationCannotBeChangedByAnUpdate() {
        Map<String, Object> body = Demands.validBody(Demands.newOrganisation());
        String id = Demands.createdId(body);
        body.put("version", 1);
        body.put("organisationId", "org-someone-else");
        Demands.update(id, body).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("organisationId")).body("violations[0].rule", equalTo("Immutable"));

        body.remove("organisationId");
        Demands.update(id, body).statusCode(200).body("organisationId", notNullValue());
    }

    @Test
    void updateCannotMoveValidUntilIntoThePast() {
        Map<String, Object> body = Demands.validBody(Demands.newOrganisation());
        String id = Demands.createdId(body);
        body.put("version", 1);
        body.put("validUntil", Demands.inDays(-1));
        Demands.update(id, body).statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("validUntil")).body("violations[0].rule", equalTo("Future"));
        Demands.get(id).body("version", equalTo(1));
    }

    @Test
    void negotiatingDemandCanStillBeEditedAndThenSolved() {
        Map<String, Object> body = Demands.validBody(Demands.newOrganisation());
        String id = Demands.createdId(body);
        Demands.changeStatus(id, "negotiation", 1).statusCode(200)
                .body("status", equalTo("IN_NEGOTIATION")).body("version", equalTo(2)).body("statusReason", equalTo("test"));

        body.put("version", 2);
        body.put("indicators", "漏检率≤0.5%");
        Demands.update(id, body).statusCode(200).body("status", equalTo("IN_NEGOTIATION")).body("version", equalTo(3));

        Demands.changeStatus(id, "solve", 3).statusCode(200).body("status", equalTo("SOLVED")).body("version", equalTo(4));
        Demands.get(id).body("status", equalTo("SOLVED")).body("statusReason", equalTo("test"));
    }

    @Test
    void openDemandCanBeSolvedOrClosedDirectly() {
        String solved = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        Demands.changeStatus(solved, "solve", 1).statusCode(200).body("status", equalTo("SOLVED")).body("version", equalTo(2));

        String closed = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        Demands.changeStatus(closed, "close", 1).statusCode(200).body("status", equalTo("CLOSED")).body("version", equalTo(2));
    }

    @Test
    void statusReasonIsOptional() {
        String id = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        Demands.as(Demands.ownerToken(id)).contentType(ContentType.JSON).body(Map.of("version", 1))
                .when().post("/api/demands/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("statusReason", nullValue());
    }

    @ParameterizedTest(name = "{0} then {1} is refused")
    @CsvSource({
            "negotiation, negotiation, IN_NEGOTIATION",
            "solve, solve, SOLVED",
            "solve, close, SOLVED",
            "solve, negotiation, SOLVED",
            "close, close, CLOSED",
            "close, solve, CLOSED",
            "close, negotiation, CLOSED"})
    void illegalTransitionIsRefusedAndChangesNothing(String first, String then, String reachedStatus) {
        String id = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        Demands.changeStatus(id, first, 1).statusCode(200).body("status", equalTo(reachedStatus));

        Demands.changeStatus(id, then, 2).statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/illegal-state")).body("context.status", equalTo(reachedStatus));
        Demands.get(id).body("status", equalTo(reachedStatus)).body("version", equalTo(2));
    }

    @ParameterizedTest(name = "a {1} demand cannot be edited")
    @CsvSource({"solve, SOLVED", "close, CLOSED"})
    void finishedDemandCanNoLongerBeEdited(String operation, String status) {
        Map<String, Object> body = Demands.validBody(Demands.newOrganisation());
        String id = Demands.createdId(body);
        Demands.changeStatus(id, operation, 1).statusCode(200);

        body.put("version", 2);
        body.put("title", "已结束的需求不能修改");
        Demands.update(id, body).statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/illegal-state")).body("context.status", equalTo(status));
        Demands.get(id).body("version", equalTo(2)).body("title", equalTo(Demands.validBody("x").get("title")));
    }

    @Test
    void unknownDemandIsNotFound() {
        String unknown = "7d1e2a2e-8a55-4a7c-9a57-1f8f6d7d0c11";
        given().when().get("/api/demands/" + unknown).then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404))
                .body("type", endsWith("/not-found"));
        String organisation = Demands.newOrganisation();
        Map<String, Object> body = Demands.validBody(organisation);
        body.put("version", 1);
        Demands.update(unknown, body, TestTokens.enterprise(organisation)).statusCode(404)
                .contentType("application/problem+json");
        Demands.changeStatus(unknown, "close", 1, TestTokens.enterprise(organisation)).statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/demands/not-an-id").then().statusCode(404).contentType("application/problem+json");
    }
}
