package io.techbridge.matching;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.techbridge.deploy.local.testing.CursorWalk;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Full-text search over both sides: words and phrases in Chinese and English, never lone characters; records
 * found by meaning above the floor; filters, facets with region names, and what stays hidden.
 */
@QuarkusTest
@RealServers
class SearchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String SECRET = "专有低温烧结工艺";
    /** A prefecture no other test indexes in, so a listing filtered by it holds only a test's own records. */
    private static final String CURSOR_REGION = "652700";

    /**
     * Six records sharing a marker word no other record has, so counts over {@code q=marker} are exact
     * whatever else the other tests index. Published once, by whichever test needs them first.
     */
    private record Fixture(String marker, String secretMarker, String a1, String a2, String a3, String withdrawn,
            String d1, String confidential) {
    }

    private static Fixture fixture;

    private static synchronized Fixture fixture() {
        if (fixture != null) {
            return fixture;
        }
        String marker = marker();
        String secretMarker = marker();
        Fixture f = new Fixture(marker, secretMarker, Events.newId(), Events.newId(), Events.newId(), Events.newId(),
                Events.newId(), Events.newId());
        achievement(f.a1(), "高强韧铝合金板材轧制技术", "7xxx系铝合金板材的温轧与时效工艺，强度650MPa，延伸率12%。",
                marker, "04.01", 7, "440300", "PUBLISHED");
        achievement(f.a2(), "可降解聚乳酸发泡餐盒材料", "超临界二氧化碳发泡聚乳酸，耐热100摄氏度，180天可堆肥降解。",
                marker, "04.03", 3, "440100", "PUBLISHED");
        achievement(f.a3(), "风电叶片碳纤维主梁拉挤工艺", "大丝束碳纤维拉挤板用于百米级叶片主梁，减重20%。",
                marker, "06.01", 5, "510100", "PUBLISHED");
        achievement(f.withdrawn(), "镁合金压铸汽车仪表盘支架", "高真空压铸镁合金支架，比钢制件减重45%。",
                marker, "04.01", 8, "440300", "WITHDRAWN");
        ObjectNode d1 = Events.demand(f.d1(), 1, "新能源汽车电池包轻量化壳体",
                "电池包壳体目前用钢板冲压，重量偏大，需要铝合金或复合材料的轻量化方案，减重30%以上。",
                List.of("轻量化", "电池包", marker), "04.02", 6);
        d1.put("regionCode", "440300");
        Events.publishDemand("DemandCreated", d1);
        ObjectNode confidential = Events.demand(f.confidential(), 1, "某型陶瓷基板开裂问题",
                "我司" + SECRET + " " + secretMarker + " 在量产中出现基板微裂纹，良率只有七成，需要改进烧结曲线和配方。",
                List.of("陶瓷基板", marker), "07.01", null);
        confidential.put("regionCode", "510104").put("confidentiality", "BROKERS_ONLY");
        Events.publishDemand("DemandCreated", confidential);

        await().atMost(PATIENCE).untilAsserted(() -> search(Map.of("q", marker, "includeInactive", "true"))
                .body("totalItems", equalTo(6)));
        fixture = f;
        return f;
    }

    @Test
    void anAchievementIsFoundByAChineseTermAndByAnEnglishTermWithHighlights() {
        String id = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(id, 1, "钙钛矿晶硅叠层太阳能电池",
                "宽带隙钙钛矿顶电池与晶硅底电池叠层，光电转换效率31%。A perovskite-silicon tandem cell for rooftop modules.",
                List.of("钙钛矿", "叠层电池"), "06.01", 5));
        MatchingTest.awaitIndexed(id);

        searchAs(null, Map.of("q", "钙钛矿")).statusCode(200)
                .body("items[0].id", equalTo(id))
                .body("items[0].type", equalTo("achievement"))
                .body("items[0].title", equalTo("钙钛矿晶硅叠层太阳能电池"))
                .body("items[0].organisation", equalTo("测试大学"))
                .body("items[0].organisationId", equalTo("org-test-university"))
                .body("items[0].trl", equalTo(5))
                .body("items[0].score", greaterThan(0f))
                .body("items[0].highlights.title[0]", equalTo("<em>钙钛矿</em>晶硅叠层太阳能电池"))
                .body("items[0].highlights.keywords", hasItem("<em>钙钛矿</em>"))
                .body("items[0]", not(hasKey("minTrl")))
                .body("items[0]", not(hasKey("confidential")));

        searchAs(null, Map.of("q", "Perovskite")).statusCode(200)
                .body("items[0].id", equalTo(id))
                .body("items[0].highlights.summary[0]", containsString("<em>perovskite</em>"));
    }

    @Test
    void filtersNarrowByTypeFieldRegionAndMaturity() {
        Fixture f = fixture();
        assertIds(Map.of("q", f.marker()), f.a1(), f.a2(), f.a3(), f.d1(), f.confidential());
        assertIds(Map.of("q", f.marker(), "type", "achievement"), f.a1(), f.a2(), f.a3());
        assertIds(Map.of("q", f.marker(), "type", "demand"), f.d1(), f.confidential());
        // A top-level field takes in its sub-fields; a sub-field is exact.
        assertIds(Map.of("q", f.marker(), "field", "04"), f.a1(), f.a2(), f.d1());
        assertIds(Map.of("q", f.marker(), "field", "04.03"), f.a2());
        // A province, a city with its counties, a county.
        assertIds(Map.of("q", f.marker(), "region", "440000"), f.a1(), f.a2(), f.d1());
        assertIds(Map.of("q", f.marker(), "region", "440300"), f.a1(), f.d1());
        assertIds(Map.of("q", f.marker(), "region", "510100"), f.a3(), f.confidential());
        assertIds(Map.of("q", f.marker(), "region", "510104"), f.confidential());
        // Maturity filters achievements only; demands stay.
        assertIds(Map.of("q", f.marker(), "minTrl", "5"), f.a1(), f.a3(), f.d1(), f.confidential());
        assertIds(Map.of("q", f.marker(), "minTrl", "5", "type", "achievement", "region", "440000"), f.a1());
    }

    @Test
    void recordsOutsideThePoolAreShownOnlyWhenAsked() {
        Fixture f = fixture();
        search(Map.of("q", f.marker())).body("items.id", not(hasItem(f.withdrawn())));
        search(Map.of("q", f.marker(), "includeInactive", "true")).statusCode(200)
                .body("totalItems", equalTo(6))
                .body("items.find { it.id == '" + f.withdrawn() + "' }.status", equalTo("WITHDRAWN"))
                .body("facets.status.find { it.key == 'WITHDRAWN' }.count", equalTo(1));
    }

    @Test
    void draftsAndStaleRecordsAreFoundOnlyByTheirOwnersBrokersAndAdminsEvenWithInactiveRecordsAsked() {
        String marker = marker();
        String draft = Events.newId();
        String stale = Events.newId();
        String published = Events.newId();
        String staleDemand = Events.newId();
        achievement(draft, "未公开的固态电解质草稿成果", "硫化物固态电解质的干法成膜工艺，离子电导率8mS/cm。", marker, "04.02", 4,
                "330100", "DRAFT");
        achievement(stale, "久未确认的储氢合金成果", "镁基储氢合金球磨制备，吸氢量6.5wt%。", marker, "04.02", 5, "330100", "STALE");
        achievement(published, "已公开的钠离子正极材料成果", "层状氧化物正极，比容量150mAh/g。", marker, "04.02", 6, "330100",
                "PUBLISHED");
        ObjectNode d = Events.demand(staleDemand, 1, "久未确认的电池回收需求", "退役电池梯次利用的快速分选方法，需要检测设备。",
                List.of("电池回收", marker), "04.02", 5);
        d.put("status", "STALE");
        Events.publishDemand("DemandCreated", d);
        await().atMost(PATIENCE).untilAsserted(() -> search(Map.of("q", marker, "includeInactive", "true"))
                .body("totalItems", equalTo(4)));

        for (String token : java.util.Arrays.asList(null, TestTokens.university("org-other-university"),
                TestTokens.enterprise("org-other-enterprise"))) {
            searchAs(token, Map.of("q", marker, "includeInactive", "true")).statusCode(200)
                    .body("totalItems", equalTo(1))
                    .body("items.id", equalTo(List.of(published)))
                    .body("facets.status.key", not(hasItem("DRAFT")))
                    .body("facets.status.key", not(hasItem("STALE")))
                    .body(not(containsString("固态电解质")))
                    .body(not(containsString("储氢合金")))
                    .body(not(containsString("电池回收")));
            searchAs(token, Map.of("type", "achievement", "includeInactive", "true", "q", marker)).statusCode(200)
                    .body("items.id", equalTo(List.of(published)));
        }
        // The owners see their own drafts and stale records, and nobody else's.
        assertIdsAs(TestTokens.university("org-test-university"), Map.of("q", marker, "includeInactive", "true"),
                draft, stale, published);
        assertIdsAs(TestTokens.enterprise("org-test-enterprise"), Map.of("q", marker, "includeInactive", "true"),
                published, staleDemand);
        for (String token : List.of(TestTokens.broker(), TestTokens.admin())) {
            assertIdsAs(token, Map.of("q", marker, "includeInactive", "true"), draft, stale, published, staleDemand);
        }
    }

    @Test
    void facetsCountTheWholeResultNotThePage() {
        Fixture f = fixture();
        search(Map.of("q", f.marker(), "size", "2")).statusCode(200)
                .body("items", hasSize(2))
                .body("page", equalTo(0))
                .body("size", equalTo(2))
                .body("totalItems", equalTo(5))
                .body("totalPages", equalTo(3))
                .body("facets.type", equalTo(List.of(bucket("achievement", 3), bucket("demand", 2))))
                .body("facets.field", equalTo(List.of(bucket("04", "新材料", 3), bucket("06", "新能源与节能", 1),
                        bucket("07", "资源与环境", 1))))
                .body("facets.region", equalTo(List.of(bucket("440000", "广东省", 3), bucket("510000", "四川省", 2))))
                .body("facets.status", equalTo(List.of(bucket("PUBLISHED", 3), bucket("OPEN", 2))));
        search(Map.of("q", f.marker(), "size", "2", "page", "2")).statusCode(200)
                .body("items", hasSize(1))
                .body("totalItems", equalTo(5));
    }

    @Test
    void eachFacetIsCountedWithTheOtherFiltersButNotItsOwn() {
        Fixture f = fixture();
        search(Map.of("q", f.marker(), "field", "04")).statusCode(200)
                .body("totalItems", equalTo(3))
                // The field facet ignores field=04, so the other fields stay visible with their counts.
                .body("facets.field", equalTo(List.of(bucket("04", "新材料", 3), bucket("06", "新能源与节能", 1),
                        bucket("07", "资源与环境", 1))))
                .body("facets.type", equalTo(List.of(bucket("achievement", 2), bucket("demand", 1))))
                .body("facets.region", equalTo(List.of(bucket("440000", "广东省", 3))))
                .body("facets.status", equalTo(List.of(bucket("PUBLISHED", 2), bucket("OPEN", 1))));
        search(Map.of("q", f.marker(), "type", "demand", "region", "510000")).statusCode(200)
                .body("totalItems", equalTo(1))
                .body("facets.type", equalTo(List.of(bucket("achievement", 1), bucket("demand", 1))))
                .body("facets.region", equalTo(List.of(bucket("440000", "广东省", 1), bucket("510000", "四川省", 1))))
                .body("facets.field", equalTo(List.of(bucket("07", "资源与环境", 1))));
    }

    @Test
    void aConfidentialDemandIsAnonymisedAndNotFoundByItsWordsForAnyoneButBrokersAndItsOwner() {
        Fixture f = fixture();
        for (String token : java.util.Arrays.asList(null, TestTokens.university("org-test-university"),
                TestTokens.enterprise("org-other-enterprise"))) {
            // Its words find nothing: a hit would tell what the hidden text says.
            searchAs(token, Map.of("q", f.secretMarker())).statusCode(200)
                    .body("totalItems", equalTo(0))
                    .body(not(containsString(SECRET)));
            searchAs(token, Map.of("q", f.marker(), "type", "demand")).statusCode(200)
                    .body("items.id", equalTo(List.of(f.d1())));
            // Listed without words, it is anonymised: a generic title, no organisation, no highlights.
            searchAs(token, Map.of("type", "demand", "region", "510104")).statusCode(200)
                    .body("items.id", equalTo(List.of(f.confidential())))
                    .body("items[0].confidential", equalTo(true))
                    .body("items[0].title", equalTo("保密需求（水污染控制）"))
                    .body("items[0].fieldCode", equalTo("07.01"))
                    .body("items[0].status", equalTo("OPEN"))
                    .body("items[0]", not(hasKey("organisation")))
                    .body("items[0]", not(hasKey("organisationId")))
                    .body("items[0].highlights", equalTo(Map.of()))
                    .body(not(containsString(SECRET)))
                    .body(not(containsString("某型陶瓷基板开裂问题")))
                    .body(not(containsString("测试科技有限公司")))
                    .body(not(containsString("org-test-enterprise")));
        }

        // Brokers, admins and the owning enterprise find it by its words and see it in full.
        for (String token : List.of(TestTokens.broker(), TestTokens.admin(), TestTokens.enterprise("org-test-enterprise"))) {
            searchAs(token, Map.of("q", f.secretMarker())).statusCode(200)
                    .body("totalItems", equalTo(1))
                    .body("items[0].id", equalTo(f.confidential()))
                    .body("items[0].confidential", equalTo(true))
                    .body("items[0].title", equalTo("某型陶瓷基板开裂问题"))
                    .body("items[0].organisation", equalTo("测试科技有限公司"))
                    .body("items[0].organisationId", equalTo("org-test-enterprise"))
                    .body("items[0].highlights.problem[0]", containsString(SECRET));
        }

        // A public demand shows its organisation and the words matched in its text to anyone.
        searchAs(null, Map.of("q", f.marker(), "type", "demand")).statusCode(200)
                .body("items.find { it.id == '" + f.d1() + "' }.confidential", equalTo(false))
                .body("items.find { it.id == '" + f.d1() + "' }.organisation", equalTo("测试科技有限公司"))
                .body("items.find { it.id == '" + f.d1() + "' }.minTrl", equalTo(6))
                .body("items.find { it.id == '" + f.d1() + "' }.highlights.keywords", hasItem(containsString("<em>")));
    }

    @Test
    void aChineseTermMatchesAsAWordNeverByItsCharacters() {
        // 阿克苏地区: a region no other test uses, so counts within it are exact.
        String region = "652900";
        String chinese = Events.newId();
        String english = Events.newId();
        String graphite = Events.newId();
        String zeolite = Events.newId();
        String butene = Events.newId();
        achievement(chinese, "高导热石墨烯复合散热膜制备技术", "面内导热系数1500 W/(m·K)，厚度25微米，用于手机和基站散热。",
                List.of("石墨烯", "散热膜"), region);
        achievement(english, "Water-borne Graphene-modified Zinc-rich Anticorrosive Coating for Steel Structures",
                "A water-borne epoxy zinc-rich primer in which 0.5 wt% of well-dispersed graphene builds conductive "
                        + "paths between zinc particles, so zinc content can be cut from 80% to 40%.",
                List.of("graphene", "anticorrosive coating", "zinc-rich primer"), region);
        achievement(graphite, "高纯石墨负极材料提纯技术", "天然鳞片石墨经高温提纯，纯度99.95%，用于锂离子电池负极。",
                List.of("石墨", "负极材料"), region);
        achievement(zeolite, "高硅沸石分子筛吸附剂", "ZSM-5沸石分子筛，用于VOCs吸附，比表面积400平方米每克。",
                List.of("沸石", "分子筛"), region);
        achievement(butene, "丁烯氧化脱氢制丁二烯催化剂", "铁酸锌催化剂用于丁烯氧化脱氢，丁二烯选择性92%。",
                List.of("丁烯", "催化剂"), region);
        List.of(chinese, english, graphite, zeolite, butene).forEach(MatchingTest::awaitIndexed);

        // Graphene in Chinese and in English (the bilingual term list), not graphite, zeolite (沸石) or butene (丁烯).
        searchAs(null, Map.of("q", "石墨烯", "region", region)).statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.id", containsInAnyOrder(chinese, english))
                .body("items.find { it.id == '" + chinese + "' }.highlights.title[0]",
                        equalTo("高导热<em>石墨烯</em>复合散热膜制备技术"))
                .body("items.find { it.id == '" + english + "' }.highlights.keywords", hasItem("<em>graphene</em>"));
        searchAs(null, Map.of("q", "石墨烯")).statusCode(200)
                .body("items.id", hasItems(chinese, english))
                .body("items.id", not(hasItem(graphite)))
                .body("items.id", not(hasItem(zeolite)))
                .body("items.id", not(hasItem(butene)));
        searchAs(null, Map.of("q", "graphene", "region", region)).statusCode(200)
                .body("items.id", containsInAnyOrder(chinese, english));
        // Graphite is a word of its own, and graphene contains it.
        assertIds(Map.of("q", "石墨", "region", region), graphite, chinese);
        // A lone character is no word: 烯 finds nothing, although two of these texts contain it.
        assertIds(Map.of("q", "烯", "region", region));
        // Chinese typed without spaces: the words of a longer term need not be contiguous.
        assertIds(Map.of("q", "石墨烯散热膜", "region", region), chinese);
        // In quotes a term is taken as written, and only the words count.
        assertIds(Map.of("q", "\"石墨烯散热膜\"", "region", region));
        // A query of nothing but a generic word is taken as it is.
        assertIds(Map.of("q", "技术", "region", region), chinese, graphite);
    }

    @Test
    void aQueryOfNonsenseFindsNothing() {
        fixture();
        for (String q : List.of("xyzzy不存在", "xyzzy", "不存在的东西 plugh")) {
            searchAs(null, Map.of("q", q)).statusCode(200)
                    .body("totalItems", equalTo(0))
                    .body("items", hasSize(0))
                    .body("facets.type", hasSize(0));
        }
    }

    @Test
    void aQueryOfSeveralTermsNeedsMostOfThem() {
        String one = marker();
        String two = marker();
        String three = marker();
        String four = marker();
        String absent = marker();
        String region = "652800";
        String withOne = Events.newId();
        String withTwo = Events.newId();
        String withThree = Events.newId();
        String withFour = Events.newId();
        achievement(withOne, "多孔陶瓷过滤膜", "孔径0.1微米的氧化铝陶瓷膜 " + one + "，用于含油废水过滤。", List.of("陶瓷膜"), region);
        achievement(withTwo, "多孔陶瓷过滤膜二代", "孔径0.1微米的氧化铝陶瓷膜 " + one + " " + two + "，用于含油废水过滤。",
                List.of("陶瓷膜"), region);
        achievement(withThree, "多孔陶瓷过滤膜三代", "孔径0.1微米的氧化铝陶瓷膜 " + one + " " + two + " " + three
                + "，用于含油废水过滤。", List.of("陶瓷膜"), region);
        achievement(withFour, "多孔陶瓷过滤膜四代", "孔径0.1微米的氧化铝陶瓷膜 " + one + " " + two + " " + three + " "
                + four + "，用于含油废水过滤。", List.of("陶瓷膜"), region);
        List.of(withOne, withTwo, withThree, withFour).forEach(MatchingTest::awaitIndexed);

        // One or two terms: all of them.
        assertIds(Map.of("q", one), withOne, withTwo, withThree, withFour);
        assertIds(Map.of("q", one + " " + two), withTwo, withThree, withFour);
        assertIds(Map.of("q", one + " " + absent));
        // Three terms: all three (three quarters of 3, rounded up); four: three of them; five: four.
        assertIds(Map.of("q", one + " " + two + " " + three), withThree, withFour);
        assertIds(Map.of("q", one + " " + two + " " + three + " " + absent), withThree, withFour);
        assertIds(Map.of("q", one + " " + two + " " + absent + " " + marker()));
        assertIds(Map.of("q", one + " " + two + " " + three + " " + four + " " + absent), withFour);
        // Stop and generic words do not count as terms.
        assertIds(Map.of("q", "the " + one + " " + two + " 技术"), withTwo, withThree, withFour);
    }

    @Test
    void regionFacetsAreLabelledWithTheirNames() {
        Fixture f = fixture();
        search(Map.of("q", f.marker(), "region", "510104")).statusCode(200)
                .body("facets.region.key", equalTo(List.of("440000", "510000")))
                .body("facets.region.label", equalTo(List.of("广东省", "四川省")));
    }

    @Test
    void aConfidentialDemandIsNotFoundByMeaningEither() {
        Fixture f = fixture();
        // Shares no word with the hidden demand (陶瓷基板 … 微裂纹 … 良率只有七成) but says the same:
        // its embedding is ~0.76 similar, above the floor.
        String paraphrase = "陶瓷片烧成开裂良率低";
        searchAs(TestTokens.broker(), Map.of("q", paraphrase)).statusCode(200)
                .body("items.id", hasItem(f.confidential()))
                .body("items.find { it.id == '" + f.confidential() + "' }.highlights", equalTo(Map.of()))
                .body("items.find { it.id == '" + f.confidential() + "' }.score", lessThan(1f));
        for (String token : java.util.Arrays.asList(null, TestTokens.university("org-test-university"),
                TestTokens.enterprise("org-other-enterprise"))) {
            searchAs(token, Map.of("q", paraphrase)).statusCode(200)
                    .body("items.id", not(hasItem(f.confidential())))
                    .body(not(containsString(SECRET)))
                    .body(not(containsString("某型陶瓷基板开裂问题")));
            searchAs(token, Map.of("q", paraphrase, "type", "demand", "region", "510104")).statusCode(200)
                    .body("totalItems", equalTo(0))
                    .body("facets.type.find { it.key == 'demand' }", nullValue());
        }
        // Its owner finds it by meaning as well.
        searchAs(TestTokens.enterprise("org-test-enterprise"), Map.of("q", paraphrase)).statusCode(200)
                .body("items.id", hasItem(f.confidential()));
    }

    @Test
    void withoutWordsTheMostRecentlyChangedComeFirst() {
        String older = Events.newId();
        String newer = Events.newId();
        Instant now = Instant.now();
        ObjectNode newerAchievement = Events.achievement(newer, 1, "青稞β-葡聚糖提取技术", "青稞麸皮中提取β-葡聚糖，纯度85%。",
                List.of("青稞"), "02.06", 6).put("regionCode", "540100").put("updatedAt", now.toString());
        ObjectNode olderAchievement = Events.achievement(older, 1, "高原牦牛乳酪蛋白加工", "牦牛乳中分离酪蛋白用于功能食品。",
                List.of("牦牛乳"), "02.06", 6).put("regionCode", "540102")
                .put("createdAt", now.minusSeconds(86_400).toString())
                .put("updatedAt", now.minusSeconds(3_600).toString());
        Events.publishAchievement("AchievementCreated", newerAchievement);
        Events.publishAchievement("AchievementCreated", olderAchievement);
        MatchingTest.awaitIndexed(newer);
        MatchingTest.awaitIndexed(older);

        search(Map.of("region", "540000")).statusCode(200)
                .body("items.id", equalTo(List.of(newer, older)))
                .body("items.score", everyItem(nullValue()));
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("type", Map.of("type", "patent"));
        cases.put("field", Map.of("field", "99"));
        cases.put("region", Map.of("region", "3301"));
        cases.put("minTrl", Map.of("minTrl", "10"));
        cases.put("includeInactive", Map.of("includeInactive", "maybe"));
        cases.put("page", Map.of("page", "-1"));
        cases.put("size", Map.of("size", "1000"));
        cases.put("q", Map.of("q", "长".repeat(201)));
        cases.forEach((parameter, query) -> search(query).statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(parameter))
                .body("violations[0].in", equalTo("query")));
        search(Map.of("minTrl", "high")).statusCode(400).body("violations[0].field", equalTo("minTrl"));
        search(Map.of("page", "500", "size", "100")).statusCode(400).body("violations[0].field", equalTo("page"));
        // Pages whose offset overflows an int are refused, not a 500.
        search(Map.of("page", "2147483647")).statusCode(400).body("violations[0].field", equalTo("page"));
        search(Map.of("page", "21474837", "size", "100")).statusCode(400).body("violations[0].field", equalTo("page"));
    }

    private static void assertIds(Map<String, String> query, String... ids) {
        assertIdsAs(TestTokens.broker(), query, ids);
    }

    private static void assertIdsAs(String token, Map<String, String> query, String... ids) {
        searchAs(token, query).statusCode(200)
                .body("totalItems", equalTo(ids.length))
                .body("items.id", containsInAnyOrder((Object[]) ids));
    }

    /** A search as a broker, who sees every record in full, so counts take in the confidential demand. */
    @Test
    void walkingByCursorGivesEveryRecordOnceNewestFirstWhileMoreAreIndexed() {
        String marker = indexedInCursorRegion(5);
        List<String> listed = search(Map.of("region", CURSOR_REGION, "size", "100")).statusCode(200)
                .extract().path("items.id");

        List<String> walked = CursorWalk.walk(Api::asBroker, "/api/search?region=" + CURSOR_REGION + "&size=2", () -> {
            String added = Events.newId();
            achievement(added, "游标检索新增成果", "分页之间新索引的成果。", marker, "04.01", 7, CURSOR_REGION, "PUBLISHED");
            await().atMost(PATIENCE).untilAsserted(() -> search(Map.of("q", marker)).body("items.id", hasItem(added)));
        });
        assertEquals(listed, walked);

        // Best first by words: the walk gives the ranking as one page shows it.
        List<String> ranked = search(Map.of("q", marker, "size", "100")).extract().path("items.id");
        assertEquals(ranked, CursorWalk.walk(Api::asBroker, "/api/search?q=" + marker + "&size=3", () -> { }));
    }

    @Test
    void aChangedSearchCursorOrOneOfAnotherOrderingIsRefusedNamingCursor() {
        String marker = indexedInCursorRegion(2);
        CursorWalk.refusesBadCursors(Api::asBroker, "/api/search", "region=" + CURSOR_REGION + "&size=1");
        String newestFirst = search(Map.of("region", CURSOR_REGION, "size", "1")).extract().path("nextCursor");
        search(Map.of("q", marker, "cursor", newestFirst)).statusCode(400)
                .body("violations[0].field", equalTo("cursor"));
    }

    /** {@code count} published achievements in {@link #CURSOR_REGION}, once searchable; their marker word. */
    private static String indexedInCursorRegion(int count) {
        String marker = marker();
        for (int i = 0; i < count; i++) {
            achievement(Events.newId(), "游标检索铝合金板材" + i, "7xxx系铝合金板材的温轧与时效工艺，强度650MPa。", marker, "04.01", 7,
                    CURSOR_REGION, "PUBLISHED");
        }
        await().atMost(PATIENCE).untilAsserted(() -> search(Map.of("q", marker)).body("totalItems", equalTo(count)));
        return marker;
    }

    private static ValidatableResponse search(Map<String, String> query) {
        return searchAs(TestTokens.broker(), query);
    }

    /** A search as the token's holder, or anonymously (null): search needs no login. */
    private static ValidatableResponse searchAs(String token, Map<String, String> query) {
        return Api.as(token).queryParams(query).when().get("/api/search").then();
    }

    private static void achievement(String id, String title, String summary, String marker, String field, int trl,
            String region, String status) {
        ObjectNode a = Events.achievement(id, 1, title, summary, List.of(title.substring(0, 4), marker), field, trl);
        a.put("regionCode", region).put("status", status);
        Events.publishAchievement("AchievementCreated", a);
    }

    private static void achievement(String id, String title, String summary, List<String> keywords, String region) {
        ObjectNode a = Events.achievement(id, 1, title, summary, keywords, "04.02", 6);
        a.put("regionCode", region);
        Events.publishAchievement("AchievementCreated", a);
    }

    private static Map<String, Object> bucket(String key, int count) {
        Map<String, Object> bucket = new LinkedHashMap<>();
        bucket.put("key", key);
        bucket.put("count", count);
        return bucket;
    }

    private static Map<String, Object> bucket(String key, String label, int count) {
        Map<String, Object> bucket = new LinkedHashMap<>();
        bucket.put("key", key);
        bucket.put("label", label);
        bucket.put("count", count);
        return bucket;
    }

    /** A word of letters only (one token in every analysis) that no other record contains. */
    private static String marker() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("tbm");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
