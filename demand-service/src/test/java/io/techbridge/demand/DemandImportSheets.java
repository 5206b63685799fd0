package io.techbridge.demand;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Spreadsheets shaped like the demand registration forms enterprises and offices keep
 * (企业技术需求登记表), built in memory: the header of the form and rows of cells, written as
 * .xlsx or as CSV in a given encoding.
 */
public final class DemandImportSheets {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The columns of the form, in its order; the required title marked with * as offices do. */
    public static final List<String> HEADER = List.of("*需求名称", "拟解决的技术难题", "技术指标", "技术领域", "关键词",
            "预算（万元）", "有效期至", "所在地区", "合作方式", "成熟度要求", "保密要求", "企业名称", "联系人", "联系电话",
            "电子邮箱");

    private DemandImportSheets() {
    }

    /** A good row; {@code n} makes its text its own. Valid until half a year from today. */
    public static List<String> goodRow(String title, int n) {
        return new ArrayList<>(List.of(title,
                "铝型材出厂前表面瑕疵全部靠人工目检，漏检多、标准不一，希望以机器视觉替代人工，第" + n + "批。",
                "可识别不少于8类瑕疵，漏检率不高于1%，线速度不低于60米每分钟。",
                "08.03",
                "铝型材，表面瑕疵、机器视觉",
                "50-100",
                Demands.today().plusDays(180).toString(),
                "330500",
                "技术许可、合作开发",
                "6",
                "仅经纪人可见",
                "浙江恒宇铝型材有限公司",
                "沈建国",
                "13857261843",
                "shenjg@hengyu-al.com"));
    }


    private static final List<String> TERMS = List.of("石墨烯", "锂电池", "机器视觉", "氢燃料", "生物降解", "光伏组件",
            "纳米涂层", "智能传感", "工业机器人", "碳纤维", "基因编辑", "中药提取", "柔性显示", "储能系统", "数控机床",
            "污水处理", "土壤修复", "芯片封装", "激光焊接", "无人机");
    private static final List<String> KINDS = List.of("制备方法", "检测装置", "控制系统", "关键工艺", "新材料", "集成平台");

    /**
     * A row of a registry whose records differ as real ones do: a common technical term and kind of
     * result, the rest of title and text its own (random characters), {@code n} its batch.
     */
    public static List<String> distinctRow(Random random, int n) {
        String term = TERMS.get(random.nextInt(TERMS.size()));
        List<String> row = goodRow(term + randomHan(random, 4) + KINDS.get(random.nextInt(KINDS.size())), n);
        set(row, "拟解决的技术难题", "我们在" + term + "方面" + randomHan(random, 36) + "，希望合作解决。");
        set(row, "关键词", term);
        return row;
    }

    static String randomHan(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(0x4E00 + random.nextInt(0x1400));
        }
        return text.toString();
    }

    /** The cell of a column of a row, by the column's name in {@link #HEADER}. */
    public static void set(List<String> row, String column, String value) {
        row.set(HEADER.indexOf(column), value);
    }

    public static byte[] xlsx(List<String> header, List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("企业技术需求登记表");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            write(sheet.createRow(0), header, dateStyle);
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 1), rows.get(i), dateStyle);
            }
            // A second sheet (instructions, as the official forms have) is not read.
            workbook.createSheet("填表说明").createRow(0).createCell(0).setCellValue("带*为必填项");
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> cells, CellStyle dateStyle) {
        for (int c = 0; c < cells.size(); c++) {
            String value = cells.get(c);
            if (value == null || value.isEmpty()) {
                continue;
            }
            Cell cell = row.createCell(c);
            // Typed into Excel, region codes and phone numbers become numbers and dates date cells;
            // the import must read them as the sheet shows them.
            if (value.matches("\\d{6}|1\\d{10}|\\d{1,3}")) {
                cell.setCellValue(Double.parseDouble(value));
            } else if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
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
}
