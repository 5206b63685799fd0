package io.techbridge.commons.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegionsTest {

    @Test
    void namesProvincesAndCities() {
        assertEquals(Optional.of("北京市"), Regions.name("110000"));
        assertEquals(Optional.of("上海市"), Regions.name("310000"));
        assertEquals(Optional.of("浙江省"), Regions.name("330000"));
        assertEquals(Optional.of("杭州市"), Regions.name("330100"));
        assertEquals(Optional.of("宁波市"), Regions.name("330200"));
        assertEquals(Optional.of("深圳市"), Regions.name("440300"));
        assertEquals(Optional.of("东莞市"), Regions.name("441900"));
        assertEquals(Optional.of("成都市"), Regions.name("510100"));
        assertEquals(Optional.of("石家庄市"), Regions.name("130100"));
        assertEquals(Optional.of("苏州市"), Regions.name("320500"));
        assertEquals(Optional.of("延边朝鲜族自治州"), Regions.name("222400"));
        assertEquals(Optional.of("香港特别行政区"), Regions.name("810000"));
    }

    @Test
    void countyFallsBackToItsCityOrProvince() {
        assertEquals(Optional.of("杭州市"), Regions.name("330106"));     // 西湖区
        assertEquals(Optional.of("苏州市"), Regions.name("320583"));     // 昆山市
        assertEquals(Optional.of("北京市"), Regions.name("110108"));     // 海淀区, a district of a municipality
        assertEquals(Optional.of("湖北省"), Regions.name("429004"));     // 仙桃市, directly under the province
        assertEquals(Optional.of("重庆市"), Regions.name("500112"));
    }

    @Test
    void rejectsWhatIsNoRegionCode() {
        assertEquals(Optional.empty(), Regions.name(null));
        assertEquals(Optional.empty(), Regions.name(""));
        assertEquals(Optional.empty(), Regions.name("3301"));
        assertEquals(Optional.empty(), Regions.name("33010a"));
        assertEquals(Optional.empty(), Regions.name("990100"));
        assertEquals("990100", Regions.nameOrCode("990100"));
        assertEquals("杭州市", Regions.nameOrCode("330100"));
    }

    @Test
    void allListsEveryProvinceAndPrefectureSortedByCode() {
        Map<String, String> all = Regions.all();
        long provinces = all.keySet().stream().filter(c -> c.endsWith("0000")).count();
        assertEquals(34, provinces);
        assertEquals(333, all.size() - provinces, "prefecture-level divisions");
        List<String> codes = new ArrayList<>(all.keySet());
        List<String> sorted = new ArrayList<>(codes);
        sorted.sort(null);
        assertEquals(sorted, codes);
        for (String code : codes) {
            assertTrue(code.matches("\\d{6}"), code);
            assertTrue(all.containsKey(code.substring(0, 2) + "0000"), "province of " + code);
            assertTrue(new RegionCode.Validator().isValid(code, null), code);
        }
        assertEquals(21, all.keySet().stream().filter(c -> c.startsWith("44") && !c.endsWith("0000")).count(),
                "Guangdong has 21 prefecture-level cities");
    }
}
