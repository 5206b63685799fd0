package io.techbridge.matching.search;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentTermsTest {

    @Test
    void stopWordsGenericWordsNumbersAndLoneLettersAreNotContent() {
        List<String> terms = ContentTerms.of("我们目前采用现有技术方法开发研究系统，使用50 m of the a 技术");
        assertTrue(terms.isEmpty(), "no content word in: " + terms);
    }

    @Test
    void chineseWordsStayWholeAndUnknownWordsAreJoinedFromSingleCharacters() {
        List<String> terms = ContentTerms.of("钙钛矿太阳能电池");
        assertTrue(terms.contains("钙钛矿"), terms.toString());
        assertTrue(terms.contains("太阳能"), terms.toString());
        assertTrue(terms.stream().noneMatch(t -> t.length() < 2), "no lone character: " + terms);
    }

    @Test
    void wordsSmartcnCutsIntoCharactersAreJoinedEvenWithACommonCharacter() {
        assertTrue(ContentTerms.of("储能电站").contains("储能"), ContentTerms.of("储能电站").toString());
        assertTrue(ContentTerms.isContent("储能"));
        assertFalse(ContentTerms.isContent("的"));
    }

    @Test
    void grapheneIsNotGraphite() {
        List<String> graphene = ContentTerms.of("石墨烯复合散热膜");
        List<String> graphite = ContentTerms.of("天然石墨负极材料");
        assertTrue(graphene.contains("石墨烯"), graphene.toString());
        assertFalse(graphite.contains("石墨烯"), graphite.toString());
    }

    @Test
    void englishWordsAreStemmedAndKeepTheirSpelling() {
        List<ContentTerms.Term> terms = ContentTerms.analyse("Graphene-modified coatings for the steel structures");
        assertTrue(terms.stream().anyMatch(t -> t.surface().equals("Graphene")), terms.toString());
        assertTrue(terms.stream().noneMatch(t -> t.surface().equalsIgnoreCase("the") || t.surface().equals("for")),
                terms.toString());
        assertEquals(ContentTerms.of("coatings").get(0), ContentTerms.of("coating").get(0), "one stem for both forms");
    }
}
