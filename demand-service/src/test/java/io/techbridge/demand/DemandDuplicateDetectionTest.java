package io.techbridge.demand;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
 * A demand that repeats one already posted — in other words, by the same or another organisation —
 * is answered 409 possible-duplicate with the candidates, unless the caller confirms; candidates it
 * may not read in full (confidential, stale) are anonymised.
 */
@QuarkusTest
@RealServers
class DemandDuplicateDetectionTest {

    @Test
    void rewordedDemandOfAnotherOrganisationIsReportedAndPostedOnceConfirmed() {
        String firstId = Demands.createdId(body(Demands.newOrganisation(), "风电齿轮箱早期故障诊断技术需求",
                "公司运维200台风机，齿轮箱故障停机损失大。希望基于振动与SCADA数据实现齿轮箱早期故障诊断，提前一个月预警，误报率低于5%。"));
        String organisation = Demands.newOrganisation();
        Map<String, Object> reworded = body(organisation, "风电机组齿轮箱故障早期预警",
                "我们运维约200台风电机组，齿轮箱故障造成较大停机损失，需要利用SCADA数据和振动信号对齿轮箱进行早期故障诊断，提前约一个月报警，误报率小于5%。");

        Demands.asOwner(organisation).contentType(ContentType.JSON).body(reworded).when().post("/api/demands").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/possible-duplicate"))
                .body("detail", containsString("duplicates=confirmed"))
                .body("context.candidates.id", contains(firstId))
                .body("context.candidates[0].title", equalTo("风电齿轮箱早期故障诊断技术需求"))
                .body("context.candidates[0].status", equalTo("OPEN"))
                .body("context.candidates[0].reasons", hasItem("SIMILAR_TEXT"));
        Assertions.assertEquals(0, Demands.countOf(organisation));

        Demands.asOwner(organisation).contentType(ContentType.JSON).body(reworded).queryParam("duplicates", "confirmed")
                .when().post("/api/demands").then().statusCode(201).body("status", equalTo("OPEN"));
        Assertions.assertEquals(1, Demands.countOf(organisation));
    }

    @Test
    void dryRunCheckAnswersTheCandidatesAndStoresNothing() {
        String organisation = Demands.newOrganisation();
        String firstId = Demands.createdId(body(organisation, "陶瓷企业窑炉节能改造",
                "辊道窑天然气消耗高，排烟温度达250℃。希望通过余热回收和燃烧优化实现节能15%以上。"));
        Map<String, Object> copy = body(organisation, "陶瓷辊道窑余热回收与燃烧优化节能",
                "公司辊道窑天然气用量大，排烟温度约250℃，需要余热回收加燃烧系统优化的改造方案，节能率不低于15%。");

        Demands.asOwner(organisation).contentType(ContentType.JSON).body(copy)
                .when().post("/api/demands/duplicate-check").then().statusCode(200)
                .body("candidates", hasSize(1)).body("candidates[0].id", equalTo(firstId))
                .body("candidates[0].organisationId", equalTo(organisation));
        Assertions.assertEquals(1, Demands.countOf(organisation));
        Demands.as(TestTokens.university(organisation)).contentType(ContentType.JSON).body(copy)
                .when().post("/api/demands/duplicate-check").then().statusCode(403);
        Demands.as(null).contentType(ContentType.JSON).body(copy)
                .when().post("/api/demands/duplicate-check").then().statusCode(401);
    }

    @Test
    void confidentialCandidateOfAnotherOrganisationIsAnonymisedWithoutItsIdOrSimilarity() {
        String owner = Demands.newOrganisation();
        Map<String, Object> confidential = body(owner, "化工园区危险气体泄漏监测预警",
                "园区内储罐和管廊众多，需要部署有毒可燃气体泄漏监测网络，结合扩散模型实现泄漏源定位和分级预警。");
        confidential.put("confidentiality", "BROKERS_ONLY");
        String confidentialId = Demands.createdId(confidential);

        String answer = Demands.asOwner(Demands.newOrganisation()).contentType(ContentType.JSON)
                .body(body(null, "化工园区有毒可燃气体泄漏监测与溯源预警",
                        "园区储罐、管廊密集，希望建设有毒及可燃气体泄漏监测网络，通过扩散模型定位泄漏源并分级预警。"))
                .when().post("/api/demands").then().statusCode(409)
                .body("context.candidates", hasSize(1))
                .body("context.candidates[0]", not(hasKey("id")))
                .body("context.candidates[0]", not(hasKey("similarity")))
                .body("context.candidates[0].title", equalTo("另一机构的需求"))
                .body("context.candidates[0].organisationId", nullValue())
                .body("context.candidates[0].status", nullValue())
                .extract().asString();
        Assertions.assertFalse(answer.contains("危险气体") || answer.contains(owner) || answer.contains(confidentialId),
                answer);

        // Guessing its exact title and text confirms nothing: no similarity of 1.0, no id to look it up by.
        String guess = Demands.asOwner(Demands.newOrganisation()).contentType(ContentType.JSON)
                .body(body(null, (String) confidential.get("title"), (String) confidential.get("problem")))
                .when().post("/api/demands/duplicate-check").then().statusCode(200)
                .body("candidates", hasSize(1))
                .body("candidates[0]", not(hasKey("id")))
                .body("candidates[0]", not(hasKey("similarity")))
                .body("candidates[0].reasons", contains("SIMILAR_TITLE", "SIMILAR_TEXT"))
                .extract().asString();
        Assertions.assertFalse(guess.contains(confidentialId) || guess.contains("1.0"), guess);

        // A broker reads confidential demands in full, so sees it named (an admin posting a challenge alike).
        Map<String, Object> challenge = Demands.withChallenge(body(Demands.newOrganisation(),
                "化工园区有毒可燃气体泄漏监测与溯源预警",
                "园区储罐、管廊密集，希望建设有毒及可燃气体泄漏监测网络，通过扩散模型定位泄漏源并分级预警。"));
        Demands.as(TestTokens.admin()).contentType(ContentType.JSON).body(challenge)
                .when().post("/api/demands/duplicate-check").then().statusCode(200)
                .body("candidates[0].title", equalTo("化工园区危险气体泄漏监测预警"))
                .body("candidates[0].organisationId", equalTo(owner));
    }

    @Test
    void differentDemandOnTheSameTopicIsNoDuplicate() {
        String organisation = Demands.newOrganisation();
        Demands.createdId(body(organisation, "锂电池极片涂布厚度在线测量与闭环控制",
                "涂布机幅宽1.2米，极片面密度波动超过2%，目前离线抽检滞后。需要一套在线测厚系统并与涂布模头联动，实现面密度闭环控制，波动控制在1%以内。"));
        String other = Demands.newOrganisation();
        Demands.asOwner(other).contentType(ContentType.JSON).body(body(other, "锂电池极片辊压后反弹率控制",
                "极片辊压后厚度反弹导致电芯厚度超差，希望优化辊压工艺参数与设备，控制反弹率在3%以内。"))
                .when().post("/api/demands").then().statusCode(201);
        Demands.asOwner(organisation).contentType(ContentType.JSON).body(body(organisation, "锂电池注液后静置时间优化",
                        "电芯注液后需要静置48小时浸润，占用产能，希望通过工艺与设备改进把浸润时间缩短一半。"))
                .when().post("/api/demands/duplicate-check").then().statusCode(200).body("candidates", empty());
    }

    @Test
    void closedDemandIsNoLongerACandidate() {
        String firstId = Demands.createdId(body(Demands.newOrganisation(), "电梯运行安全远程监测",
                "公司维保电梯3000台，需要加装物联网监测终端，实时监测困人、冲顶、蹲底等故障并自动报警，按需维保。"));
        String organisation = Demands.newOrganisation();
        Map<String, Object> copy = body(organisation, "电梯物联网远程安全监测与按需维保",
                "我们维保约3000台电梯，希望加装物联网终端实时监测困人、冲顶和蹲底等故障并自动报警，推动按需维保。");
        Demands.asOwner(organisation).contentType(ContentType.JSON).body(copy).when().post("/api/demands/duplicate-check")
                .then().statusCode(200).body("candidates.id", hasItem(firstId));
        Demands.changeStatus(firstId, "close", 1).statusCode(200);
        Demands.asOwner(organisation).contentType(ContentType.JSON).body(copy).when().post("/api/demands/duplicate-check")
                .then().statusCode(200).body("candidates.id", not(hasItem(firstId)));
    }

    private static Map<String, Object> body(String organisation, String title, String problem) {
        Map<String, Object> body = Demands.validBody(organisation);
        if (organisation == null) {
            body.remove("organisationId");
        }
        body.put("title", title);
        body.put("problem", problem);
        body.put("indicators", null);
        return body;
    }
}
