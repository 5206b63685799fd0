package io.techbridge.listing.testing;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Spreadsheets built in memory as offices fill in registration forms: a header and rows of cells,
 * written as .xlsx (first sheet the form, a second one of instructions) or as CSV in a given
 * encoding, with or without BOM. A service's sheet builder names its form and columns.
 */
public final class SheetFiles {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Common technical terms, one in every title of a registry's records (what makes stop buckets). */
    public static final List<String> TERMS = List.of("石墨烯", "锂电池", "机器视觉", "氢燃料", "生物降解", "光伏组件",
            "纳米涂层", "智能传感", "工业机器人", "碳纤维", "基因编辑", "中药提取", "柔性显示", "储能系统", "数控机床",
            "污水处理", "土壤修复", "芯片封装", "激光焊接", "无人机");
    /** Common kinds of result. */
    public static final List<String> KINDS = List.of("制备方法", "检测装置", "控制系统", "关键工艺", "新材料", "集成平台");

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private SheetFiles() {
    }

    /**
     * An .xlsx of one form. Typed into Excel, some cells become numbers (region codes and phone
     * numbers, say: those matching {@code numeric}) and ISO dates date cells; the import must read
     * them as the sheet shows them.
     */
    public static byte[] xlsx(String form, Pattern numeric, List<String> header, List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(form);
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            write(sheet.createRow(0), header, numeric, dateStyle);
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 1), rows.get(i), numeric, dateStyle);
            }
            // A second sheet (instructions, as the official forms have) is not read.
            workbook.createSheet("填表说明").createRow(0).createCell(0).setCellValue("带*为必填项");
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> cells, Pattern numeric, CellStyle dateStyle) {
        for (int c = 0; c < cells.size(); c++) {
            String value = cells.get(c);
            if (value == null || value.isEmpty()) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (numeric.matcher(value).matches()) {
                cell.setCellValue(Double.parseDouble(value));
            } else if (DATE.matcher(value).matches()) {
                cell.setCellValue(LocalDate.parse(value));
                cell.setCellStyle(dateStyle);
            } else {
                cell.setCellValue(value);
            }
        }
    }

    public static byte[] csv(List<String> header, List<List<String>> rows, Charset charset, boolean bom) {
        StringBuilder text = new StringBuilder();
        line(text, header);
        rows.forEach(row -> line(text, row));
        byte[] body = text.toString().getBytes(charset);
        if (!bom) {
            return body;
        }
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        return withBom;
    }

    /** CSV as Excel saves it for Chinese: UTF-8 with BOM. */
    public static byte[] utf8Csv(List<String> header, List<List<String>> rows) {
        return csv(header, rows, StandardCharsets.UTF_8, true);
    }

    private static void line(StringBuilder text, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                text.append(',');
            }
            String value = cells.get(c) == null ? "" : cells.get(c);
            if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
                text.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                text.append(value);
            }
        }
        text.append("\r\n");
    }

    /** {@code length} random Chinese characters (CJK unified ideographs). */
    public static String randomHan(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(0x4E00 + random.nextInt(0x1400));
        }
        return text.toString();
    }

    /** A common technical term, a kind of result, drawn at random. */
    public static String term(Random random) {
        return TERMS.get(random.nextInt(TERMS.size()));
    }

    public static String kind(Random random) {
        return KINDS.get(random.nextInt(KINDS.size()));
    }
}
