package io.techbridge.achievement;

import io.quarkus.test.junit.QuarkusTest;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.listing.testing.ListingWalks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@RealServers
class AchievementApiTest {

    @Test
    void createdAchievementIsReturnedWithLocationAndReadBack() {
        Map<String, Object> body = Achievements.validBody(Achievements.newOrganisation());
        String location = Achievements.create(body)
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("version", equalTo(1))
                .body("status", equalTo("PUBLISHED"))
                .body("stage", equalTo("PILOT"))
                .extract().header("Location");

        Achievements.asOwner((String) body.get("organisationId")).when().get(location).then()
                .statusCode(200)
                .body("organisationId", equalTo(body.get("organisationId")))
                .body("title", equalTo(body.get("title")))
                .body("keywords", containsInAnyOrder("石墨烯", "散热膜", "导热"))
                .body("askingPrice.minCny", equalTo(500000))
                .body("contact.email", equalTo("tto@example.edu.cn"))
                .body("patentNumbers[0]", equalTo("ZL202110345678.2"));
    }

    @Test
    void organisationMayBeLeftOutAndIsTheCallersOwn() {
        String organisation = Achievements.newOrganisation();
        Map<String, Object> body = Achievements.validBody(organisation);
        body.remove("organisationId");
        String id = Achievements.create(body, TestTokens.university(organisation)).statusCode(201)
                .body("organisationId", equalTo(organisation)).extract().path("id");
        given().queryParam("organisationId", organisation).when().get("/api/achievements").then().statusCode(200)
                .body("items.id", equalTo(List.of(id)));
    }

    @Test
    void draftIsTheDefaultStatusAndPublishingMovesItOn() {
        Map<String, Object> body = Achievements.validBody(Achievements.newOrganisation());
        body.remove("status");
        String id = Achievements.create(body).statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");

        Achievements.changeStatus(id, "publish", 1).statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("version", equalTo(2));
        Achievements.changeStatus(id, "transfer", 2).statusCode(200).body("status", equalTo("TRANSFERRED"));
    }

    @Test
    void listingPagesThroughAnOrganisationsAchievements() {
        String organisation = Achievements.newOrganisation();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = Achievements.validBody(organisation);
            body.put("title", "分页测试成果 " + i);
            Achievements.createdId(body);
        }
        List<String> first = given().queryParam("organisationId", organisation).queryParam("size", 2)
                .when().get("/api/achievements").then().statusCode(200)
                .body("totalItems", equalTo(5)).body("totalPages", equalTo(3)).body("items", hasSize(2))
                .extract().path("items.id");
        List<String> last = given().queryParam("organisationId", organisation).queryParam("size", 2).queryParam("page", 2)
                .when().get("/api/achievements").then().statusCode(200)
                .body("items", hasSize(1)).extract().path("items.id");
        org.junit.jupiter.api.Assertions.assertFalse(first.contains(last.get(0)));
    }

    @Test
    void walkingByCursorGivesEveryAchievementOnceInOrderWhileMoreAreAdded() {
        ListingWalks.cursorWalkGivesEveryRecordOnceWhileMoreAreAdded("/api/achievements",
                organisation -> Achievements.createdId(Achievements.validBody(organisation)));
    }

    @Test
    void numberedPagesLinkToTheirNeighboursByNumber() {
        ListingWalks.numberedPagesLinkByNumber("/api/achievements", organisation -> Achievements.createdId(Achievements.validBody(organisation)));
    }

    @Test
    void aChangedCursorOrOneSentWithPageIsRefusedNamingCursor() {
        ListingWalks.badCursorsAreRefusedNamingCursor("/api/achievements",
                organisation -> Achievements.createdId(Achievements.validBody(organisation)));
    }

    @Test
    void filtersNarrowTheListing() {
        String organisation = Achievements.newOrganisation();
        Map<String, Object> graphene = Achievements.validBody(organisation);
        Map<String, Object> battery = Achievements.validBody(organisation);
        battery.put("title", "Solid-state LITHIUM battery electrolyte");
        battery.put("fieldCode", "06.03");
        battery.put("regionCode", "320100");
        battery.put("status", "DRAFT");
        String grapheneId = Achievements.createdId(graphene);
        String batteryId = Achievements.createdId(battery);

        Achievements.asOwner(organisation).queryParam("organisationId", organisation).queryParam("field", "06")
                .when().get("/api/achievements").then().statusCode(200).body("items.id", equalTo(List.of(batteryId)));
        Achievements.asOwner(organisation).queryParam("organisationId", organisation).queryParam("field", "04.02")
                .when().get("/api/achievements").then().statusCode(200).body("items.id", equalTo(List.of(grapheneId)));
        Achievements.asOwner(organisation).queryParam("organisationId", organisation).queryParam("status", "draft")
                .when().get("/api/achievements").then().statusCode(200).body("items.id", equalTo(List.of(batteryId)));
        Achievements.asOwner(organisation).queryParam("organisationId", organisation).queryParam("region", "330000")
                .when().get("/api/achievements").then().statusCode(200).body("items.id", equalTo(List.of(grapheneId)));
        Achievements.asOwner(organisation).queryParam("organisationId", organisation).queryParam("q", "lithium")
                .when().get("/api/achievements").then().statusCode(200).body("items.id", equalTo(List.of(batteryId)));
        Achievements.asOwner(organisation).queryParam("organisationId", organisation).queryParam("q", "散热")
                .when().get("/api/achievements").then().statusCode(200).body("items.id", equalTo(List.of(grapheneId)));
        Achievements.asOwner(organisation).queryParam("field", "05.01").queryParam("organisationId", organisation)
                .when().get("/api/achievements").then().statusCode(200).body("items", hasSize(0));
        // Anonymous callers get the same filters, without the drafts.
        given().queryParam("organisationId", organisation).queryParam("status", "draft")
                .when().get("/api/achievements").then().statusCode(200).body("items", hasSize(0));
        given().queryParam("status", "PUBLISHED").when().get("/api/achievements").then().statusCode(200)
                .body("items.status", everyItem(equalTo("PUBLISHED")));
    }

    @Test
    void updateWithTheCurrentVersionReplacesTheContent() {
        Map<String, Object> body = Achievements.validBody(Achievements.newOrganisation());
        String id = Achievements.createdId(body);
        body.put("version", 1);
        body.put("title", "改进的石墨烯散热膜");
        body.put("trl", 8);
        Achievements.update(id, body).statusCode(200)
                .body("version", equalTo(2)).body("title", equalTo("改进的石墨烯散热膜")).body("stage", equalTo("MATURE"));
        given().when().get("/api/achievements/" + id).then().body("version", equalTo(2)).body("trl", equalTo(8));
    }

    @Test
    void staleVersionIsRefusedWithTheCurrentVersion() {
        Map<String, Object> body = Achievements.validBody(Achievements.newOrganisation());
        String id = Achievements.createdId(body);
        body.put("version", 1);
        Achievements.update(id, body).statusCode(200);

        body.put("title", "基于旧版本的修改");
        Achievements.update(id, body)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/version-conflict"))
                .body("context.currentVersion", equalTo(2))
                .body("context.sentVersion", equalTo(1));
        given().when().get("/api/achievements/" + id).then().body("title", equalTo(Achievements.validBody("x").get("title")));
    }

    @Test
    void withdrawnAchievementCanNoLongerBeEdited() {
        Map<String, Object> body = Achievements.validBody(Achievements.newOrganisation());
        String id = Achievements.createdId(body);
        Achievements.changeStatus(id, "withdraw", 1).statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("statusReason", equalTo("test"));

        body.put("version", 2);
        Achievements.update(id, body).statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/illegal-state")).body("context.status", equalTo("WITHDRAWN"));
        Achievements.changeStatus(id, "publish", 2).statusCode(409).body("type", endsWith("/illegal-state"));
    }

    @Test
    void ownerOrganisationCannotBeChangedByAnUpdate() {
        String owner = Achievements.newOrganisation();
        Map<String, Object> body = Achievements.validBody(owner);
        String id = Achievements.createdId(body);
        body.put("version", 1);
        body.put("organisationId", "org-someone-else");
        Achievements.update(id, body, TestTokens.university(owner)).statusCode(400)
                .body("violations[0].field", equalTo("organisationId")).body("violations[0].rule", equalTo("Immutable"));
    }

    @Test
    void unknownAchievementIsNotFound() {
        given().when().get("/api/achievements/7d1e2a2e-8a55-4a7c-9a57-1f8f6d7d0c11").then()
                .statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().when().get("/api/achievements/not-an-id").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void taxonomyListsFieldsAndSubFields() {
        given().when().get("/api/fields").then().statusCode(200)
                .body("find { it.code == '04.03' }.nameZh", equalTo("高分子材料"))
                .body("find { it.code == '08' }.nameEn", equalTo("Advanced manufacturing and automation"));
    }
}
