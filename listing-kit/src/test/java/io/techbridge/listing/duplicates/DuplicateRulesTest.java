package io.techbridge.listing.duplicates;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DuplicateRulesTest {

    private static final String TITLE = "高导热石墨烯复合散热膜制备技术";
    private static final String TEXT = "采用化学气相沉积与热压复合工艺制备石墨烯散热膜，面内导热系数达1500 W/(m·K)，厚度25微米。";

    @Test
    void theSameTextIsASimilarTitleAndText() {
        DuplicateRules.Verdict verdict = DuplicateRules.judge(Fingerprint.of(TITLE, TEXT), Fingerprint.of(TITLE, TEXT),
                0.6, 0.2);
        assertEquals(List.of(DuplicateReason.SIMILAR_TITLE, DuplicateReason.SIMILAR_TEXT), verdict.reasons());
        assertEquals(1.0, verdict.similarity());
        assertTrue(verdict.duplicate());
    }

    @Test
    void aPatentInCommonIsADuplicateWhateverTheTextWithSimilarityOne() {
        Fingerprint probe = Fingerprint.of("一种锂电池正极材料", "溶胶凝胶法", Set.of("202110345678"));
        Fingerprint other = Fingerprint.of("机器视觉焊缝检测装置", "深度学习识别焊缝缺陷", Set.of("202110345678", "X1"));
        DuplicateRules.Verdict verdict = DuplicateRules.judge(probe, other, 0.6, 0.2);
        assertEquals(List.of(DuplicateReason.SAME_PATENT), verdict.reasons());
        assertEquals(1.0, verdict.similarity());
    }

    @Test
    void differentTopicsAreNoDuplicateAndTheSimilarityIsRounded() {
        DuplicateRules.Verdict verdict = DuplicateRules.judge(Fingerprint.of(TITLE, TEXT),
                Fingerprint.of("机器视觉焊缝检测装置", "基于深度学习识别焊缝缺陷，检测速度每秒30帧。"), 0.6, 0.2);
        assertFalse(verdict.duplicate());
        assertTrue(verdict.similarity() < 0.2, "similarity " + verdict.similarity());
        assertEquals(verdict.similarity(), Math.round(verdict.similarity() * 1000) / 1000.0);
    }

    @Test
    void thresholdsDecideEachReason() {
        Fingerprint a = Fingerprint.of(TITLE, TEXT);
        Fingerprint b = Fingerprint.of(TITLE, "本成果与上述完全不同，讲的是水产养殖。");
        assertEquals(List.of(DuplicateReason.SIMILAR_TITLE), DuplicateRules.judge(a, b, 0.6, 0.9).reasons());
        assertEquals(List.of(), DuplicateRules.judge(a, b, 1.01, 0.9).reasons());
    }
}
