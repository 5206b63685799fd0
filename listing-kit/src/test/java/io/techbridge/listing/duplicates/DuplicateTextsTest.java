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
    void anAnonymisedCandidateIsAnotherOrganisationsRecordWithNeitherIdNorSimilarity() {
        assertEquals("另一机构的成果", texts.hiddenTitle());
        assertEquals("另一机构的需求", new DuplicateTexts("需求", "%d").hiddenTitle());
        DuplicateCandidate hidden = DuplicateCandidate.hidden(texts.hiddenTitle(),
                new DuplicateRules.Verdict(List.of(DuplicateReason.SAME_PATENT), 1.0));
        assertEquals(new DuplicateCandidate(null, "另一机构的成果", null, null, null, List.of(DuplicateReason.SAME_PATENT)),
                hidden);
        assertTrue(hidden.anonymised());
    }

    @Test
    void anonymisedCandidatesComeAfterTheOnesReadInFull() {
        DuplicateCandidate hidden = DuplicateCandidate.hidden("另一机构的成果",
                new DuplicateRules.Verdict(List.of(DuplicateReason.SAME_PATENT), 1.0));
        DuplicateCandidate close = DuplicateCandidate.of(UUID.randomUUID(), "a", "org-a", "PUBLISHED",
                new DuplicateRules.Verdict(List.of(DuplicateReason.SIMILAR_TITLE), 0.9));
        DuplicateCandidate far = DuplicateCandidate.of(UUID.randomUUID(), "b", "org-a", "PUBLISHED",
                new DuplicateRules.Verdict(List.of(DuplicateReason.SIMILAR_TEXT), 0.3));
        List<DuplicateCandidate> candidates = new java.util.ArrayList<>(List.of(hidden, far, close));
        candidates.sort(DuplicateCandidate.SHOWN_ORDER);
        assertEquals(List.of(close, far, hidden), candidates);
    }

    @Test
    void theConflictDetailCountsTheCandidates() {
        assertEquals("3 registered achievement(s) look like this one", texts.possibleDuplicateDetail(3));
    }

    @Test
    void anImportRowNamesEachCandidateItMayReadWithSimilarityAndAnAnonymisedOneByItsReasonsOnly() {
        UUID first = UUID.fromString("11111111-2222-3333-4444-555555555555");
        String problem = texts.importProblem(List.of(
                new DuplicateCandidate(first, "石墨烯散热膜", "org-a", "PUBLISHED", 0.8333,
                        List.of(DuplicateReason.SIMILAR_TITLE, DuplicateReason.SIMILAR_TEXT)),
                DuplicateCandidate.hidden("另一机构的成果",
                        new DuplicateRules.Verdict(List.of(DuplicateReason.SAME_PATENT), 1.0))));
        assertEquals("可能与已有成果重复：" + first + "《石墨烯散热膜》(相似度 0.83, 名称相似、内容相似)；"
                + "《另一机构的成果》(相同专利号)；确认不是重复时以 ?duplicates=confirmed 重新上传", problem);
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
