package io.techbridge.listing.duplicates;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.List;

/**
 * What a listing's users read about its near-duplicates.
 *
 * @param chineseNoun     the record in Chinese messages: 成果 gives 另一机构的成果 (an anonymised
 *                        candidate) and 可能与已有成果重复 (a refused import row)
 * @param duplicateDetail the detail of a 409 possible-duplicate; {@code %d} is the number of candidates
 */
public record DuplicateTexts(String chineseNoun, String duplicateDetail) {

    private static final Map<DuplicateReason, String> REASONS = Map.of(DuplicateReason.SAME_PATENT, "相同专利号",
            DuplicateReason.SIMILAR_TITLE, "名称相似", DuplicateReason.SIMILAR_TEXT, "内容相似");

    public DuplicateTexts {
        Objects.requireNonNull(chineseNoun, "chineseNoun");
        Objects.requireNonNull(duplicateDetail, "duplicateDetail");
    }

    /** The title an anonymised candidate is shown with: 另一机构的成果. */
    public String hiddenTitle() {
        return "另一机构的" + chineseNoun;
    }

    public String possibleDuplicateDetail(int candidates) {
        return String.format(Locale.ROOT, duplicateDetail, candidates);
    }

    /**
     * The problem of an import row with near-duplicates: 可能与已有成果重复：&lt;id&gt;《title》(相似度 0.83,
     * 相同专利号)；… (an anonymised one without id and similarity: 《另一机构的成果》(相同专利号)), then how
     * to import it anyway.
     */
    public String importProblem(List<DuplicateCandidate> candidates) {
        return "可能与已有" + chineseNoun + "重复：" + candidates.stream()
                .map(DuplicateTexts::described)
                .collect(Collectors.joining("；"))
                + "；确认不是重复时以 ?duplicates=confirmed 重新上传";
    }

    private static String described(DuplicateCandidate c) {
        String reasons = c.reasons().stream().map(REASONS::get).collect(Collectors.joining("、"));
        if (c.anonymised()) {
            return "《" + c.title() + "》(" + reasons + ")";
        }
        return c.id() + "《" + c.title() + "》(相似度 " + String.format(Locale.ROOT, "%.2f", c.similarity()) + ", "
                + reasons + ")";
    }
}
