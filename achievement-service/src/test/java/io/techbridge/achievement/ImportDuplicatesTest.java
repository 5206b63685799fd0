package io.techbridge.achievement;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.techbridge.listing.testing.SheetFiles;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
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
 * An import checks each row for near-duplicates as a create does — against the registered
 * achievements of every organisation and the earlier rows of its own file — and reports a possible
 * duplicate in the error report with its candidates instead of storing it, unless the upload says
 * ?duplicates=confirmed.
 */
@QuarkusTest
@RealServers
class ImportDuplicatesTest {

    private static final String IMPORTS = "/api/achievements/imports";
    private static final Random RANDOM = new Random();

    @Test
    void rowsRepeatingAnotherOrganisationsAchievementAreReportedWithTheCandidateAndNothingOfThemIsStored() {
        String tag = SheetFiles.randomHan(RANDOM, 6);
        int patent = patentNumber();
        Map<String, Object> registered = Achievements.validBody(Achievements.newOrganisation());
        registered.put("title", "退役动力电池" + tag + "梯次利用与拆解回收技术");
        String body = SheetFiles.randomHan(RANDOM, 30);
        registered.put("summary", "针对退役动力电池，采用" + body + "，实现储能场景再利用，残值评估误差小于5%。");
        registered.put("patentNumbers", new ArrayList<>(List.of(String.format("ZL2021%08d.2", patent))));
        String registeredId = Achievements.createdId(registered);

        String organisation = Achievements.newOrganisation();
        List<List<String>> rows = new ArrayList<>();
        List<String> first = ImportSheets.distinctRow(RANDOM, patentNumber());                  // row 2
        rows.add(first);
        List<String> reworded = ImportSheets.distinctRow(RANDOM, patentNumber());               // row 3
        ImportSheets.set(reworded, "*成果名称", "废旧动力电池" + tag + "梯次利用及拆解回收技术");
        ImportSheets.set(reworded, "成果简介", "面向废旧动力电池，通过" + body + "，在储能场景中再利用，残值评估误差低于5%。");
        rows.add(reworded);
        List<String> samePatent = ImportSheets.distinctRow(RANDOM, patent);                     // row 4
        // The same patent written as offices do: without ZL and check digit.
        ImportSheets.set(samePatent, "专利号", String.format("CN2021%08d", patent));
        rows.add(samePatent);
        List<String> last = ImportSheets.distinctRow(RANDOM, patentNumber());                   // row 5
        rows.add(last);

        String job = upload(organisation, rows, false);
        JsonPath finished = awaitFinished(organisation, job);
        assertEquals("DONE", finished.getString("status"));
        assertEquals(2, finished.getInt("imported"));
        assertEquals(2, finished.getInt("failed"));

        List<Map<String, Object>> errors = errors(organisation, job);
        assertEquals(2, errors.size(), errors.toString());
        assertEquals(3, errors.get(0).get("row"));
        assertEquals("成果名称", errors.get(0).get("column"));
        String rewordedProblem = (String) errors.get(0).get("problem");
        assertTrue(rewordedProblem.startsWith("可能与已有成果重复：" + registeredId + "《" + registered.get("title") + "》"),
                rewordedProblem);
        assertTrue(rewordedProblem.contains("相似度 0.") && rewordedProblem.contains("内容相似"), rewordedProblem);
        assertEquals(4, errors.get(1).get("row"));
        String patentProblem = (String) errors.get(1).get("problem");
        assertTrue(patentProblem.contains(registeredId + "《" + registered.get("title") + "》(相似度 1.00, 相同专利号"),
                patentProblem);

        Achievements.asOwner(organisation).queryParam("organisationId", organisation).get("/api/achievements")
                .then().statusCode(200).body("totalItems", equalTo(2))
                .body("items.title", hasItems(first.getFirst(), last.getFirst()));
    }

    @Test
    void aSheetWithTwoNearIdenticalRowsStoresTheFirstAndReportsTheSecond() {
        String organisation = Achievements.newOrganisation();
        List<List<String>> rows = twinRows();

        String job = upload(organisation, rows, false);
        JsonPath finished = awaitFinished(organisation, job);
        assertEquals(2, finished.getInt("imported"));
        assertEquals(1, finished.getInt("failed"));

        List<Map<String, Object>> listed = Achievements.asOwner(organisation).queryParam("organisationId", organisation)
                .get("/api/achievements").then().statusCode(200).body("totalItems", equalTo(2))
                .extract().jsonPath().getList("items");
        String firstId = listed.stream().filter(a -> a.get("title").equals(rows.get(0).getFirst()))
                .map(a -> (String) a.get("id")).findFirst().orElseThrow();
        List<Map<String, Object>> errors = errors(organisation, job);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(3, errors.getFirst().get("row"));
        assertEquals("成果名称", errors.getFirst().get("column"));
        assertTrue(((String) errors.getFirst().get("problem"))
                .startsWith("可能与已有成果重复：" + firstId + "《" + rows.get(0).getFirst() + "》"), errors.toString());
    }

    @Test
    void theSameUploadWithDuplicatesConfirmedImportsThemAndIndexesThem() {
        String organisation = Achievements.newOrganisation();
        List<List<String>> rows = twinRows();

        String job = upload(organisation, rows, true);
        JsonPath finished = awaitFinished(organisation, job);
        assertEquals(3, finished.getInt("imported"));
        assertEquals(0, finished.getInt("failed"));
        assertTrue(finished.getBoolean("duplicatesConfirmed"));
        assertTrue(errors(organisation, job).isEmpty());

        // Both twins are in the index: a create of the same record is told of both.
        Map<String, Object> again = Achievements.validBody(organisation);
        again.put("title", rows.get(0).getFirst());
        again.put("summary", rows.get(0).get(ImportSheets.HEADER.indexOf("成果简介")));
        again.put("patentNumbers", new ArrayList<>(List.of(String.format("ZL2021%08d.2", patentNumber()))));
        List<String> candidates = Achievements.asOwner(organisation).contentType(ContentType.JSON).body(again)
                .post("/api/achievements/duplicate-check").then().statusCode(200)
                .extract().jsonPath().getList("candidates.title");
        assertEquals(2, candidates.stream().filter(t -> t.equals(rows.get(0).getFirst()) || t.equals(rows.get(1).getFirst()))
                .count(), candidates.toString());
    }

    @Test
    void aCandidateTheUploaderMayNotSeeIsNamedAnonymisedWithoutItsIdOrSimilarity() {
        String tag = SheetFiles.randomHan(RANDOM, 6);
        Map<String, Object> draft = Achievements.validBody(Achievements.newOrganisation());
        draft.put("status", "DRAFT");
        draft.put("title", "高通量单细胞" + tag + "测序微流控芯片");
        draft.put("summary", "基于液滴微流控的单细胞转录组测序芯片，" + SheetFiles.randomHan(RANDOM, 30) + "。");
        draft.put("patentNumbers", new ArrayList<>(List.of(String.format("ZL2021%08d.2", patentNumber()))));
        String draftId = Achievements.createdId(draft);

        String organisation = Achievements.newOrganisation();
        List<String> copy = ImportSheets.distinctRow(RANDOM, patentNumber());
        ImportSheets.set(copy, "*成果名称", (String) draft.get("title"));
        ImportSheets.set(copy, "成果简介", (String) draft.get("summary"));
        String job = upload(organisation, List.of(copy), false);
        JsonPath finished = awaitFinished(organisation, job);
        assertEquals(0, finished.getInt("imported"));
        assertEquals(1, finished.getInt("failed"));

        String problem = (String) errors(organisation, job).getFirst().get("problem");
        assertTrue(problem.startsWith("可能与已有成果重复：《另一机构的成果》(名称相似、内容相似)"), problem);
        assertFalse(problem.contains(tag) || problem.contains(draftId) || problem.contains("相似度"), problem);
    }

    /** Rows 2 and 3 the same achievement in slightly other words, row 4 another one. */
    private static List<List<String>> twinRows() {
        String tag = SheetFiles.randomHan(RANDOM, 6);
        List<String> first = ImportSheets.distinctRow(RANDOM, patentNumber());
        ImportSheets.set(first, "*成果名称", "盐碱地" + tag + "改良用生物有机肥制备技术");
        String body = SheetFiles.randomHan(RANDOM, 30);
        ImportSheets.set(first, "成果简介", "以秸秆和畜禽粪便为原料，" + body + "，作物增产15%。");
        List<String> twin = ImportSheets.distinctRow(RANDOM, patentNumber());
        ImportSheets.set(twin, "*成果名称", "盐碱地" + tag + "改良生物有机肥制备技术");
        ImportSheets.set(twin, "成果简介", "以秸秆、畜禽粪便为原料，" + body + "，作物增产15%以上。");
        return List.of(first, twin, ImportSheets.distinctRow(RANDOM, patentNumber()));
    }

    /** Eight digits no other test uses (theirs are small or fixed). */
    private static int patentNumber() {
        return 20_000_000 + RANDOM.nextInt(70_000_000);
    }

    private static String upload(String organisation, List<List<String>> rows, boolean confirmed) {
        var request = Achievements.asOwner(organisation).contentType("text/csv")
                .body(SheetFiles.utf8Csv(ImportSheets.HEADER, rows)).queryParam("fileName", "科技成果登记表");
        if (confirmed) {
            request.queryParam("duplicates", "confirmed");
        }
        Response response = request.post(IMPORTS);
        return response.then().statusCode(202).extract().path("id");
    }

    private static JsonPath awaitFinished(String organisation, String job) {
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            String status = Achievements.asOwner(organisation).get(IMPORTS + "/" + job)
                    .then().statusCode(200).extract().path("status");
            return status.equals("DONE") || status.equals("FAILED");
        });
        return Achievements.asOwner(organisation).get(IMPORTS + "/" + job).then().extract().jsonPath();
    }

    private static List<Map<String, Object>> errors(String organisation, String job) {
        return Achievements.asOwner(organisation).accept("application/json").get(IMPORTS + "/" + job + "/errors")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }
}
