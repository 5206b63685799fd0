package io.techbridge.matching;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * A BROKERS_ONLY demand as a university sees it: anonymised in search, in its achievement's live
 * ranking and in the pair view — never a word of its text, its enterprise or organisation — until
 * the enterprise accepts the introduction; then in full, to that university only.
 */
@QuarkusTest
@RealServers
class ConfidentialDemandTest {

    private static final String SECRET = "蓝鲸二号预处理工艺";
    private static final String TITLE = "反渗透膜污堵频繁清洗周期短";
    private static final String ANONYMOUS_TITLE = "保密需求（水污染控制）";

    @Test
    void aUniversitySeesTheConfidentialDemandAnonymisedUntilTheEnterpriseAcceptsTheIntroduction() {
        String marker = "tbc" + Events.newId().replace("-", "").replaceAll("[0-9]", "x").substring(0, 12);
        String universityOrg = "org-conf-university-" + Events.newId();
        String enterpriseOrg = "org-conf-enterprise-" + Events.newId();
        String enterpriseName = "保密测试膜业" + marker.substring(3, 7) + "有限公司";
        String university = TestTokens.university(universityOrg);
        String otherUniversity = TestTokens.university("org-conf-other-university");

        ObjectNode achievement = Events.achievement(Events.newId(), 1, "反渗透膜表面接枝抗污染改性技术",
                "在反渗透膜表面接枝两性离子聚合物，膜污堵速率降低60%，清洗周期由两周延长到两个月，适用于海水淡化。",
                List.of("反渗透膜", "抗污染", "海水淡化"), "07.01", 6);
        achievement.put("organisationId", universityOrg);
        String achievementId = achievement.get("id").asText();
        String demandId = Events.newId();
        ObjectNode demand = Events.demand(demandId, 1, TITLE,
                "我司海水淡化厂采用" + SECRET + "，反渗透膜仍然污堵频繁，清洗周期只有两周，需要抗污染反渗透膜或膜改性技术 "
                        + marker + "。",
                List.of("反渗透膜", "抗污染", "海水淡化", marker), "07.01", 5);
        demand.put("organisationId", enterpriseOrg).put("enterprise", enterpriseName)
                .put("confidentiality", "BROKERS_ONLY").put("regionCode", "150102").put("indicators", "产水率不低于45%");
        String matchId = Api.proposedPair(achievement, demand);
        List<String> secrets = List.of(SECRET, TITLE, marker, enterpriseName, enterpriseOrg, "产水率");

        // Search: its words find nothing, a listing shows it anonymised.
        for (String token : java.util.Arrays.asList(university, otherUniversity, null)) {
            withoutSecrets(Api.as(token).queryParam("q", marker).when().get("/api/search").then().statusCode(200)
                    .body("totalItems", equalTo(0)), secrets);
            withoutSecrets(Api.as(token).queryParam("type", "demand").queryParam("region", "150102").when()
                    .get("/api/search").then().statusCode(200)
                    .body("items.find { it.id == '" + demandId + "' }.title", equalTo(ANONYMOUS_TITLE))
                    .body("items.find { it.id == '" + demandId + "' }", not(hasKey("organisation"))), secrets);
        }

        // The achievement's live ranking: the counterpart anonymised, the scores and factors kept.
        ValidatableResponse ranking = withoutSecrets(Api.as(university).when()
                .get("/api/achievements/" + achievementId + "/matches").then().statusCode(200), secrets);
        String entry = "find { it.demandId == '" + demandId + "' }";
        ranking.body(entry + ".counterpart.title", equalTo(ANONYMOUS_TITLE))
                .body(entry + ".counterpart.confidential", equalTo(true))
                .body(entry + ".counterpart", not(hasKey("organisation")))
                .body(entry + ".counterpart", not(hasKey("organisationId")))
                .body(entry + ".explanation.matchedTerms", empty())
                .body(entry + ".explanation.highlights", equalTo(Map.of()))
                .body(entry + ".explanation.factors.name", equalTo(List.of("semantic", "lexical", "field", "maturity",
                        "modes", "budget", "region", "freshness", "standing")))
                .body(entry + ".explanation.semanticSimilarity", notNullValue())
                .body(entry + ".score", notNullValue())
                // A proposal is the brokers' business: no pair id or state yet.
                .body(entry, not(hasKey("matchId")));
        // The broker's view of the same pair has matched terms to hide.
        Api.asBroker().when().get("/api/matches/" + matchId).then().body("explanation.matchedTerms", not(empty()));

        // The pair view, from APPROVED on: no demand organisation, no matched terms, not disclosed.
        Api.decide(matchId, Map.of("decision", "APPROVE")).statusCode(200);
        Api.move(matchId, Map.of("status", "INTRODUCED")).statusCode(200);
        withoutSecrets(Api.as(university).when().get("/api/matches/" + matchId).then().statusCode(200)
                .body("disclosed", equalTo(false))
                .body("achievementOrganisationId", equalTo(universityOrg))
                .body("$", not(hasKey("demandOrganisationId")))
                .body("explanation.matchedTerms", empty()), secrets);
        withoutSecrets(Api.as(university).queryParam("achievementId", achievementId).when().get("/api/matches").then()
                .statusCode(200).body("items.id", equalTo(List.of(matchId)))
                .body("items[0]", not(hasKey("demandOrganisationId"))), secrets);
        withoutSecrets(Api.as(university).when().get("/api/achievements/" + achievementId + "/matches").then()
                .statusCode(200).body(entry + ".matchStatus", equalTo("INTRODUCED")), secrets);

        // The enterprise accepts: now the university sees the demand in full everywhere.
        Api.answer(TestTokens.enterprise(enterpriseOrg), matchId, Map.of("accept", true)).statusCode(200);
        Api.as(university).when().get("/api/matches/" + matchId).then().statusCode(200)
                .body("disclosed", equalTo(true))
                .body("demandOrganisationId", equalTo(enterpriseOrg))
                .body("explanation.matchedTerms", not(empty()));
        Api.as(university).when().get("/api/achievements/" + achievementId + "/matches").then().statusCode(200)
                .body(entry + ".counterpart.title", equalTo(TITLE))
                .body(entry + ".counterpart.organisation", equalTo(enterpriseName))
                .body(entry + ".counterpart.organisationId", equalTo(enterpriseOrg))
                .body(entry + ".explanation.matchedTerms", not(empty()));
        Api.as(university).queryParam("q", marker).when().get("/api/search").then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].title", equalTo(TITLE))
                .body("items[0].organisation", equalTo(enterpriseName))
                .body("items[0].highlights.problem[0]", containsString(SECRET));

        // Nobody else gains from it.
        for (String token : java.util.Arrays.asList(otherUniversity, TestTokens.enterprise("org-conf-other-enterprise"), null)) {
            withoutSecrets(Api.as(token).queryParam("q", marker).when().get("/api/search").then().statusCode(200)
                    .body("totalItems", equalTo(0)), secrets);
        }
        Api.as(otherUniversity).when().get("/api/matches/" + matchId).then().statusCode(404);
    }

    private static ValidatableResponse withoutSecrets(ValidatableResponse response, List<String> secrets) {
        secrets.forEach(secret -> response.body(not(containsString(secret))));
        return response;
    }
}
