package io.techbridge.achievement;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * A registration that repeats an achievement already registered — by patent number or in other
 * words, by the same or another organisation — is answered 409 possible-duplicate with the
 * candidates, unless the caller confirms; candidates it may not read are anonymised.
 */
@QuarkusTest
@RealServers
class DuplicateDetectionTest {

    private static final String BATTERY_TITLE = "退役磷酸铁锂电池正极材料低温焙烧选择性浸出再生技术";
    private static final String BATTERY_SUMMARY = "针对退役磷酸铁锂电池，采用低温焙烧与选择性浸出相结合的工艺回收锂、铁、磷，锂回收率大于95%，"
            + "再生正极材料电化学性能达到商用标准。";
    private static final String BATTERY_REWORDED_TITLE = "废旧磷酸铁锂电池正极材料再生利用技术";
    private static final String BATTERY_REWORDED_SUMMARY = "通过选择性浸出结合低温焙烧处理废旧磷酸铁锂电池，锂的回收率超过95%，"
            + "再生得到的正极材料电化学性能满足商用要求。";

    @Test
    void samePatentNumberOfAnotherOrganisationIsReportedWhateverTheWayItIsWritten() {
        String digits = randomApplicationNumber();
        Map<String, Object> first = body(Achievements.newOrganisation(), "耐高温芳纶纸基蜂窝材料制备技术",
                "以间位芳纶沉析纤维和短切纤维湿法成形，经浸胶与高温固化得到蜂窝芯材，耐温250℃，用于航空航天夹层结构。");
        first.put("patentNumbers", new ArrayList<>(List.of("ZL" + digits + ".3")));
        String firstId = Achievements.createdId(first);

        // Another university registers the licence of the same patent in its own words, without the ZL prefix or check digit.
        Map<String, Object> second = body(Achievements.newOrganisation(), "航空夹层结构用蜂窝芯专利许可",
                "可许可使用的专利，保护一种纸基蜂窝芯材的浸渍固化方法。");
        second.put("patentNumbers", new ArrayList<>(List.of("CN" + digits)));
        post(second).statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/possible-duplicate"))
                .body("status", equalTo(409))
                .body("context.candidates.id", hasItem(firstId))
                .body("context.candidates.find { it.id == '" + firstId + "' }.reasons", hasItem("SAME_PATENT"))
                .body("context.candidates.find { it.id == '" + firstId + "' }.similarity", equalTo(1.0f))
                .body("context.candidates.find { it.id == '" + firstId + "' }.title", equalTo("耐高温芳纶纸基蜂窝材料制备技术"))
                .body("context.candidates.find { it.id == '" + firstId + "' }.organisationId", equalTo(first.get("organisationId")));
    }

    @Test
    void rewordedCopyOfAnotherOrganisationIsReportedAndSavedOnceConfirmed() {
        String firstId = Achievements.createdId(body(Achievements.newOrganisation(), BATTERY_TITLE, BATTERY_SUMMARY));
        String otherOrganisation = Achievements.newOrganisation();
        Map<String, Object> reworded = body(otherOrganisation, BATTERY_REWORDED_TITLE, BATTERY_REWORDED_SUMMARY);

        Achievements.asOwner(otherOrganisation).contentType(ContentType.JSON).body(reworded)
                .when().post("/api/achievements").then()
                .statusCode(409).body("type", endsWith("/possible-duplicate"))
                .body("detail", containsString("duplicates=confirmed"))
                .body("context.candidates.id", hasItem(firstId))
                .body("context.candidates.find { it.id == '" + firstId + "' }.reasons", hasItem("SIMILAR_TEXT"))
                .body("context.candidates.find { it.id == '" + firstId + "' }.status", equalTo("PUBLISHED"));
        assertCount(otherOrganisation, 0);

        String savedId = Achievements.asOwner(otherOrganisation).contentType(ContentType.JSON).body(reworded)
                .queryParam("duplicates", "confirmed").when().post("/api/achievements").then()
                .statusCode(201).body("title", equalTo(BATTERY_REWORDED_TITLE)).extract().path("id");
        assertCount(otherOrganisation, 1);
        // Now both are registered: the next copy is told about both.
        Achievements.asOwner(Achievements.newOrganisation()).contentType(ContentType.JSON)
                .body(body(null, BATTERY_TITLE, BATTERY_SUMMARY)).when().post("/api/achievements/duplicate-check")
                .then().statusCode(200).body("candidates.id", hasItem(firstId)).body("candidates.id", hasItem(savedId));
    }

    @Test
    void duplicateOfTheCallersOwnOrganisationIsReportedToo() {
        String organisation = Achievements.newOrganisation();
        String firstId = Achievements.createdId(body(organisation, "城市轨道交通隧道病害智能巡检机器人",
                "轨道式巡检机器人搭载激光扫描与红外热成像，自动识别隧道渗漏水、裂缝和掉块，检测效率比人工提高5倍。"));
        Achievements.asOwner(organisation).contentType(ContentType.JSON)
                .body(body(organisation, "地铁隧道结构病害自动巡检机器人",
                        "机器人沿轨道运行，利用激光扫描仪和红外热像仪自动发现地铁隧道的裂缝、渗漏水及掉块等病害，效率是人工巡检的5倍。"))
                .when().post("/api/achievements").then()
                .statusCode(409).body("context.candidates.id", contains(firstId));
    }

    @Test
    void dryRunCheckAnswersTheCandidatesAndStoresNothing() {
        String firstId = Achievements.createdId(body(Achievements.newOrganisation(), "污水处理厂智能曝气节能控制系统",
                "基于溶解氧和氨氮在线监测，采用模型预测控制动态调节鼓风机风量，曝气能耗降低20%以上，出水稳定达到一级A标准。"));
        String organisation = Achievements.newOrganisation();
        Map<String, Object> copy = body(organisation, "城镇污水厂曝气过程智能节能控制技术",
                "利用在线溶解氧、氨氮仪表数据，通过模型预测控制实时调节鼓风机供风量，使曝气电耗下降20%以上，同时保证出水一级A稳定达标。");

        Achievements.asOwner(organisation).contentType(ContentType.JSON).body(copy)
                .when().post("/api/achievements/duplicate-check").then()
                .statusCode(200).contentType(ContentType.JSON)
                .body("candidates", hasSize(1))
                .body("candidates[0].id", equalTo(firstId))
                .body("candidates[0].reasons", hasItem("SIMILAR_TEXT"));
        assertCount(organisation, 0);

        // The check follows the rules of a create: an invalid body is refused, other roles too.
        copy.put("title", " ");
        Achievements.asOwner(organisation).contentType(ContentType.JSON).body(copy)
                .when().post("/api/achievements/duplicate-check").then()
                .statusCode(400).body("violations.field", hasItem("title"));
        Achievements.as(TestTokens.enterprise(organisation)).contentType(ContentType.JSON)
                .body(body(organisation, "任意成果", "任意简介")).when().post("/api/achievements/duplicate-check")
                .then().statusCode(403);
        Achievements.as(null).contentType(ContentType.JSON).body(body(organisation, "任意成果", "任意简介"))
                .when().post("/api/achievements/duplicate-check").then().statusCode(401);
    }

    @Test
    void candidateTheCallerMayNotSeeIsAnonymisedWithoutItsIdOrSimilarity() {
        String owner = Achievements.newOrganisation();
        Map<String, Object> draft = body(owner, "骨科可吸收镁锌钙合金螺钉及微弧氧化涂层技术",
                "采用高纯镁锌钙合金并进行微弧氧化涂层处理，螺钉在体内12至18个月逐步降解，降解速率可控，动物实验骨愈合良好。");
        draft.put("status", "DRAFT");
        String draftId = Achievements.createdId(draft);

        String response = Achievements.asOwner(Achievements.newOrganisation()).contentType(ContentType.JSON)
                .body(body(null, "可降解镁锌钙合金骨科内固定螺钉",
                        "以高纯镁锌钙合金制造骨科螺钉，表面经微弧氧化处理，植入后12到18个月可控降解，动物实验显示骨折愈合良好。"))
                .when().post("/api/achievements").then()
                .statusCode(409)
                .body("context.candidates", hasSize(1))
                .body("context.candidates[0]", not(hasKey("id")))
                .body("context.candidates[0]", not(hasKey("similarity")))
                .body("context.candidates[0].title", equalTo("另一机构的成果"))
                .body("context.candidates[0].organisationId", nullValue())
                .body("context.candidates[0].status", nullValue())
                .body("context.candidates[0].reasons", hasItem("SIMILAR_TEXT"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(response.contains("骨科可吸收") || response.contains(owner)
                        || response.contains(draftId),
                "the answer names neither the draft's id, title nor organisation: " + response);

        // Its own organisation, which may read the draft, sees it in full.
        Achievements.asOwner(owner).contentType(ContentType.JSON).body(body(owner, "可降解镁锌钙合金骨科内固定螺钉",
                        "以高纯镁锌钙合金制造骨科螺钉，表面经微弧氧化处理，植入后12到18个月可控降解，动物实验显示骨折愈合良好。"))
                .when().post("/api/achievements/duplicate-check").then().statusCode(200)
                .body("candidates[0].title", equalTo("骨科可吸收镁锌钙合金螺钉及微弧氧化涂层技术"))
                .body("candidates[0].organisationId", equalTo(owner));
    }

    @Test
    void guessingTheExactTextOfADraftOfAnotherOrganisationTellsNothingBeyondTheReasons() {
        String owner = Achievements.newOrganisation();
        Map<String, Object> draft = body(owner, "钠离子电池硬碳负极" + randomApplicationNumber() + "低成本制备技术",
                "以生物质为前驱体经预氧化与高温碳化制备硬碳负极，首效大于88%，可逆容量320 mAh/g。");
        draft.put("status", "DRAFT");
        String draftId = Achievements.createdId(draft);

        // A guess of its very title and text: the answer must not confirm it (no similarity 1.0), nor point at the record.
        String answer = Achievements.asOwner(Achievements.newOrganisation()).contentType(ContentType.JSON)
                .body(body(null, (String) draft.get("title"), (String) draft.get("summary")))
                .when().post("/api/achievements/duplicate-check").then().statusCode(200)
                .body("candidates", hasSize(1))
                .body("candidates[0]", not(hasKey("id")))
                .body("candidates[0]", not(hasKey("similarity")))
                .body("candidates[0].title", equalTo("另一机构的成果"))
                .body("candidates[0].reasons", contains("SIMILAR_TITLE", "SIMILAR_TEXT"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(answer.contains(draftId) || answer.contains("1.0"), answer);
    }

    @Test
    void differentAchievementOnTheSameTopicIsNoDuplicate() {
        String organisation = Achievements.newOrganisation();
        Achievements.createdId(body(organisation, "低成本钙钛矿太阳能电池封装技术",
                "提出一种紫外固化胶与原子层沉积氧化铝复合的封装结构，使钙钛矿电池在85℃、85%湿度条件下1000小时效率保持率超过90%。"));
        Map<String, Object> other = body(Achievements.newOrganisation(), "钙钛矿叠层太阳能电池界面钝化技术",
                "通过在钙钛矿/电子传输层界面引入有机铵盐钝化层，降低非辐射复合，叠层电池效率提升至29.5%，开路电压提高60 mV。");
        post(other).statusCode(201);
        // Nor is one of the same organisation.
        Achievements.asOwner(organisation).contentType(ContentType.JSON).body(body(organisation, "钙钛矿光伏组件激光划线工艺",
                        "采用皮秒激光完成P1、P2、P3三道划线，死区宽度小于150微米，组件几何填充因子达到96%。"))
                .when().post("/api/achievements/duplicate-check").then().statusCode(200).body("candidates", empty());
    }

    @Test
    void withdrawnAchievementIsNoLongerACandidate() {
        Map<String, Object> first = body(Achievements.newOrganisation(), "农业无人机变量喷施控制技术",
                "结合多光谱遥感获取作物长势处方图，无人机按处方图实时调节喷头流量，农药用量减少30%，防治效果与常规喷施相当。");
        String firstId = Achievements.createdId(first);
        Map<String, Object> copy = body(Achievements.newOrganisation(), "基于处方图的植保无人机变量施药系统",
                "根据多光谱影像生成的作物长势处方图，植保无人机在飞行中实时调整喷头流量，可节省农药约30%，防效与传统均匀喷施持平。");
        Achievements.asOwner((String) copy.get("organisationId")).contentType(ContentType.JSON).body(copy)
                .when().post("/api/achievements/duplicate-check").then().statusCode(200).body("candidates.id", hasItem(firstId));

        Achievements.changeStatus(firstId, "withdraw", 1).statusCode(200);
        Achievements.asOwner((String) copy.get("organisationId")).contentType(ContentType.JSON).body(copy)
                .when().post("/api/achievements/duplicate-check").then().statusCode(200)
                .body("candidates.id", not(hasItem(firstId)));
    }

    @Test
    void unknownDuplicatesParameterIsRefused() {
        Map<String, Object> body = body(Achievements.newOrganisation(), "任意成果名称", "任意成果简介");
        Achievements.asOwner((String) body.get("organisationId")).contentType(ContentType.JSON).body(body)
                .queryParam("duplicates", "yes").when().post("/api/achievements").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("duplicates")).body("violations[0].in", equalTo("query"));
    }

    private static Map<String, Object> body(String organisation, String title, String summary) {
        Map<String, Object> body = Achievements.validBody(organisation);
        if (organisation == null) {
            body.remove("organisationId");
        }
        body.put("title", title);
        body.put("summary", summary);
        body.put("patentNumbers", new ArrayList<>());
        body.put("keywords", new ArrayList<>(List.of("测试")));
        return body;
    }

    /** A create as the body's organisation, without confirming possible duplicates. */
    private static io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
        return Achievements.asOwner((String) body.get("organisationId")).contentType(ContentType.JSON).body(body)
                .when().post("/api/achievements").then();
    }

    private static void assertCount(String organisation, int expected) {
        Achievements.asOwner(organisation).queryParam("organisationId", organisation).when().get("/api/achievements")
                .then().statusCode(200).body("totalItems", equalTo(expected));
    }

    /** Twelve digits no other test uses: a Chinese application number without prefix and check digit. */
    private static String randomApplicationNumber() {
        return "2023" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
