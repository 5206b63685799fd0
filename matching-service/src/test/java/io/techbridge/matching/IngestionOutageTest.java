package io.techbridge.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.techbridge.deploy.local.PostgresServer;
import io.techbridge.deploy.local.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A batch of events waits out an outage however long it lasts, and the stream goes on after it. The
 * Kafka connector fails a channel whose record stays unacknowledged for 60 s unless told not to,
 * which once stopped ingestion for good on a machine starved of CPU: this outage lasts longer.
 */
@QuarkusTest
@RealServers
class IngestionOutageTest {

    private static final long OUTAGE_MILLIS = 75_000;

    @Test
    void eventsThatArriveDuringADatabaseOutageOfMoreThanAMinuteAreIndexedAfterItAndTheConsumerStaysAlive()
            throws InterruptedException {
        PostgresServer postgres = TestServers.get().postgres().orElse(null);
        assumeTrue(postgres != null, "the database is not one these tests started, so they cannot stop it");
        String before = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(before, 1, "停库之前索引的高温合金增材制造工艺",
                "激光选区熔化成形镍基高温合金零件，致密度 99.8%。", List.of("增材制造"), "05.01", 6));
        MatchingTest.awaitIndexed(before);

        String during = Events.newId();
        postgres.stop();
        try {
            Events.publishAchievement("AchievementCreated", Events.achievement(during, 1, "停库期间发布的陶瓷基复合材料涂层",
                    "化学气相渗透制备碳化硅陶瓷基复合材料，耐温 1400 ℃。", List.of("复合材料"), "05.01", 5));
            Thread.sleep(OUTAGE_MILLIS);
        } finally {
            postgres.start();
        }

        MatchingTest.awaitIndexed(during);
        String after = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(after, 1, "恢复之后发布的热障涂层检测方法",
                "红外热成像无损检测热障涂层脱粘缺陷。", List.of("无损检测"), "05.01", 5));
        MatchingTest.awaitIndexed(after);
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
