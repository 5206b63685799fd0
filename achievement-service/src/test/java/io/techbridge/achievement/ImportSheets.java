package io.techbridge.achievement;

import io.techbridge.listing.testing.SheetFiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Spreadsheets shaped like the registration forms offices keep (科技成果登记表): the header of the
 * form and its rows; {@link SheetFiles} writes them as .xlsx or CSV.
 */
public final class ImportSheets {

    /** The columns of the form, in its order; the required ones marked with * as offices do. */
    public static final List<String> HEADER = List.of("*成果名称", "成果简介", "关键词", "技术领域", "成果所处阶段",
            "知识产权形式", "专利号", "转化方式", "转让价格（万元）", "技术优势", "所在地区", "完成单位", "完成人",
            "联系人", "联系电话", "电子邮箱");

    /** Region codes and mobile numbers typed into Excel become numbers. */
    private static final Pattern NUMERIC = Pattern.compile("\\d{6}|1\\d{10}");

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

    /**
     * A row of a registry whose records differ as real ones do: a common technical term and kind of
     * result, the rest of title and text its own (random characters), a patent number {@code n}.
     */
    public static List<String> distinctRow(Random random, int n) {
        String term = SheetFiles.term(random);
        List<String> row = goodRow(term + SheetFiles.randomHan(random, 4) + SheetFiles.kind(random), n);
        set(row, "成果简介", "本成果" + SheetFiles.randomHan(random, 36) + "，用于" + term + "。");
        set(row, "关键词", term);
        return row;
    }

    /** The cell of a column of a row, by the column's name in {@link #HEADER}. */
    public static void set(List<String> row, String column, String value) {
        row.set(HEADER.indexOf(column), value);
    }

    public static byte[] xlsx(List<String> header, List<List<String>> rows) {
        return SheetFiles.xlsx("科技成果登记表", NUMERIC, header, rows);
    }
}
