package io.techbridge.listing.duplicates;

import io.techbridge.commons.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateTextsTest {

    private final DuplicateTexts texts = new DuplicateTexts("成果", "%d registered achievement(s) look like this one");

    @Test
    void anAnonymisedCandidateIsAnotherOrganisationsRecord() {
        assertEquals("另一机构的成果", texts.hiddenTitle());
        assertEquals("另一机构的需求", new DuplicateTexts("需求", "%d").hiddenTitle());
        UUID id = UUID.randomUUID();
        DuplicateCandidate hidden = DuplicateCandidate.hidden(id, texts.hiddenTitle(),
                new DuplicateRules.Verdict(List.of(DuplicateReason.SAME_PATENT), 1.0));
        assertEquals(new DuplicateCandidate(id, "另一机构的成果", null, null, 1.0, List.of(DuplicateReason.SAME_PATENT)),
                hidden);
    }

    @Test
    void theConflictDetailCountsTheCandidates() {
        assertEquals("3 registered achievement(s) look like this one", texts.possibleDuplicateDetail(3));
    }

    @Test
    void anImportRowNamesEachCandidateWithSimilarityAndReasons() {
        UUID first = UUID.fromString("11111111-2222-3333-4444-555555555555");
        UUID second = UUID.fromString("66666666-7777-8888-9999-000000000000");
        String problem = texts.importProblem(List.of(
                new DuplicateCandidate(first, "石墨烯散热膜", "org-a", "PUBLISHED", 0.8333,
                        List.of(DuplicateReason.SIMILAR_TITLE, DuplicateReason.SIMILAR_TEXT)),
                new DuplicateCandidate(second, "另一机构的成果", null, null, 1.0, List.of(DuplicateReason.SAME_PATENT))));
        assertEquals("可能与已有成果重复：" + first + "《石墨烯散热膜》(相似度 0.83, 名称相似、内容相似)；"
                + second + "《另一机构的成果》(相似度 1.00, 相同专利号)；确认不是重复时以 ?duplicates=confirmed 重新上传", problem);
    }

    @Test
    void onlyConfirmedConfirms() {
        assertFalse(DuplicatesParameter.confirmed(null));
        assertTrue(DuplicatesParameter.confirmed("confirmed"));
        ProblemException refused = assertThrows(ProblemException.class, () -> DuplicatesParameter.confirmed("yes"));
        assertEquals(400, refused.problem().status());
        assertEquals("duplicates", refused.problem().violations().getFirst().field());
    }
}
