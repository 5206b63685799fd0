package io.techbridge.demand.imports;

import io.techbridge.listing.imports.ImportColumn;
import io.techbridge.listing.imports.ImportColumns;

import java.util.List;

/**
 * The columns of a demand sheet, by the Chinese names of enterprise demand registration forms
 * (企业技术需求登记表): which part of a demand each holds, and whether a sheet must have it. The
 * challenge columns describe an open challenge (揭榜挂帅) set on the demand.
 */
public enum DemandColumn implements ImportColumn {
    TITLE(true, "需求名称"),
    PROBLEM(true, "需求描述", "拟解决的技术难题"),
    INDICATORS(false, "技术指标"),
    FIELD(true, "技术领域"),
    KEYWORDS(true, "关键词"),
    BUDGET(true, "预算"),
    VALID_UNTIL(true, "有效期", "有效期至"),
    REGION(true, "所在地区", "地区"),
    COOPERATION_MODES(true, "合作方式"),
    MIN_TRL(false, "成熟度要求", "最低成熟度"),
    CONFIDENTIALITY(false, "保密要求"),
    ENTERPRISE(true, "企业名称"),
    CONTACT_NAME(true, "联系人"),
    CONTACT_PHONE(false, "联系电话"),
    CONTACT_EMAIL(false, "电子邮箱"),
    /** An open challenge (揭榜挂帅): optional for an enterprise, what an admin's rows must be. */
    CHALLENGE_GOAL(false, "揭榜目标", "榜单目标"),
    CHALLENGE_INDICATORS(false, "揭榜指标", "考核指标"),
    BOUNTY(false, "悬赏金额", "揭榜金额"),
    APPLICATION_DEADLINE(false, "揭榜截止日期", "申报截止日期"),
    JUDGING_DEADLINE(false, "评审截止日期");

    /** A way to reach the contact. */
    public static final ImportColumns.Schema<DemandColumn> SCHEMA = ImportColumns.Schema.of(DemandColumn.class)
            .requiringOneOf(CONTACT_PHONE, CONTACT_EMAIL);

    private final boolean required;
    private final List<String> names;

    DemandColumn(boolean required, String... names) {
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
