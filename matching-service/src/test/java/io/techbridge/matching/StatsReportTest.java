package io.techbridge.matching;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.techbridge.deploy.local.testing.TestTokens;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operators' .xlsx report shows the figures of GET /api/stats for the same period, region and
 * field. Only this class uses the region of Xining (630100), so its figures are its own.
 */
@QuarkusTest
@RealServers
class StatsReportTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** The workbook's column headers and the JSON figures they stand for, in the workbook's order. */
    private static final Map<String, String> FIGURES = new LinkedHashMap<>();

    static {
        FIGURES.put("登记成果数", "achievementsRegistered");
        FIGURES.put("发布需求数", "demandsPosted");
        FIGURES.put("推荐对接数", "pairsProposed");
        FIGURES.put("审核通过对接数", "pairsApproved");
        FIGURES.put("引荐对接数", "pairsIntroduced");
        FIGURES.put("签订技术合同数", "contractsSigned");
        FIGURES.put("技术合同成交额（元）", "contractTurnoverCny");
        FIGURES.put("转化科技成果数", "achievementsTransferred");
        FIGURES.put("服务企业数", "enterprisesServed");
    }

    @Test
    void theWorkbookShowsTheFiguresOfTheStatisticsApiForTheSamePeriodAndRegion() {
        String achievementId = Events.newId();
        ObjectNode achievement = Events.achievement(achievementId, 1, "高原冻土区输电塔基础防冻胀技术",
                "采用热棒与保温复合基础，输电塔基础冻胀位移降低80%，适用于青藏高原多年冻土区线路。",
                List.of("冻土", "冻胀", "输电塔基础"), "08.06", 7);
        achievement.put("regionCode", "630100");
        Events.publishAchievement("AchievementCreated", achievement);
        MatchingTest.awaitIndexed(achievementId);
        String demandId = Events.newId();
        ObjectNode demand = Events.demand(demandId, 1, "冻土区输电线路塔基冻胀变形治理",
                "我公司在青海多年冻土区的输电线路塔基每年冻胀位移明显，需要防冻胀的塔基础技术，位移降低一半以上。",
                List.of("冻土", "冻胀", "塔基础"), "08.06", 6);
        demand.put("regionCode", "630102").put("organisationId", "org-report-" + Events.newId());
        Events.publishDemand("DemandCreated", demand);
        String matchId = Api.awaitPair(demandId, achievementId);
        Api.decide(matchId, Map.of("decision", "APPROVE")).statusCode(200);
        Api.move(matchId, Map.of("status", "INTRODUCED")).statusCode(200);
        Api.move(matchId, Map.of("status", "NEGOTIATING", "offlineAcceptance", true, "note", "线下已确认")).statusCode(200);
        Api.move(matchId, Map.of("status", "CONTRACTED", "contractAmountCny", 660_000,
                "registrationNo", "2026630101000007")).statusCode(200);

        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        Map<String, String> query = Map.of("from", now.minusMonths(2).toString(), "to", now.toString(),
                "region", "630000");
        // The province prefix 63 asks for the same region as 630000.
        Map<String, String> prefixed = Map.of("from", now.minusMonths(2).toString(), "to", now.toString(),
                "region", "63");

        await().atMost(Api.PATIENCE).untilAsserted(() -> {
            JsonPath api = Api.as(TestTokens.university("org-report-reader")).queryParams(query).when()
                    .get("/api/stats").then().statusCode(200).extract().jsonPath();
            try (Workbook workbook = report(prefixed)) {
                assertEquals(List.of("汇总", "按领域", "按地区", "按月份"),
                        List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
                                workbook.getSheetName(3)));
                for (int s = 0; s < 4; s++) {
                    Row scope = workbook.getSheetAt(s).getRow(0);
                    assertEquals("统计期间", scope.getCell(0).getStringCellValue());
                    assertEquals(query.get("from") + " 至 " + query.get("to"), scope.getCell(1).getStringCellValue());
                    assertEquals("地区", scope.getCell(2).getStringCellValue());
                    assertEquals("630000", scope.getCell(3).getStringCellValue());
                }
                assertEquals(totalsOf(api.getMap("totals")), totals(workbook.getSheet("汇总")), "totals");
                assertEquals(rowsOf(api.getList("byField"), true), rows(workbook.getSheet("按领域"), 2), "by field");
                assertEquals(rowsOf(api.getList("byRegion"), false), rows(workbook.getSheet("按地区"), 1), "by region");
                assertEquals(rowsOf(api.getList("byMonth"), false), rows(workbook.getSheet("按月份"), 1), "by month");
                assertEquals(660_000L, totals(workbook.getSheet("汇总")).get("contractTurnoverCny"));
                assertEquals("先进制造与自动化", workbook.getSheet("按领域").getRow(3).getCell(1).getStringCellValue());
            }
        });
    }

    @Test
    void theWorkbookIsADownloadForAnyLoggedInUserAndNotForAnonymousCallers() {
        for (String token : List.of(TestTokens.university("org-report-u"), TestTokens.enterprise("org-report-e"),
                TestTokens.broker(), TestTokens.admin())) {
            Api.as(token).queryParam("from", "2001-01").queryParam("to", "2001-03").when()
                    .get("/api/stats/report.xlsx").then().statusCode(200)
                    .contentType(XLSX)
                    .header("Content-Disposition", containsString("techbridge-stats-2001-01_2001-03.xlsx"));
        }
        given().when().get("/api/stats/report.xlsx").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aPeriodWithNothingInItHasZeroTotalsAndNoRows() throws IOException {
        try (Workbook workbook = report(Map.of("from", "2001-01", "to", "2001-12", "region", "630100"))) {
            Map<String, Long> zero = new LinkedHashMap<>();
            FIGURES.values().forEach(metric -> zero.put(metric, 0L));
            assertEquals(zero, totals(workbook.getSheet("汇总")));
            for (String sheet : List.of("按领域", "按地区", "按月份")) {
                assertEquals(List.of(), rows(workbook.getSheet(sheet), sheet.equals("按领域") ? 2 : 1), sheet);
            }
            assertEquals("全部", workbook.getSheet("汇总").getRow(0).getCell(5).getStringCellValue(), "every field");
        }
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("from", Map.of("from", "2026-13"));
        cases.put("to", Map.of("to", "2026-1"));
        cases.put("region", Map.of("region", "qinghai"));
        cases.put("field", Map.of("field", "9"));
        cases.forEach((parameter, query) -> Api.asBroker().queryParams(query).when().get("/api/stats/report.xlsx")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(parameter))
                .body("violations[0].in", equalTo("query")));
        Api.asBroker().queryParam("from", "2026-06").queryParam("to", "2026-05").when().get("/api/stats/report.xlsx")
                .then().statusCode(400).body("violations[0].field", equalTo("to"));
        Api.asBroker().queryParam("region", "99").when().get("/api/stats/report.xlsx")
                .then().statusCode(400).body("violations[0].field", equalTo("region"));
    }

    // ----------------------------------------------------------------- reading the workbook

    private static Workbook report(Map<String, String> query) {
        ExtractableResponse<Response> response = Api.as(TestTokens.enterprise("org-report-reader")).queryParams(query)
                .when().get("/api/stats/report.xlsx").then().statusCode(200).contentType(XLSX).extract();
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(response.asByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 汇总: a figure per row under the headers 指标 | 数值, numbers as numeric cells. */
    private static Map<String, Long> totals(Sheet sheet) {
        assertEquals("指标", sheet.getRow(2).getCell(0).getStringCellValue());
        assertEquals("数值", sheet.getRow(2).getCell(1).getStringCellValue());
        Map<String, Long> totals = new LinkedHashMap<>();
        for (int r = 3; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            totals.put(FIGURES.get(row.getCell(0).getStringCellValue()), number(row.getCell(1)));
        }
        assertEquals(List.copyOf(FIGURES.values()), List.copyOf(totals.keySet()), "every figure, in order");
        return totals;
    }

    /** A grouped sheet: its key columns as text, then one numeric column per figure, headers in Chinese. */
    private static List<List<Object>> rows(Sheet sheet, int keyColumns) {
        Row headers = sheet.getRow(2);
        List<String> figureHeaders = new ArrayList<>();
        for (int c = keyColumns; c < headers.getLastCellNum(); c++) {
            figureHeaders.add(headers.getCell(c).getStringCellValue());
        }
        assertEquals(List.copyOf(FIGURES.keySet()), figureHeaders, "figure headers of " + sheet.getSheetName());
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 3; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<Object> values = new ArrayList<>();
            for (int c = 0; c < keyColumns; c++) {
                values.add(row.getCell(c).getStringCellValue());
            }
            for (int c = keyColumns; c < keyColumns + FIGURES.size(); c++) {
                values.add(number(row.getCell(c)));
            }
            rows.add(values);
        }
        return rows;
    }

    private static long number(Cell cell) {
        assertEquals(CellType.NUMERIC, cell.getCellType(), "a number, not text");
        double value = cell.getNumericCellValue();
        assertTrue(value == Math.rint(value));
        return (long) value;
    }

    private static Map<String, Long> totalsOf(Map<String, Object> totals) {
        Map<String, Long> expected = new LinkedHashMap<>();
        FIGURES.values().forEach(metric -> expected.put(metric, ((Number) totals.get(metric)).longValue()));
        return expected;
    }

    private static List<List<Object>> rowsOf(List<Map<String, Object>> rows, boolean labelled) {
        return rows.stream().map(row -> {
            List<Object> values = new ArrayList<>();
            values.add(row.get("key"));
            if (labelled) {
                values.add(row.get("label"));
            }
            FIGURES.values().forEach(metric -> values.add(((Number) row.get(metric)).longValue()));
            return values;
        }).toList();
    }
}
