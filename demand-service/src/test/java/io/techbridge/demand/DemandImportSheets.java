package io.techbridge.demand;

import io.techbridge.listing.testing.SheetFiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Spreadsheets shaped like the demand registration forms enterprises and offices keep
 * (企业技术需求登记表): the header of the form and its rows; {@link SheetFiles} writes them as
 * .xlsx or CSV.
 */
public final class DemandImportSheets {

    /** The columns of the form, in its order; the required title marked with * as offices do. */
    public static final List<String> HEADER = List.of("*需求名称", "拟解决的技术难题", "技术指标", "技术领域", "关键词",
            "预算（万元）", "有效期至", "所在地区", "合作方式", "成熟度要求", "保密要求", "企业名称", "联系人", "联系电话",
            "电子邮箱");

    /** The form with the columns of an open challenge (揭榜挂帅) set on the demand. */
    public static final List<String> CHALLENGE_HEADER = concat(HEADER,
            List.of("揭榜目标", "揭榜指标", "悬赏金额（万元）", "揭榜截止日期", "评审截止日期"));

    /** Region codes, mobile numbers and small numbers (a TRL) typed into Excel become numbers. */
    private static final Pattern NUMERIC = Pattern.compile("\\d{6}|1\\d{10}|\\d{1,3}");

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

    /**
     * A row of a registry whose records differ as real ones do: a common technical term and kind of
     * result, the rest of title and text its own (random characters), {@code n} its batch.
     */
    public static List<String> distinctRow(Random random, int n) {
        String term = SheetFiles.term(random);
        List<String> row = goodRow(term + SheetFiles.randomHan(random, 4) + SheetFiles.kind(random), n);
        set(row, "拟解决的技术难题", "我们在" + term + "方面" + SheetFiles.randomHan(random, 36) + "，希望合作解决。");
        set(row, "关键词", term);
        return row;
    }

    /**
     * The row of {@link #CHALLENGE_HEADER}: the row as an open challenge with a bounty of 200 万元,
     * taking applications for 30 days and judged within 60.
     */
    public static List<String> asChallenge(List<String> row) {
        return new ArrayList<>(concat(row, List.of("三个月内在产线验证瑕疵识别，漏检率不高于1%", "漏检率、误判率、线速度", "200",
                Demands.today().plusDays(30).toString(), Demands.today().plusDays(60).toString())));
    }

    /** The row of {@link #CHALLENGE_HEADER} without a challenge (its challenge cells blank). */
    public static List<String> withoutChallenge(List<String> row) {
        return new ArrayList<>(concat(row, List.of("", "", "", "", "")));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /** The cell of a column of a row, by the column's name in {@link #HEADER}. */
    public static void set(List<String> row, String column, String value) {
        row.set(HEADER.indexOf(column), value);
    }

    public static byte[] xlsx(List<String> header, List<List<String>> rows) {
        return SheetFiles.xlsx("企业技术需求登记表", NUMERIC, header, rows);
    }
}
