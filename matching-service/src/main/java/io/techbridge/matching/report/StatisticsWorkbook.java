package io.techbridge.matching.report;

import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.matching.workflow.Statistics;
import io.techbridge.matching.workflow.Statistics.Metrics;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The operators' statistics as an .xlsx workbook, for the municipal reports: sheets 汇总 (totals),
 * 按领域, 按地区 and 按月份, each starting with a row naming the period, region and field, then the
 * column headers and the figures as numbers (turnover in CNY). It lays out the figures it is given;
 * it computes none, so the workbook shows what GET /api/stats shows for the same query.
 */
public final class StatisticsWorkbook {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String TOTALS = "汇总";
    public static final String BY_FIELD = "按领域";
    public static final String BY_REGION = "按地区";
    public static final String BY_MONTH = "按月份";
    /** The row of column headers on every sheet; the figures start on the row after it. */
    public static final int HEADER_ROW = 2;
    static final String ALL = "全部";

    /** A figure: its column header and where it comes from. */
    private record Figure(String header, ToLongFunction<Metrics> value) {
    }

    /** The figures of domain.md, in the order the operators report them. */
    private static final List<Figure> FIGURES = List.of(
            new Figure("登记成果数", Metrics::achievementsRegistered),
            new Figure("发布需求数", Metrics::demandsPosted),
            new Figure("推荐对接数", Metrics::pairsProposed),
            new Figure("审核通过对接数", Metrics::pairsApproved),
            new Figure("引荐对接数", Metrics::pairsIntroduced),
            new Figure("签订技术合同数", Metrics::contractsSigned),
            new Figure("技术合同成交额（元）", Metrics::contractTurnoverCny),
            new Figure("转化科技成果数", Metrics::achievementsTransferred),
            new Figure("服务企业数", Metrics::enterprisesServed));

    private StatisticsWorkbook() {
    }

    /**
     * @param region the region asked for (six digits), or null for all
     * @param field  the technical field asked for, or null for all
     */
    public static byte[] write(Statistics statistics, String region, String field) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            String[] scope = {"统计期间", statistics.from() + " 至 " + statistics.to(), "地区", region == null ? ALL : region,
                    "技术领域", field == null ? ALL : field + " " + TechnicalField.byCode(field).map(TechnicalField::nameZh).orElse("")};

            Sheet totals = sheet(workbook, TOTALS, scope, styles, List.of("指标", "数值"));
            int r = HEADER_ROW + 1;
            for (Figure figure : FIGURES) {
                Row row = totals.createRow(r++);
                row.createCell(0).setCellValue(figure.header());
                number(row, 1, figure.value().applyAsLong(statistics.totals()), styles);
            }
            totals.setColumnWidth(0, 24 * 256);
            totals.setColumnWidth(1, 20 * 256);

            rows(sheet(workbook, BY_FIELD, scope, styles, headers("领域代码", "领域名称")), statistics.byField(), true, styles);
            rows(sheet(workbook, BY_REGION, scope, styles, headers("地区代码")), statistics.byRegion(), false, styles);
            rows(sheet(workbook, BY_MONTH, scope, styles, headers("月份")), statistics.byMonth(), false, styles);

            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the statistics workbook cannot be written", e);
        }
    }

    private static List<String> headers(String... keys) {
        List<String> headers = new java.util.ArrayList<>(List.of(keys));
        FIGURES.forEach(f -> headers.add(f.header()));
        return headers;
    }

    private static Sheet sheet(Workbook workbook, String name, String[] scope, Styles styles, List<String> headers) {
        Sheet sheet = workbook.createSheet(name);
        Row scopeRow = sheet.createRow(0);
        for (int c = 0; c < scope.length; c++) {
            scopeRow.createCell(c).setCellValue(scope[c]);
            if (c % 2 == 0) {
                scopeRow.getCell(c).setCellStyle(styles.bold);
            }
        }
        Row headerRow = sheet.createRow(HEADER_ROW);
        for (int c = 0; c < headers.size(); c++) {
            headerRow.createCell(c).setCellValue(headers.get(c));
            headerRow.getCell(c).setCellStyle(styles.bold);
            sheet.setColumnWidth(c, Math.max(12, headers.get(c).length() * 2 + 2) * 256);
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        return sheet;
    }

    private static void rows(Sheet sheet, List<Statistics.Row> rows, boolean labelled, Styles styles) {
        int r = HEADER_ROW + 1;
        for (Statistics.Row data : rows) {
            Row row = sheet.createRow(r++);
            int c = 0;
            row.createCell(c++).setCellValue(data.key());
            if (labelled) {
                row.createCell(c++).setCellValue(data.label() == null ? "" : data.label());
            }
            for (Figure figure : FIGURES) {
                number(row, c++, figure.value().applyAsLong(data.metrics()), styles);
            }
        }
    }

    private static void number(Row row, int column, long value, Styles styles) {
        row.createCell(column).setCellValue(value);
        row.getCell(column).setCellStyle(styles.number);
    }

    private static final class Styles {
        final CellStyle bold;
        final CellStyle number;

        Styles(Workbook workbook) {
            Font font = workbook.createFont();
            font.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(font);
            number = workbook.createCellStyle();
            number.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        }
    }
}
