package io.techbridge.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.techbridge.deploy.local.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A rebuild of the indexes from the topics, swapped in under the aliases while reads go on. */
@QuarkusTest
@RealServers
class ReindexTest {

    @Test
    void reindexSwapsInNewIndexesAndKeepsTheRankingIdentical() {
        String target = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(target, 1, "风电叶片前缘腐蚀防护涂层",
                "聚氨酯弹性体前缘防护涂层，雨蚀试验寿命提高3倍，可现场修补。", List.of("风电叶片", "前缘腐蚀", "防护涂层"), "06.01", 7));
        String other = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(other, 1, "海上风电塔筒防腐涂料",
                "海洋大气环境下的重防腐涂料体系，耐盐雾5000小时。", List.of("防腐涂料", "海上风电"), "04.05", 8));
        MatchingTest.awaitIndexed(target);
        MatchingTest.awaitIndexed(other);
        String demand = Events.newId();
        Events.publishDemand("DemandCreated", Events.demand(demand, 1, "风电叶片前缘雨蚀修复",
                "我们运维的风电场叶片前缘雨蚀严重，发电量下降，需要耐雨蚀的前缘防护材料，最好能在塔上修补。",
                List.of("叶片", "前缘", "雨蚀"), "06.01", 6));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> Api.asBroker().when().get("/api/demands/" + demand + "/matches")
                .then().statusCode(200).body("[0].achievementId", equalTo(target)));
        Response before = Api.asBroker().queryParam("limit", 10).queryParam("includeWeak", true).when().get("/api/demands/" + demand + "/matches");
        String oldIndex = aliasTarget("achievements");

        Api.asAdmin().when().post("/api/admin/reindex").then().statusCode(202).body("state", equalTo("RUNNING"));
        // Reads go on while it runs.
        Api.asBroker().when().get("/api/demands/" + demand + "/matches").then().statusCode(200);
        await().atMost(Duration.ofMinutes(5)).untilAsserted(() -> Api.asAdmin().when().get("/api/admin/reindex").then()
                .statusCode(200).body("state", equalTo("DONE")));

        assertNotEquals(oldIndex, aliasTarget("achievements"));
        Response after = Api.asBroker().queryParam("limit", 10).queryParam("includeWeak", true).when().get("/api/demands/" + demand + "/matches");
        // The top of the ranking is identical. Further down, near-ties among unrelated records may
        // swap: the old index still counted overwritten versions in its term statistics.
        assertEquals(before.<List<String>>path("achievementId").subList(0, 3), after.<List<String>>path("achievementId").subList(0, 3));
        List<Float> scoresBefore = before.path("score");
        List<Float> scoresAfter = after.path("score");
        for (int i = 0; i < 3; i++) {
            assertEquals(scoresBefore.get(i), scoresAfter.get(i), 0.05, "score of rank " + (i + 1));
        }
        long read = Api.asAdmin().when().get("/api/admin/reindex").then().extract().<Number>path("eventsRead").longValue();
        org.junit.jupiter.api.Assertions.assertTrue(read >= 3, "events replayed: " + read);
    }

    private static String aliasTarget(String alias) {
        Response response = given().baseUri("http://" + TestServers.get().elasticsearchHosts()).when().get("/_alias/" + alias);
        return response.jsonPath().getMap("").keySet().iterator().next().toString();
    }
}
