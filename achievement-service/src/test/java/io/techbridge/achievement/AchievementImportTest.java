package io.techbridge.achievement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.deploy.local.testing.TopicReader;
import io.techbridge.events.ImportJobPayload;
import io.techbridge.listing.imports.ImportFormat;
import io.techbridge.listing.imports.ImportJob;
import io.techbridge.listing.imports.ImportJobStore;
import io.techbridge.listing.testing.ImportEvents;
import io.techbridge.listing.testing.LargeUploads;
import io.techbridge.listing.testing.SheetFiles;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.Socket;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk import of achievements from registration-form spreadsheets: good rows become achievements with
 * their events, bad rows are reported by row and column and leave nothing behind; the organisation
 * is told once on import-events when its import ends.
 */
@QuarkusTest
@RealServers
class AchievementImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMPORTS = "/api/achievements/imports";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EntityManager entityManager;

    /** The same sheet in each file format a registration office uploads. */
    enum Upload {
        XLSX(SheetFiles.XLSX) {
            byte[] file(List<String> header, List<List<String>> rows) {
                return ImportSheets.xlsx(header, rows);
            }
        },
        CSV_UTF8_WITH_BOM("text/csv") {
            byte[] file(List<String> header, List<List<String>> rows) {
                return SheetFiles.csv(header, rows, StandardCharsets.UTF_8, true);
            }
        },
        CSV_UTF8_WITHOUT_BOM("text/csv") {
            byte[] file(List<String> header, List<List<String>> rows) {
                return SheetFiles.csv(header, rows, StandardCharsets.UTF_8, false);
            }
        },
        CSV_GBK("text/csv") {
            byte[] file(List<String> header, List<List<String>> rows) {
                return SheetFiles.csv(header, rows, Charset.forName("GBK"), false);
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
    void goodRowsAreImportedWithTheirEventsAndBadRowsAreReportedWithNothingStored(Upload upload) {
        String organisation = Achievements.newOrganisation();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<List<String>> rows = new ArrayList<>();

        List<String> first = ImportSheets.goodRow("导入成果甲-" + tag, 1);                       // row 2
        rows.add(first);
        List<String> unknownFieldAndBadPhone = ImportSheets.goodRow("导入坏行三-" + tag, 3);        // row 3
        ImportSheets.set(unknownFieldAndBadPhone, "技术领域", "量子玄学");
        ImportSheets.set(unknownFieldAndBadPhone, "联系电话", "12345");
        rows.add(unknownFieldAndBadPhone);
        rows.add(Collections.nCopies(ImportSheets.HEADER.size(), ""));                          // row 4, blank
        List<String> second = ImportSheets.goodRow("导入成果乙-" + tag, 5);                      // row 5
        ImportSheets.set(second, "技术领域", "高分子材料");
        ImportSheets.set(second, "成果所处阶段", "成熟");
        ImportSheets.set(second, "转让价格（万元）", "面议");
        ImportSheets.set(second, "转化方式", "作价入股");
        ImportSheets.set(second, "知识产权形式", "");
        ImportSheets.set(second, "专利号", "");
        ImportSheets.set(second, "完成人", "赵强");
        ImportSheets.set(second, "联系电话", "13912345678");
        ImportSheets.set(second, "电子邮箱", "");
        rows.add(second);
        List<String> noTitleBadPrice = ImportSheets.goodRow("", 6);                              // row 6
        ImportSheets.set(noTitleBadPrice, "转让价格（万元）", "很贵");
        ImportSheets.set(noTitleBadPrice, "成果简介", "没有名称的成果-" + tag);
        rows.add(noTitleBadPrice);
        List<String> badPatent = ImportSheets.goodRow("导入坏行七-" + tag, 7);                     // row 7
        ImportSheets.set(badPatent, "专利号", "123");
        rows.add(badPatent);

        String job = upload(organisation, upload.contentType, upload.file(ImportSheets.HEADER, rows))
                .then().statusCode(202)
                .body("status", equalTo("QUEUED"))
                .body("total", equalTo(5))
                .header("Location", containsString(IMPORTS + "/"))
                .extract().path("id");

        JsonPath finished = awaitFinished(organisation, job);
        assertEquals("DONE", finished.getString("status"));
        assertEquals(5, finished.getInt("total"));
        assertEquals(5, finished.getInt("done"));
        assertEquals(2, finished.getInt("imported"));
        assertEquals(3, finished.getInt("failed"));

        List<Map<String, Object>> errors = Achievements.asOwner(organisation).accept("application/json")
                .get(IMPORTS + "/" + job + "/errors")
                .then().statusCode(200).contentType(containsString("application/json"))
                .extract().jsonPath().getList("$");
        assertEquals(List.of("3 技术领域", "3 联系电话", "6 *成果名称", "6 转让价格（万元）", "7 专利号"),
                errors.stream().map(e -> e.get("row") + " " + e.get("column")).toList());
        assertThat(errors.get(0), "\"量子玄学\" is neither a technical field code");
        assertThat(errors.get(1), "must be a mobile number");
        assertThat(errors.get(2), "must not be blank");
        assertThat(errors.get(3), "\"很贵\" must be 面议");
        assertThat(errors.get(4), "must be a patent number");

        // The downloadable report: UTF-8 with BOM, so Excel shows the Chinese.
        byte[] csv = Achievements.asOwner(organisation).get(IMPORTS + "/" + job + "/errors")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, java.util.Arrays.copyOf(csv, 3));
        List<String> lines = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertEquals("行号,列,问题", lines.get(0));
        assertEquals(6, lines.size());
        assertTrue(lines.get(1).startsWith("3,技术领域,"), lines.get(1));
        assertTrue(lines.get(4).startsWith("6,转让价格（万元）,"), lines.get(4));

        // Only the good rows were stored, as drafts of the uploading organisation, with every field read.
        JsonPath stored = Achievements.asOwner(organisation).queryParam("organisationId", organisation)
                .queryParam("size", 100).get("/api/achievements").then().statusCode(200).extract().jsonPath();
        assertEquals(2, stored.getInt("totalItems"));
        Map<String, String> idsByTitle = stored.getList("items", Map.class).stream()
                .collect(Collectors.toMap(a -> (String) a.get("title"), a -> (String) a.get("id")));
        assertEquals(Set.of("导入成果甲-" + tag, "导入成果乙-" + tag), idsByTitle.keySet());

        Achievements.asOwner(organisation).get("/api/achievements/" + idsByTitle.get("导入成果甲-" + tag))
                .then().statusCode(200)
                .body("organisationId", equalTo(organisation))
                .body("status", equalTo("DRAFT"))
                .body("summary", startsWith("采用化学气相沉积"))
                .body("keywords", equalTo(List.of("石墨烯", "散热膜", "导热")))
                .body("fieldCode", equalTo("04.02"))
                .body("trl", equalTo(5))
                .body("ipForms", equalTo(List.of("INVENTION_PATENT", "UTILITY_MODEL")))
                .body("patentNumbers", equalTo(List.of("ZL202100000001.2")))
                .body("transferModes", equalTo(List.of("LICENSE", "ASSIGNMENT")))
                .body("askingPrice.minCny", equalTo(500_000))
                .body("askingPrice.maxCny", equalTo(2_000_000))
                .body("askingPrice.negotiable", equalTo(false))
                .body("advantages", equalTo("导热系数比传统人工石墨膜高30%。"))
                .body("regionCode", equalTo("330100"))
                .body("institution", equalTo("浙江大学"))
                .body("inventors", equalTo(List.of("王明", "李华")))
                .body("contact.name", equalTo("陈老师"))
                .body("contact.phone", equalTo("0571-87951234"))
                .body("contact.email", equalTo("tto@example.edu.cn"));
        Achievements.asOwner(organisation).get("/api/achievements/" + idsByTitle.get("导入成果乙-" + tag))
                .then().statusCode(200)
                .body("fieldCode", equalTo("04.03"))
                .body("trl", equalTo(7))
                .body("ipForms", equalTo(List.of()))
                .body("transferModes", equalTo(List.of("EQUITY")))
                .body("askingPrice.negotiable", equalTo(true))
                .body("inventors", equalTo(List.of("赵强")))
                .body("contact.phone", equalTo("13912345678"));

        // One AchievementCreated each, and no event at all of a bad row.
        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), "achievement-events")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> eventsOf(reader, organisation).size() >= 2);
            List<JsonNode> events = eventsOf(reader, organisation);
            assertEquals(Set.copyOf(idsByTitle.values()),
                    events.stream().map(e -> e.get("aggregateId").asText()).collect(Collectors.toSet()));
            assertTrue(events.stream().allMatch(e -> e.get("type").asText().equals("AchievementCreated")));
            assertEquals(2, events.size());
        }

        // The organisation is told once that its import ended, with the job's final counts.
        ImportJobPayload ended = ImportEvents.onlyEventOf(dataSource, job);
        assertEquals("ACHIEVEMENT", ended.listingType());
        assertEquals(organisation, ended.organisationId());
        assertEquals(organisation, ended.uploaderOrganisationId());
        assertEquals("DONE", ended.status());
        assertEquals(5, ended.rowsTotal());
        assertEquals(2, ended.rowsImported());
        assertEquals(3, ended.rowsFailed());
        assertEquals("科技成果登记表", ended.fileName());
        ImportEvents.assertDescribes(finished, ended);
    }

    /**
     * A queued job whose stored file the worker cannot read (accepted by an earlier release's reader,
     * say) ends FAILED with nothing imported, and its organisation is told so once, with why.
     */
    @Test
    void aJobWhoseFileCannotBeReadFailsAndItsOrganisationIsToldOnceWhy() {
        String organisation = Achievements.newOrganisation();
        ImportJob queued = QuarkusTransaction.requiringNew().call(() -> new ImportJobStore(entityManager, true).create(
                new ImportJob.Importer(organisation, organisation, "university"), ImportFormat.XLSX, "科技成果登记表.xlsx",
                "不是表格".getBytes(StandardCharsets.UTF_8), 3));
        String job = queued.id().toString();

        JsonPath finished = awaitFinished(organisation, job);
        assertEquals("FAILED", finished.getString("status"));
        assertTrue(finished.getString("failure").contains("not a readable .xlsx workbook"), finished.prettify());
        assertEquals(0, finished.getInt("done"));

        ImportJobPayload ended = ImportEvents.onlyEventOf(dataSource, job);
        assertEquals("ACHIEVEMENT", ended.listingType());
        assertEquals(organisation, ended.organisationId());
        assertEquals("FAILED", ended.status());
        assertEquals(3, ended.rowsTotal());
        assertEquals(0, ended.rowsImported());
        assertEquals(0, ended.rowsFailed());
        assertEquals(finished.getString("failure"), ended.failure());
        ImportEvents.assertDescribes(finished, ended);
        assertNothingStoredFor(organisation);
    }

    @Test
    void anUnknownColumnIsRefusedByNameBeforeAnyRowIsStored() {
        String organisation = Achievements.newOrganisation();
        List<String> header = new ArrayList<>(ImportSheets.HEADER);
        header.add("备注栏");
        List<String> row = ImportSheets.goodRow("带未知列的成果", 1);
        row.add("随便写写");
        upload(organisation, "text/csv", SheetFiles.utf8Csv(header, List.of(row)))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("unknown column(s) 备注栏"))
                .body("violations.field", hasItem("备注栏"));
        assertNothingStoredFor(organisation);
    }

    @Test
    void aMissingRequiredColumnIsRefusedByNameBeforeAnyRowIsStored() {
        String organisation = Achievements.newOrganisation();
        int modes = ImportSheets.HEADER.indexOf("转化方式");
        List<String> header = new ArrayList<>(ImportSheets.HEADER);
        header.remove(modes);
        List<String> row = ImportSheets.goodRow("缺转化方式列的成果", 1);
        row.remove(modes);
        upload(organisation, SheetFiles.XLSX, ImportSheets.xlsx(header, List.of(row)))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("missing required column(s) 转化方式"))
                .body("violations.field", hasItem("转化方式"));
        assertNothingStoredFor(organisation);
    }

    @Test
    void aFileWithMoreRowsThanTheLimitIsRefusedBeforeAnyRowIsStored() {
        String organisation = Achievements.newOrganisation();
        List<String> row = ImportSheets.goodRow("超出行数限制的成果", 1);
        upload(organisation, "text/csv", SheetFiles.utf8Csv(ImportSheets.HEADER, Collections.nCopies(20_001, row)))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("20001 data rows; at most 20000"));
        assertNothingStoredFor(organisation);
    }

    @Test
    void aFileLargerThanTheLimitGets413() throws Exception {
        String organisation = Achievements.newOrganisation();
        LargeUploads.assertRefusedAsTooLarge(io.restassured.RestAssured.port, IMPORTS, TestTokens.university(organisation), "科技成果登记表");
        assertNothingStoredFor(organisation);
    }

    @Test
    void uploadsBeyondThoseBeingReadAreAskedToComeBackAndStoreNothing() throws Exception {
        // Two uploads whose files are still arriving hold both places (techbridge.import.max-concurrent-uploads).
        String organisation = Achievements.newOrganisation();
        byte[] file = SheetFiles.utf8Csv(ImportSheets.HEADER, List.of(ImportSheets.goodRow("分段上传的成果", 1)));
        List<Socket> arriving = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Socket socket = new Socket("localhost", io.restassured.RestAssured.port);
                socket.setSoTimeout(60_000);
                String head = "POST " + IMPORTS + "?duplicates=confirmed HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: text/csv\r\nContent-Length: " + file.length + "\r\n"
                        + "Authorization: Bearer " + TestTokens.university(organisation) + "\r\nConnection: close\r\n\r\n";
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().write(file, 0, 10);
                socket.getOutputStream().flush();
                arriving.add(socket);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> upload(organisation, "text/csv", file)
                    .then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "10")
                    .body("type", containsString("uploads-busy")));

            List<String> jobs = new ArrayList<>();
            for (Socket socket : arriving) {
                socket.getOutputStream().write(file, 10, file.length - 10);
                socket.getOutputStream().flush();
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 202"), answer);
                jobs.add(JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("id").asText());
            }
            // The places are free again; only the files that were read became achievements.
            jobs.add(upload(organisation, "text/csv", file).then().statusCode(202).extract().path("id"));
            for (String job : jobs) {
                assertEquals("DONE", awaitFinished(organisation, job).getString("status"));
            }
            Achievements.asOwner(organisation).queryParam("organisationId", organisation).get("/api/achievements")
                    .then().statusCode(200).body("totalItems", equalTo(3));
        } finally {
            for (Socket socket : arriving) {
                socket.close();
            }
        }
    }

    @Test
    void anUnreadableWorkbookIsRefused() {
        upload(Achievements.newOrganisation(), SheetFiles.XLSX, "不是表格".getBytes(StandardCharsets.UTF_8))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not a readable .xlsx workbook"));
    }

    @Test
    void onlyUniversitiesMayImport() {
        byte[] file = SheetFiles.utf8Csv(ImportSheets.HEADER, List.of(ImportSheets.goodRow("权限测试成果", 1)));
        Achievements.as(null).contentType("text/csv").body(file).post(IMPORTS)
                .then().statusCode(401).contentType("application/problem+json");
        Achievements.as(TestTokens.enterprise(Achievements.newOrganisation())).contentType("text/csv").body(file)
                .post(IMPORTS)
                .then().statusCode(403).contentType("application/problem+json");
        Achievements.as(TestTokens.broker()).contentType("text/csv").body(file).post(IMPORTS)
                .then().statusCode(403).contentType("application/problem+json");
    }

    /** An import has exactly a create's rights: naming another organisation is refused as a create naming it is. */
    @Test
    void anImportNamingAnotherOrganisationIsRefusedAsACreateNamingItIs() {
        String mine = Achievements.newOrganisation();
        String theirs = Achievements.newOrganisation();
        Achievements.create(Achievements.validBody(theirs), TestTokens.university(mine)).statusCode(403);
        byte[] file = SheetFiles.utf8Csv(ImportSheets.HEADER, List.of(ImportSheets.goodRow("代他人导入的成果", 1)));
        Achievements.as(TestTokens.university(mine)).contentType("text/csv").body(file)
                .queryParam("organisationId", theirs).queryParam("duplicates", "confirmed").post(IMPORTS)
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/forbidden"))
                .body("detail", containsString("organisationId"));
        assertNothingStoredFor(theirs);
        assertNothingStoredFor(mine);
        // Naming its own organisation is what a create allows too.
        String job = Achievements.as(TestTokens.university(mine)).contentType("text/csv").body(file)
                .queryParam("organisationId", mine).queryParam("duplicates", "confirmed").post(IMPORTS)
                .then().statusCode(202).extract().path("id");
        assertEquals(1, awaitFinished(mine, job).getInt("imported"));
    }

    @Test
    void aJobIsVisibleToTheUploadingOrganisationBrokersAndAdminsOnly() {
        String organisation = Achievements.newOrganisation();
        List<String> bad = ImportSheets.goodRow("权限测试坏行", 1);
        ImportSheets.set(bad, "技术领域", "无此领域");
        String job = upload(organisation, "text/csv", SheetFiles.utf8Csv(ImportSheets.HEADER, List.of(bad)))
                .then().statusCode(202).extract().path("id");
        awaitFinished(organisation, job);

        for (String path : List.of(IMPORTS + "/" + job, IMPORTS + "/" + job + "/errors")) {
            Achievements.as(null).get(path).then().statusCode(401).contentType("application/problem+json");
            Achievements.as(TestTokens.university(Achievements.newOrganisation())).get(path)
                    .then().statusCode(404).contentType("application/problem+json");
            Achievements.as(TestTokens.enterprise(Achievements.newOrganisation())).get(path)
                    .then().statusCode(404).contentType("application/problem+json");
            Achievements.as(TestTokens.broker()).accept("application/json").get(path).then().statusCode(200);
            Achievements.as(TestTokens.admin()).accept("application/json").get(path).then().statusCode(200);
        }
        Achievements.as(TestTokens.broker()).accept("application/json").get(IMPORTS + "/" + job + "/errors")
                .then().body("[0].row", equalTo(2)).body("[0].column", equalTo("技术领域"));
        Achievements.asOwner(organisation).get(IMPORTS + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anOrganisationListsItsOwnImportsNewestFirstAndAdminsListEveryOrganisations() {
        String organisation = Achievements.newOrganisation();
        String first = upload(organisation, "text/csv", SheetFiles.utf8Csv(ImportSheets.HEADER,
                List.of(ImportSheets.goodRow("列表测试成果一", 1)))).then().statusCode(202).extract().path("id");
        String second = upload(organisation, "text/csv", SheetFiles.utf8Csv(ImportSheets.HEADER,
                List.of(ImportSheets.goodRow("列表测试成果二", 2)))).then().statusCode(202).extract().path("id");

        Achievements.asOwner(organisation).get(IMPORTS).then().statusCode(200)
                .body("id", equalTo(List.of(second, first)))
                .body("organisationId", everyItem(equalTo(organisation)));
        // Another organisation sees none of them; an admin sees them among all, or by naming the organisation.
        Achievements.as(TestTokens.university(Achievements.newOrganisation())).get(IMPORTS).then().statusCode(200)
                .body("size()", equalTo(0));
        Achievements.as(TestTokens.admin()).queryParam("organisationId", organisation).get(IMPORTS).then().statusCode(200)
                .body("id", equalTo(List.of(second, first)));
        Achievements.as(TestTokens.admin()).queryParam("limit", 100).get(IMPORTS).then().statusCode(200)
                .body("id", hasItem(first));
        Achievements.as(TestTokens.admin()).queryParam("limit", 0).get(IMPORTS).then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("limit"));
        Achievements.as(null).get(IMPORTS).then().statusCode(401);
    }

    /**
     * These sheets repeat one form row with small changes, so their rows are near-duplicates of each
     * other and of the other tests' rows: the upload confirms that (duplicate checking on import has
     * its own tests, ImportDuplicatesTest).
     */
    private static Response upload(String organisation, String contentType, byte[] file) {
        return Achievements.asOwner(organisation).contentType(contentType).body(file)
                .queryParam("fileName", "科技成果登记表").queryParam("duplicates", "confirmed").post(IMPORTS);
    }

    private static JsonPath awaitFinished(String organisation, String job) {
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            String status = Achievements.asOwner(organisation).get(IMPORTS + "/" + job)
                    .then().statusCode(200).extract().path("status");
            return status.equals("DONE") || status.equals("FAILED");
        });
        return Achievements.asOwner(organisation).get(IMPORTS + "/" + job).then().extract().jsonPath();
    }

    private static void assertNothingStoredFor(String organisation) {
        Achievements.asOwner(organisation).queryParam("organisationId", organisation).get("/api/achievements")
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    private static void assertThat(Map<String, Object> error, String expected) {
        assertTrue(String.valueOf(error.get("problem")).contains(expected), error + " should say " + expected);
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
