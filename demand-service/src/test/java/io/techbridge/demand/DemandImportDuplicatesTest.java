package io.techbridge.demand;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.listing.testing.SheetFiles;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An import checks each row for near-duplicates as a create does — against the posted demands of
 * every organisation and the earlier rows of its own file — and reports a possible duplicate in the
 * error report with its candidates instead of storing it, unless the upload says ?duplicates=confirmed.
 */
@QuarkusTest
@RealServers
class DemandImportDuplicatesTest {

    private static final String IMPORTS = "/api/demands/imports";
    private static final String TITLE = "*需求名称";
    private static final String PROBLEM = "拟解决的技术难题";
    private static final Random RANDOM = new Random();

    @Test
    void rowsRepeatingAnotherOrganisationsDemandAreReportedWithTheCandidateAndNothingOfThemIsStored() {
        String tag = SheetFiles.randomHan(RANDOM, 6);
        String text = SheetFiles.randomHan(RANDOM, 30);
        Map<String, Object> posted = Demands.validBody(Demands.newOrganisation());
        posted.put("title", "注塑件" + tag + "缩痕与翘曲在线检测");
        posted.put("problem", "注塑车间目前依靠人工抽检，" + text + "，希望实现全检并自动剔除不良品。");
        String postedId = Demands.createdId(posted);

        String organisation = Demands.newOrganisation();
        List<String> first = DemandImportSheets.distinctRow(RANDOM, 1);                     // row 2
        List<String> reworded = DemandImportSheets.distinctRow(RANDOM, 2);                  // row 3
        DemandImportSheets.set(reworded, TITLE, "注塑件" + tag + "缩痕翘曲在线检测");
        DemandImportSheets.set(reworded, PROBLEM, "注塑车间现在靠人工抽检，" + text + "，希望做到全检并自动剔除不良品。");
        List<String> last = DemandImportSheets.distinctRow(RANDOM, 3);                      // row 4

        String job = upload(TestTokens.enterprise(organisation), null, List.of(first, reworded, last), false);
        JsonPath finished = awaitFinished(organisation, job);
        assertEquals("DONE", finished.getString("status"));
        assertEquals(2, finished.getInt("imported"));
        assertEquals(1, finished.getInt("failed"));

        List<Map<String, Object>> errors = errors(organisation, job);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(3, errors.getFirst().get("row"));
        assertEquals("需求名称", errors.getFirst().get("column"));
        String problem = (String) errors.getFirst().get("problem");
        assertTrue(problem.startsWith("可能与已有需求重复：" + postedId + "《" + posted.get("title") + "》(相似度 0."), problem);

        Demands.asOwner(organisation).queryParam("organisationId", organisation).get("/api/demands")
                .then().statusCode(200).body("totalItems", equalTo(2))
                .body("items.title", hasItems(first.getFirst(), last.getFirst()));
    }

    @Test
    void aSheetWithTwoNearIdenticalRowsStoresTheFirstAndReportsTheSecond() {
        String organisation = Demands.newOrganisation();
        List<List<String>> rows = twinRows();

        String job = upload(TestTokens.enterprise(organisation), null, rows, false);
        JsonPath finished = awaitFinished(organisation, job);
        assertEquals(2, finished.getInt("imported"));
        assertEquals(1, finished.getInt("failed"));

        List<Map<String, Object>> listed = Demands.asOwner(organisation).queryParam("organisationId", organisation)
                .get("/api/demands").then().statusCode(200).body("totalItems", equalTo(2))
                .extract().jsonPath().getList("items");
        String firstId = listed.stream().filter(d -> d.get("title").equals(rows.get(0).getFirst()))
                .map(d -> (String) d.get("id")).findFirst().orElseThrow();
        List<Map<String, Object>> errors = errors(organisation, job);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(3, errors.getFirst().get("row"));
        assertEquals("需求名称", errors.getFirst().get("column"));
        assertTrue(((String) errors.getFirst().get("problem"))
                .startsWith("可能与已有需求重复：" + firstId + "《" + rows.get(0).getFirst() + "》"), errors.toString());
    }

    @Test
    void theSameUploadWithDuplicatesConfirmedImportsThemAndIndexesThem() {
        String organisation = Demands.newOrganisation();
        List<List<String>> rows = twinRows();

        String job = upload(TestTokens.enterprise(organisation), null, rows, true);
        JsonPath finished = awaitFinished(organisation, job);
        assertEquals(3, finished.getInt("imported"));
        assertEquals(0, finished.getInt("failed"));
        assertTrue(finished.getBoolean("duplicatesConfirmed"));
        assertTrue(errors(organisation, job).isEmpty());

        // Both twins are in the index: a create of the same demand is told of both.
        Map<String, Object> again = Demands.validBody(organisation);
        again.put("title", rows.get(0).getFirst());
        again.put("problem", rows.get(0).get(DemandImportSheets.HEADER.indexOf(PROBLEM)));
        List<String> candidates = Demands.asOwner(organisation).contentType(ContentType.JSON).body(again)
                .post("/api/demands/duplicate-check").then().statusCode(200)
                .extract().jsonPath().getList("candidates.title");
        assertEquals(2, candidates.stream().filter(t -> t.equals(rows.get(0).getFirst()) || t.equals(rows.get(1).getFirst()))
                .count(), candidates.toString());
    }

    @Test
    void aConfidentialCandidateIsAnonymisedWithoutIdOrSimilarityForAnEnterpriseUploaderAndShownToAnAdmin() {
        String tag = SheetFiles.randomHan(RANDOM, 6);
        Map<String, Object> confidential = Demands.validBody(Demands.newOrganisation());
        confidential.put("confidentiality", "BROKERS_ONLY");
        confidential.put("title", "锂电隔膜" + tag + "涂覆均匀性在线监测");
        confidential.put("problem", "隔膜涂覆后厚度波动大，" + SheetFiles.randomHan(RANDOM, 30) + "，需要在线监测并闭环调节。");
        String confidentialId = Demands.createdId(confidential);

        List<String> copy = DemandImportSheets.distinctRow(RANDOM, 1);
        DemandImportSheets.set(copy, TITLE, (String) confidential.get("title"));
        DemandImportSheets.set(copy, PROBLEM, (String) confidential.get("problem"));

        String enterprise = Demands.newOrganisation();
        String job = upload(TestTokens.enterprise(enterprise), null, List.of(copy), false);
        assertEquals(1, awaitFinished(enterprise, job).getInt("failed"));
        String hidden = (String) errors(enterprise, job).getFirst().get("problem");
        assertTrue(hidden.startsWith("可能与已有需求重复：《另一机构的需求》(名称相似、内容相似)"), hidden);
        assertFalse(hidden.contains(tag) || hidden.contains(confidentialId) || hidden.contains("相似度"), hidden);

        // The operator importing a challenge on an enterprise's behalf sees every demand, so it is told which one.
        String forEnterprise = Demands.newOrganisation();
        String adminJob = upload(TestTokens.admin(), forEnterprise, DemandImportSheets.CHALLENGE_HEADER,
                List.of(DemandImportSheets.asChallenge(copy)), false);
        assertEquals(1, awaitFinished(forEnterprise, adminJob).getInt("failed"));
        String shown = (String) errors(forEnterprise, adminJob).getFirst().get("problem");
        assertTrue(shown.startsWith("可能与已有需求重复：" + confidentialId + "《" + confidential.get("title") + "》"), shown);
    }

    /** Rows 2 and 3 the same demand in slightly other words, row 4 another one. */
    private static List<List<String>> twinRows() {
        String tag = SheetFiles.randomHan(RANDOM, 6);
        String text = SheetFiles.randomHan(RANDOM, 30);
        List<String> first = DemandImportSheets.distinctRow(RANDOM, 1);
        DemandImportSheets.set(first, TITLE, "铸件" + tag + "内部气孔无损检测");
        DemandImportSheets.set(first, PROBLEM, "铝合金压铸件内部气孔靠抽样剖切，" + text + "，希望无损全检。");
        List<String> twin = DemandImportSheets.distinctRow(RANDOM, 2);
        DemandImportSheets.set(twin, TITLE, "铸件" + tag + "内部气孔的无损检测");
        DemandImportSheets.set(twin, PROBLEM, "铝合金压铸件内部气孔依靠抽样剖切，" + text + "，希望实现无损全检。");
        return List.of(first, twin, DemandImportSheets.distinctRow(RANDOM, 3));
    }

    private static String upload(String token, String organisationId, List<List<String>> rows, boolean confirmed) {
        return upload(token, organisationId, DemandImportSheets.HEADER, rows, confirmed);
    }

    private static String upload(String token, String organisationId, List<String> header, List<List<String>> rows,
            boolean confirmed) {
        RequestSpecification request = Demands.as(token).contentType("text/csv")
                .body(SheetFiles.utf8Csv(header, rows))
                .queryParam("fileName", "企业技术需求登记表");
        if (organisationId != null) {
            request.queryParam("organisationId", organisationId);
        }
        if (confirmed) {
            request.queryParam("duplicates", "confirmed");
        }
        return request.post(IMPORTS).then().statusCode(202).extract().path("id");
    }

    private static JsonPath awaitFinished(String organisation, String job) {
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            String status = Demands.asOwner(organisation).get(IMPORTS + "/" + job)
                    .then().statusCode(200).extract().path("status");
            return status.equals("DONE") || status.equals("FAILED");
        });
        return Demands.asOwner(organisation).get(IMPORTS + "/" + job).then().extract().jsonPath();
    }

    private static List<Map<String, Object>> errors(String organisation, String job) {
        return Demands.asOwner(organisation).accept("application/json").get(IMPORTS + "/" + job + "/errors")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }
}
