package io.techbridge.listing.duplicates;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FingerprintTest {

    @Test
    void titleBandsThenTextBandsAndNoneWithoutText() {
        Fingerprint fingerprint = Fingerprint.of("高导热石墨烯复合散热膜", "面内导热系数达1500");
        assertEquals(Fingerprint.TITLE_BANDS + Fingerprint.TEXT_BANDS, fingerprint.buckets().length);
        assertArrayEquals(MinHash.bucketsOf(fingerprint.title(), 0, Fingerprint.TITLE_BANDS, Fingerprint.ROWS),
                java.util.Arrays.copyOf(fingerprint.buckets(), Fingerprint.TITLE_BANDS));
        assertEquals(0, Fingerprint.of("", null).buckets().length);
        assertEquals(0, Fingerprint.of("the of", "and").buckets().length);
    }

    @Test
    void theSameTextSharesEveryBucketAnUnrelatedOneNone() {
        Fingerprint a = Fingerprint.of("高导热石墨烯复合散热膜", "化学气相沉积与热压复合工艺");
        Fingerprint same = Fingerprint.of("高导热石墨烯复合散热膜", "化学气相沉积与热压复合工艺");
        Fingerprint other = Fingerprint.of("机器视觉焊缝检测", "深度学习识别缺陷");
        assertArrayEquals(a.buckets(), same.buckets());
        assertTrue(a.sharesBucketWith(same));
        assertFalse(a.sharesBucketWith(other));
        assertFalse(a.sharesBucketWith(Fingerprint.of("", "")));
    }

    @Test
    void patentsInCommon() {
        Fingerprint a = Fingerprint.of("甲", "乙", Set.of("202110345678", "113456789"));
        assertTrue(a.sharesPatentWith(Fingerprint.of("丙", "丁", Set.of("113456789"))));
        assertFalse(a.sharesPatentWith(Fingerprint.of("丙", "丁", Set.of("113456780"))));
        assertFalse(a.sharesPatentWith(Fingerprint.of("甲", "乙")));
        assertEquals(Set.of(), Fingerprint.of("甲", "乙", null).patents());
    }
}
