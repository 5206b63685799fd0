package io.techbridge.achievement.imports;

import io.techbridge.listing.imports.ImportColumn;
import io.techbridge.listing.imports.ImportColumns;

import java.util.List;

/**
 * The columns of an achievement sheet, by the Chinese names of the official registration forms
 * (科技成果登记表): which part of an achievement each holds, and whether a sheet must have it.
 */
public enum AchievementColumn implements ImportColumn {
    TITLE(true, "成果名称"),
    SUMMARY(true, "成果简介"),
    KEYWORDS(true, "关键词"),
    FIELD(true, "技术领域"),
    STAGE(false, "成果所处阶段"),
    TRL(false, "技术成熟度", "TRL"),
    IP_FORMS(false, "知识产权形式"),
    PATENT_NUMBERS(false, "专利号"),
    TRANSFER_MODES(true, "转化方式"),
    PRICE(true, "转让价格", "价格"),
    ADVANTAGES(false, "技术优势"),
    REGION(true, "所在地区", "地区代码"),
    INSTITUTION(true, "完成单位"),
    INVENTORS(false, "完成人"),
    CONTACT_NAME(true, "联系人"),
    CONTACT_PHONE(false, "联系电话"),
    CONTACT_EMAIL(false, "电子邮箱");

    /** Maturity as a TRL or as the official stage; a way to reach the contact. */
    public static final ImportColumns.Schema<AchievementColumn> SCHEMA = ImportColumns.Schema.of(AchievementColumn.class)
            .requiringOneOf(TRL, STAGE)
            .requiringOneOf(CONTACT_PHONE, CONTACT_EMAIL);

    private final boolean required;
    private final List<String> names;

    AchievementColumn(boolean required, String... names) {
        this.required = required;
        this.names = List.of(names);
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public List<String> names() {
        return names;
    }
}
