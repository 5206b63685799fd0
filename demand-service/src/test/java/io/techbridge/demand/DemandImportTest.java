package io.techbridge.demand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.deploy.local.testing.TopicReader;
import io.techbridge.events.ImportJobPayload;
import io.techbridge.listing.testing.ImportEvents;
import io.techbridge.listing.testing.LargeUploads;
import io.techbridge.listing.testing.SheetFiles;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk import of demands from enterprise demand registration forms: good rows become OPEN demands
 * with one DemandCreated each, bad rows are reported by row and column and leave nothing behind;
 * the enterprise is told once on import-events when its import ends.
 */
@QuarkusTest
@RealServers
class DemandImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMPORTS = "/api/demands/imports";

    @Inject
    AgroalDataSource dataSource;

    /** The same sheet as an office uploads it: an Excel workbook, or CSV saved by Excel in GBK. */
    enum Upload {
        XLSX(SheetFiles.XLSX) {
            byte[] file(List<String> header, List<List<String>> rows) {
                return DemandImportSheets.xlsx(header, rows);
            }
        },
        CSV_GBK("text/csv") {
            byte[] file(List<String> header, List<List<String>> rows) {
                return SheetFiles.csv(header, rows, Charset.forName("GBK"), false);
            }
        },
        CSV_UTF8_WITH_BOM("text/csv") {
            byte[] file(List<String> header, List<List<String>> rows) {
                return SheetFiles.csv(header, rows, StandardCharsets.UTF_8, true);
            }
        };

        final String contentType;

        Upload(String contentType) {
            this.contentType = contentType;
        }

        abstract byte[] file(List<String> header, List<List<String>> rows);
    }

    @ParameterizedTest
    @EnumSource(Upload.class)
    void goodRowsBecomeOpenDemandsWithOneEventEachAndBadRowsAreReportedExactlyWithNothingStored(Upload upload) {
        String organisation = Demands.newOrganisation();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String inHalfAYear = Demands.today().plusDays(180).toString();
        List<List<String>> rows = new ArrayList<>();

        rows.add(DemandImportSheets.goodRow("导入需求甲-" + tag, 1));                                  // row 2
        List<String> unknownFieldBadPhone = DemandImportSheets.goodRow("导入坏行三-" + tag, 3);         // row 3
        DemandImportSheets.set(unknownFieldBadPhone, "技术领域", "量子玄学");
        DemandImportSheets.set(unknownFieldBadPhone, "联系电话", "12345");
        rows.add(unknownFieldBadPhone);
        rows.add(Collections.nCopies(DemandImportSheets.HEADER.size(), ""));                            // row 4, blank
        List<String> second = DemandImportSheets.goodRow("导入需求乙-" + tag, 5);                      // row 5
        DemandImportSheets.set(second, "技术领域", "高分子材料");
        DemandImportSheets.set(second, "预算（万元）", "面议");
        DemandImportSheets.set(second, "有效期至", Demands.today().plusDays(90).getYear() + "年"
                + Demands.today().plusDays(90).getMonthValue() + "月" + Demands.today().plusDays(90).getDayOfMonth() + "日");
        DemandImportSheets.set(second, "成熟度要求", "中期");
        DemandImportSheets.set(second, "保密要求", "公开");
        DemandImportSheets.set(second, "合作方式", "技术转让");
        DemandImportSheets.set(second, "技术指标", "");
        DemandImportSheets.set(second, "电子邮箱", "");
        rows.add(second);
        List<String> noTitleBadBudget = DemandImportSheets.goodRow("", 6);                             // row 6
        DemandImportSheets.set(noTitleBadBudget, "预算（万元）", "很多");
        rows.add(noTitleBadBudget);
        List<String> pastAndTooMature = DemandImportSheets.goodRow("导入坏行七-" + tag, 7);            // row 7
        DemandImportSheets.set(pastAndTooMature, "有效期至", "2020-01-01");
        DemandImportSheets.set(pastAndTooMature, "成熟度要求", "TRL12");
        rows.add(pastAndTooMature);
        List<String> third = DemandImportSheets.goodRow("导入需求丙-" + tag, 8);                       // row 8
        DemandImportSheets.set(third, "预算（万元）", "80");
        DemandImportSheets.set(third, "成熟度要求", "");
        DemandImportSheets.set(third, "保密要求", "");
        DemandImportSheets.set(third, "联系电话", "");
        rows.add(third);

        String job = upload(TestTokens.enterprise(organisation), upload.contentType,
                upload.file(DemandImportSheets.HEADER, rows))
                .then().statusCode(202)
                .body("status", equalTo("QUEUED"))
                .body("total", equalTo(6))
                .body("fileName", equalTo("企业技术需求登记表"))
                .header("Location", containsString(IMPORTS + "/"))
                .extract().path("id");

        JsonPath finished = awaitFinished(organisation, job);
        assertEquals("DONE", finished.getString("status"));
        assertEquals(6, finished.getInt("total"));
        assertEquals(6, finished.getInt("done"));
        assertEquals(3, finished.getInt("imported"));
        assertEquals(3, finished.getInt("failed"));

        List<Map<String, Object>> errors = Demands.asOwner(organisation).accept("application/json")
                .get(IMPORTS + "/" + job + "/errors")
                .then().statusCode(200).contentType(containsString("application/json"))
                .extract().jsonPath().getList("$");
        assertEquals(List.of(
                        Map.of("row", 3, "column", "技术领域",
                                "problem", "\"量子玄学\" is neither a technical field code such as 04.02 nor the name of a field or sub-field"),
                        Map.of("row", 3, "column", "联系电话",
                                "problem", "\"12345\" must be a mobile number (1xxxxxxxxxx) or a landline (0xx-xxxxxxxx)"),
                        Map.of("row", 6, "column", "*需求名称", "problem", "must not be blank"),
                        Map.of("row", 6, "column", "预算（万元）",
                                "problem", "\"很多\" must be 面议, an amount in 万元 such as 50 or a range such as 50-200"),
                        Map.of("row", 7, "column", "有效期至", "problem", "must be a future date"),
                        Map.of("row", 7, "column", "成熟度要求", "problem", "\"12\" must be less than or equal to 9")),
                errors);

        // The downloadable report: UTF-8 with BOM, so Excel shows the Chinese; the same lines.
        byte[] csv = Demands.asOwner(organisation).get(IMPORTS + "/" + job + "/errors")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .extract().asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        assertEquals(List.of(
                        "行号,列,问题",
                        "3,技术领域,\"\"\"量子玄学\"\" is neither a technical field code such as 04.02 nor the name of a field or sub-field\"",
                        "3,联系电话,\"\"\"12345\"\" must be a mobile number (1xxxxxxxxxx) or a landline (0xx-xxxxxxxx)\"",
                        "6,*需求名称,must not be blank",
                        "6,预算（万元）,\"\"\"很多\"\" must be 面议, an amount in 万元 such as 50 or a range such as 50-200\"",
                        "7,有效期至,must be a future date",
                        "7,成熟度要求,\"\"\"12\"\" must be less than or equal to 9\""),
                new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList());

        // Only the good rows were stored: OPEN demands of the uploading organisation, every field read.
        JsonPath stored = Demands.asOwner(organisation).queryParam("organisationId", organisation)
                .queryParam("size", 100).get("/api/demands").then().statusCode(200).extract().jsonPath();
        assertEquals(3, stored.getInt("totalItems"));
        Map<String, String> idsByTitle = stored.getList("items", Map.class).stream()
                .collect(Collectors.toMap(d -> (String) d.get("title"), d -> (String) d.get("id")));
        assertEquals(Set.of("导入需求甲-" + tag, "导入需求乙-" + tag, "导入需求丙-" + tag), idsByTitle.keySet());

        Demands.asOwner(organisation).get("/api/demands/" + idsByTitle.get("导入需求甲-" + tag))
                .then().statusCode(200)
                .body("organisationId", equalTo(organisation))
                .body("status", equalTo("OPEN"))
                .body("version", equalTo(1))
                .body("enterprise", equalTo("浙江恒宇铝型材有限公司"))
                .body("problem", startsWith("铝型材出厂前表面瑕疵全部靠人工目检"))
                .body("indicators", equalTo("可识别不少于8类瑕疵，漏检率不高于1%，线速度不低于60米每分钟。"))
                .body("fieldCode", equalTo("08.03"))
                .body("keywords", equalTo(List.of("铝型材", "表面瑕疵", "机器视觉")))
                .body("budget.minCny", equalTo(500_000))
                .body("budget.maxCny", equalTo(1_000_000))
                .body("budget.negotiable", equalTo(false))
                .body("validUntil", equalTo(inHalfAYear))
                .body("regionCode", equalTo("330500"))
                .body("cooperationModes", equalTo(List.of("LICENSE", "JOINT_DEVELOPMENT")))
                .body("minTrl", equalTo(6))
                .body("confidentiality", equalTo("BROKERS_ONLY"))
                .body("challenge", nullValue())
                .body("contact.name", equalTo("沈建国"))
                .body("contact.phone", equalTo("13857261843"))
                .body("contact.email", equalTo("shenjg@hengyu-al.com"));
        Demands.asOwner(organisation).get("/api/demands/" + idsByTitle.get("导入需求乙-" + tag))
                .then().statusCode(200)
                .body("fieldCode", equalTo("04.03"))
                .body("budget.negotiable", equalTo(true))
                .body("validUntil", equalTo(Demands.today().plusDays(90).toString()))
                .body("minTrl", equalTo(5))
                .body("confidentiality", equalTo("PUBLIC"))
                .body("cooperationModes", equalTo(List.of("ASSIGNMENT")))
                .body("indicators", nullValue())
                .body("contact.email", nullValue());
        Demands.asOwner(organisation).get("/api/demands/" + idsByTitle.get("导入需求丙-" + tag))
                .then().statusCode(200)
                .body("budget.minCny", equalTo(800_000))
                .body("budget.maxCny", equalTo(800_000))
                .body("minTrl", nullValue())
                .body("confidentiality", equalTo("PUBLIC"))
                .body("contact.phone", nullValue())
                .body("contact.email", equalTo("shenjg@hengyu-al.com"));

        // Exactly one DemandCreated per good row on demand-events, and nothing at all of a bad row.
        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), "demand-events")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> eventsOf(reader, organisation).size() >= 3);
            List<JsonNode> events = eventsOf(reader, organisation);
            assertEquals(3, events.size(), events::toString);
            assertEquals(Set.copyOf(idsByTitle.values()),
                    events.stream().map(e -> e.get("aggregateId").asText()).collect(Collectors.toSet()));
            assertTrue(events.stream().allMatch(e -> e.get("type").asText().equals("DemandCreated")
                    && e.get("aggregateVersion").asLong() == 1));
        }

        // The enterprise is told once that its import ended, with the job's final counts.
        ImportJobPayload ended = ImportEvents.onlyEventOf(dataSource, job);
        assertEquals("DEMAND", ended.listingType());
        assertEquals(organisation, ended.organisationId());
        assertEquals(organisation, ended.uploaderOrganisationId());
        assertEquals("DONE", ended.status());
        assertEquals(6, ended.rowsTotal());
        assertEquals(3, ended.rowsImported());
        assertEquals(3, ended.rowsFailed());
        ImportEvents.assertDescribes(finished, ended);
    }

    @Test
    void anAdminImportsGovernmentSetChallengesForTheOrganisationItNamesAndThatEnterpriseFollowsTheJob() {
        String organisation = Demands.newOrganisation();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] file = SheetFiles.utf8Csv(DemandImportSheets.CHALLENGE_HEADER,
                List.of(DemandImportSheets.asChallenge(DemandImportSheets.goodRow("管理员代录揭榜-" + tag, 1))));
        String job = Demands.as(TestTokens.admin()).contentType("text/csv").body(file)
                .queryParam("organisationId", organisation).queryParam("duplicates", "confirmed").post(IMPORTS)
                .then().statusCode(202).extract().path("id");
        JsonPath finished = awaitFinished(organisation, job);
        assertEquals(1, finished.getInt("imported"));
        // The enterprise the rows are for is the one told, not the operator who uploaded them.
        ImportJobPayload ended = ImportEvents.onlyEventOf(dataSource, job);
        assertEquals(organisation, ended.organisationId());
        assertEquals(TestTokens.OPERATOR_ORGANISATION, ended.uploaderOrganisationId());
        assertEquals("DONE", ended.status());
        assertEquals(1, ended.rowsImported());
        ImportEvents.assertDescribes(finished, ended);
        Demands.asOwner(organisation).queryParam("organisationId", organisation).get("/api/demands")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].title", equalTo("管理员代录揭榜-" + tag))
                .body("items[0].organisationId", equalTo(organisation))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].challenge.bountyCny", equalTo(2000000))
                .body("items[0].challenge.goal", equalTo("三个月内在产线验证瑕疵识别，漏检率不高于1%"))
                .body("items[0].challenge.applicationDeadline", equalTo(Demands.today().plusDays(30).toString()));
    }

    /**
     * An admin may post only a government-set challenge (POST /api/demands answers 403 for an
     * ordinary demand): its import is held to the same rule, row by row, whatever organisation it names.
     */
    @Test
    void anAdminsImportOfOrdinaryDemandsIsRefusedRowByRowAsItsPostWouldBe() {
        String organisation = Demands.newOrganisation();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Demands.create(Demands.validBody(organisation), TestTokens.admin()).statusCode(403)
                .contentType("application/problem+json");
        for (List<String> header : List.of(DemandImportSheets.HEADER, DemandImportSheets.CHALLENGE_HEADER)) {
            List<String> row = DemandImportSheets.goodRow("管理员代录普通需求-" + tag, 1);
            byte[] file = SheetFiles.utf8Csv(header, List.of(header.size() == row.size() ? row
                    : DemandImportSheets.withoutChallenge(row)));
            String job = Demands.as(TestTokens.admin()).contentType("text/csv").body(file)
                    .queryParam("organisationId", organisation).queryParam("duplicates", "confirmed").post(IMPORTS)
                    .then().statusCode(202).extract().path("id");
            JsonPath finished = awaitFinished(organisation, job);
            assertEquals(0, finished.getInt("imported"));
            assertEquals(1, finished.getInt("failed"));
            Demands.asOwner(organisation).accept("application/json").get(IMPORTS + "/" + job + "/errors")
                    .then().statusCode(200)
                    .body("[0].row", equalTo(2))
                    .body("[0].problem", containsString("government-set open challenges (揭榜挂帅)"))
                    .body("[0].problem", containsString("揭榜目标"));
        }
        assertNothingStoredFor(organisation);
    }

    @Test
    void anAdminNamesTheEnterpriseItImportsForNotItsOwnOrganisation() {
        byte[] file = SheetFiles.utf8Csv(DemandImportSheets.CHALLENGE_HEADER,
                List.of(DemandImportSheets.asChallenge(DemandImportSheets.goodRow("管理员为本机构导入", 1))));
        Demands.as(TestTokens.admin()).contentType("text/csv").body(file)
                .queryParam("organisationId", TestTokens.OPERATOR_ORGANISATION).post(IMPORTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("organisationId"))
                .body("violations[0].rule", equalTo("NotOwn"));
        assertNothingStoredFor(TestTokens.OPERATOR_ORGANISATION);
    }

    @Test
    void anEnterpriseImportsAChallengeOfItsOwnLikeAnyDemand() {
        String organisation = Demands.newOrganisation();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> challenge = DemandImportSheets.asChallenge(DemandImportSheets.goodRow("企业自设揭榜-" + tag, 1));
        List<String> ordinary = DemandImportSheets.withoutChallenge(DemandImportSheets.goodRow("企业普通需求-" + tag, 2));
        List<String> late = DemandImportSheets.asChallenge(DemandImportSheets.goodRow("评审晚于有效期-" + tag, 3));
        late.set(late.size() - 1, Demands.today().plusDays(400).toString());
        String job = upload(TestTokens.enterprise(organisation), "text/csv",
                SheetFiles.utf8Csv(DemandImportSheets.CHALLENGE_HEADER, List.of(challenge, ordinary, late)))
                .then().statusCode(202).extract().path("id");
        JsonPath finished = awaitFinished(organisation, job);
        assertEquals(2, finished.getInt("imported"));
        assertEquals(1, finished.getInt("failed"));
        Demands.asOwner(organisation).accept("application/json").get(IMPORTS + "/" + job + "/errors")
                .then().statusCode(200).body("[0].row", equalTo(4)).body("[0].column", equalTo("评审截止日期"));
        Demands.asOwner(organisation).queryParam("organisationId", organisation).queryParam("q", "企业自设揭榜-" + tag)
                .get("/api/demands").then().statusCode(200).body("items[0].challenge.bountyCny", equalTo(2000000));
        Demands.asOwner(organisation).queryParam("organisationId", organisation).queryParam("q", "企业普通需求-" + tag)
                .get("/api/demands").then().statusCode(200).body("items[0].challenge", nullValue());
    }

    @Test
    void onlyEnterprisesForTheirOwnOrganisationAndAdminsNamingOneMayImport() {
        String organisation = Demands.newOrganisation();
        byte[] file = SheetFiles.utf8Csv(DemandImportSheets.HEADER,
                List.of(DemandImportSheets.goodRow("权限测试需求", 1)));
        Demands.as(null).contentType("text/csv").body(file).post(IMPORTS)
                .then().statusCode(401).contentType("application/problem+json");
        Demands.as(TestTokens.university(organisation)).contentType("text/csv").body(file).post(IMPORTS)
                .then().statusCode(403).contentType("application/problem+json");
        Demands.as(TestTokens.broker()).contentType("text/csv").body(file).post(IMPORTS)
                .then().statusCode(403).contentType("application/problem+json");
        Demands.as(TestTokens.enterprise(organisation)).contentType("text/csv").body(file)
                .queryParam("organisationId", Demands.newOrganisation()).post(IMPORTS)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("only for your own organisation"));
        Demands.as(TestTokens.admin()).contentType("text/csv").body(file).post(IMPORTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("organisationId"))
                .body("detail", containsString("organisationId"));
        assertNothingStoredFor(organisation);
    }

    @Test
    void aJobIsVisibleToItsOrganisationBrokersAndAdminsOnly() {
        String organisation = Demands.newOrganisation();
        List<String> bad = DemandImportSheets.goodRow("权限测试坏行", 1);
        DemandImportSheets.set(bad, "技术领域", "无此领域");
        String job = upload(TestTokens.enterprise(organisation), "text/csv",
                SheetFiles.utf8Csv(DemandImportSheets.HEADER, List.of(bad)))
                .then().statusCode(202).extract().path("id");
        awaitFinished(organisation, job);

        for (String path : List.of(IMPORTS + "/" + job, IMPORTS + "/" + job + "/errors")) {
            Demands.as(null).get(path).then().statusCode(401).contentType("application/problem+json");
            Demands.as(TestTokens.enterprise(Demands.newOrganisation())).get(path)
                    .then().statusCode(404).contentType("application/problem+json");
            Demands.as(TestTokens.university(Demands.newOrganisation())).get(path)
                    .then().statusCode(404).contentType("application/problem+json");
            Demands.as(TestTokens.broker()).accept("application/json").get(path).then().statusCode(200);
            Demands.as(TestTokens.admin()).accept("application/json").get(path).then().statusCode(200);
        }
        Demands.as(TestTokens.broker()).accept("application/json").get(IMPORTS + "/" + job + "/errors")
                .then().body("[0].row", equalTo(2)).body("[0].column", equalTo("技术领域"));
        Demands.asOwner(organisation).get(IMPORTS + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnknownColumnIsRefusedByNameBeforeAnyRowIsStored() {
        String organisation = Demands.newOrganisation();
        List<String> header = new ArrayList<>(DemandImportSheets.HEADER);
        header.add("备注栏");
        List<String> row = DemandImportSheets.goodRow("带未知列的需求", 1);
        row.add("随便写写");
        upload(TestTokens.enterprise(organisation), "text/csv", SheetFiles.utf8Csv(header, List.of(row)))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("unknown column(s) 备注栏"))
                .body("violations.field", hasItem("备注栏"));
        assertNothingStoredFor(organisation);
    }

    @Test
    void aMissingRequiredColumnIsRefusedByNameBeforeAnyRowIsStored() {
        String organisation = Demands.newOrganisation();
        int validity = DemandImportSheets.HEADER.indexOf("有效期至");
        List<String> header = new ArrayList<>(DemandImportSheets.HEADER);
        header.remove(validity);
        List<String> row = DemandImportSheets.goodRow("缺有效期列的需求", 1);
        row.remove(validity);
        upload(TestTokens.enterprise(organisation), SheetFiles.XLSX, DemandImportSheets.xlsx(header, List.of(row)))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("missing required column(s) 有效期"))
                .body("violations.field", hasItem("有效期"));
        assertNothingStoredFor(organisation);
    }

    @Test
    void aFileWithMoreRowsThanTheLimitIsRefusedBeforeAnyRowIsStored() {
        String organisation = Demands.newOrganisation();
        List<String> row = DemandImportSheets.goodRow("超出行数限制的需求", 1);
        upload(TestTokens.enterprise(organisation), "text/csv",
                SheetFiles.utf8Csv(DemandImportSheets.HEADER, Collections.nCopies(20_001, row)))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("20001 data rows; at most 20000"))
                .body("context.maxRows", equalTo(20000));
        assertNothingStoredFor(organisation);
    }

    @Test
    void aFileLargerThanTheLimitGets413() throws Exception {
        String organisation = Demands.newOrganisation();
        LargeUploads.assertRefusedAsTooLarge(io.restassured.RestAssured.port, IMPORTS, TestTokens.enterprise(organisation), "企业技术需求登记表");
        assertNothingStoredFor(organisation);
    }

    @Test
    void anUnreadableWorkbookIsRefused() {
        upload(TestTokens.enterprise(Demands.newOrganisation()), SheetFiles.XLSX,
                "不是表格".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not a readable .xlsx workbook"));
    }

    /**
     * These sheets repeat one form row with small changes, so their rows are near-duplicates of each
     * other and of the other tests' rows: the upload confirms that (duplicate checking on import has
     * its own tests, DemandImportDuplicatesTest).
     */
    private static Response upload(String token, String contentType, byte[] file) {
        RequestSpecification request = Demands.as(token).contentType(contentType).body(file)
                .queryParam("fileName", "企业技术需求登记表").queryParam("duplicates", "confirmed");
        return request.post(IMPORTS);
    }

    private static JsonPath awaitFinished(String organisation, String job) {
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            String status = Demands.asOwner(organisation).get(IMPORTS + "/" + job)
                    .then().statusCode(200).extract().path("status");
            return status.equals("DONE") || status.equals("FAILED");
        });
        return Demands.asOwner(organisation).get(IMPORTS + "/" + job).then().extract().jsonPath();
    }

    private static void assertNothingStoredFor(String organisation) {
        Demands.asOwner(organisation).queryParam("organisationId", organisation).get("/api/demands")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    private static List<JsonNode> eventsOf(TopicReader reader, String organisation) {
        return reader.poll().stream().map(r -> {
            try {
                return JSON.readTree(r.value());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).filter(e -> organisation.equals(e.path("payload").path("organisationId").asText())).toList();
    }
}
