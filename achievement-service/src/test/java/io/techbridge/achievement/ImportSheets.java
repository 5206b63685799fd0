package io.techbridge.achievement;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Spreadsheets shaped like the registration forms offices keep (科技成果登记表), built in memory:
 * the header of the form and rows of cells, written as .xlsx or as CSV in a given encoding.
 */
public final class ImportSheets {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The columns of the form, in its order; the required ones marked with * as offices do. */
    public static final List<String> HEADER = List.of("*成果名称", "成果简介", "关键词", "技术领域", "成果所处阶段",
            "知识产权形式", "专利号", "转化方式", "转让价格（万元）", "技术优势", "所在地区", "完成单位", "完成人",
            "联系人", "联系电话", "电子邮箱");

    private ImportSheets() {
    }

    /** A good row; {@code n} makes its title and patent number its own. */
    public static List<String> goodRow(String title, int n) {
        return new ArrayList<>(List.of(title,
                "采用化学气相沉积与热压复合工艺制备石墨烯散热膜，面内导热系数达1500 W/(m·K)，第" + n + "批。",
                "石墨烯，散热膜、导热",
                "04.02",
                "中期",
                "发明专利、实用新型",
                String.format("ZL2021%08d.2", n % 100_000_000),
                "许可；转让",
                "50-200",
                "导热系数比传统人工石墨膜高30%。",
                "330100",
                "浙江大学",
                "王明 李华",
                "陈老师",
                "0571-87951234",
                "tto@example.edu.cn"));
    }


    private static final List<String> TERMS = List.of("石墨烯", "锂电池", "机器视觉", "氢燃料", "生物降解", "光伏组件",
            "纳米涂层", "智能传感", "工业机器人", "碳纤维", "基因编辑", "中药提取", "柔性显示", "储能系统", "数控机床",
            "污水处理", "土壤修复", "芯片封装", "激光焊接", "无人机");
    private static final List<String> KINDS = List.of("制备方法", "检测装置", "控制系统", "关键工艺", "新材料", "集成平台");

    /**
     * A row of a registry whose records differ as real ones do: a common technical term and kind of
     * result, the rest of title and text its own (random characters), a patent number {@code n}.
     */
    public static List<String> distinctRow(Random random, int n) {
        String term = TERMS.get(random.nextInt(TERMS.size()));
        List<String> row = goodRow(term + randomHan(random, 4) + KINDS.get(random.nextInt(KINDS.size())), n);
        set(row, "成果简介", "本成果" + randomHan(random, 36) + "，用于" + term + "。");
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
            XSSFSheet sheet = workbook.createSheet("科技成果登记表");
            write(sheet.createRow(0), header);
            for (int i = 0; i < rows.size(); i++) {
                write(sheet.createRow(i + 1), rows.get(i));
            }
            // A second sheet (instructions, as the official forms have) is not read.
            workbook.createSheet("填表说明").createRow(0).createCell(0).setCellValue("带*为必填项");
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            String value = cells.get(c);
            if (value == null || value.isEmpty()) {
                continue;
            }
            Cell cell = row.createCell(c);
            // Region codes and phone numbers typed into Excel become numbers; the import must read them as shown.
            if (value.matches("\\d{6}|1\\d{10}")) {
                cell.setCellValue(Double.parseDouble(value));
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
