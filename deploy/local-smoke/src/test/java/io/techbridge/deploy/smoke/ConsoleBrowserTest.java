package io.techbridge.deploy.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import static io.techbridge.deploy.smoke.Browser.testId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console the gateway serves, in a real browser, against the whole platform started by
 * {@code deploy/local/up}: a broker takes a proposal to a signed contract and sees it counted, an
 * enterprise sees its demands and rankings without the universities' contacts until it accepts an
 * introduction, and the English switch relabels the page. Screenshots of every step go to
 * {@code target/screenshots/}.
 */
class ConsoleBrowserTest {

    private static final Duration PIPELINE = Duration.ofMinutes(3);

    private static ConsoleStack stack;
    private Browser browser;

    @BeforeAll
    static void startStack() throws Exception {
        // Before minutes of starting servers: without a browser there is nothing to test.
        Browser.requireInstalled();
        stack = ConsoleStack.up(Path.of("target", "console-data"));
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void brokerApprovesAProposalMovesItToAContractAndStatisticsCountIt() throws Exception {
        browser = new Browser("broker");
        browser.open(stack.gatewayUrl() + "/");
        browser.find("login-form");
        browser.screenshot("login");
        browser.logIn(stack.account("broker"));

        browser.route("#/stats");
        long contractsBefore = metric("contractsSigned");
        long turnoverBefore = metric("contractTurnoverCny");
        browser.screenshot("statistics-before");

        // The matcher proposes pairs in the background once the demo data is in.
        browser.route("#/queue");
        browser.find("queue-filters");
        await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(3)).until(() -> {
            browser.click("queue-apply");
            browser.idle();
            return !browser.all(testId("queue-row")).isEmpty();
        });
        List<Double> scores = browser.all(testId("queue-row")).stream()
                .map(row -> Double.parseDouble(row.getDomAttribute("data-score"))).toList();
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i), "the queue is best first: " + scores);
        }
        browser.screenshot("queue");

        WebElement first = browser.all(testId("queue-row")).get(0);
        String matchId = first.getDomAttribute("data-match-id");
        first.findElement(testId("queue-open")).click();
        browser.waitUntil(d -> matchId.equals(d.findElement(testId("page-pair")).getDomAttribute("data-match-id")));
        browser.find("achievement-title");
        browser.find("demand-title");
        List<WebElement> factors = browser.find("factors").findElements(By.cssSelector("tbody tr"));
        assertFalse(factors.isEmpty(), "each factor of the score is shown");
        double contributions = factors.stream()
                .mapToDouble(row -> Double.parseDouble(row.getDomAttribute("data-contribution"))).sum();
        double score = Double.parseDouble(browser.find("pair-score").getDomAttribute("data-score"));
        assertEquals(score, contributions, 0.01, "the factor contributions add up to the score");
        assertTrue(browser.find("semantic-similarity").getText().contains("%"));
        if (!browser.find("matched-terms").findElements(By.cssSelector("mark.term")).isEmpty()) {
            assertFalse(browser.find("pair-sides").findElements(By.cssSelector("mark.term")).isEmpty(),
                    "the matched terms are marked in the two texts");
        }
        browser.screenshot("pair");

        browser.click("approve");
        browser.waitUntil(d -> "APPROVED".equals(d.findElement(testId("pair-status")).getDomAttribute("data-status")));
        browser.screenshot("approved");

        browser.route("#/board");
        cardIn("APPROVED", matchId);
        browser.screenshot("board-approved");
        move(matchId, "INTRODUCED");
        browser.screenshot("board-introduced");
        move(matchId, "NEGOTIATING");
        browser.screenshot("board-negotiating");

        long amount = 1_280_000;
        String registrationNo = "2026330100" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        browser.click("move-" + matchId + "-CONTRACTED");
        browser.type("contract-amount", Long.toString(amount));
        browser.type("contract-registration", registrationNo);
        browser.screenshot("contract-form");
        browser.click("transition-submit");
        WebElement contracted = cardIn("CONTRACTED", matchId);
        assertTrue(contracted.findElement(testId("card-contract")).getText().contains(registrationNo));
        browser.screenshot("board-contracted");

        browser.route("#/stats");
        browser.find("stats-totals");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            browser.click("stats-apply");
            browser.idle();
            return metric("contractsSigned") == contractsBefore + 1
                    && metric("contractTurnoverCny") == turnoverBefore + amount;
        });
        browser.screenshot("statistics-after");
    }

    @Test
    void enterpriseSeesItsDemandsAndRankingsButNoUniversityContactUntilItAcceptsAnIntroduction() throws Exception {
        ConsoleStack.Account enterprise = stack.account("enterprise");
        GatewayApi broker = GatewayApi.logIn(stack.gatewayUrl(), stack.account("broker"));
        JsonNode demands = broker.get("/api/demands?size=100&organisationId=" + enterprise.organisationId()).get("items");
        assertTrue(demands.size() > 0, "the demo enterprise has demands");
        // A broker introduces one of its proposals; the enterprise has not answered yet.
        JsonNode proposal = await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(3))
                .until(() -> firstProposal(broker, demands), Objects::nonNull);
        String matchId = proposal.get("id").asText();
        broker.post("/api/matches/" + matchId + "/decision", Map.of("decision", "APPROVE"));
        broker.post("/api/matches/" + matchId + "/transition", Map.of("status", "INTRODUCED"));
        JsonNode contact = broker.get("/api/achievements/" + proposal.get("achievementId").asText()).get("contact");
        List<String> pairContact = new ArrayList<>();
        for (String part : new String[]{"phone", "email"}) {
            if (contact.hasNonNull(part)) {
                pairContact.add(contact.get(part).asText());
            }
        }
        assertFalse(pairContact.isEmpty(), "the achievement has a phone or an email");
        List<String> universityContacts = new ArrayList<>(pairContact);
        for (JsonNode achievement : stack.demoAchievements()) {
            for (String part : new String[]{"phone", "email"}) {
                String value = achievement.path("contact").path(part).asText("");
                if (!value.isBlank()) {
                    universityContacts.add(value);
                }
            }
        }

        browser = new Browser("enterprise");
        browser.open(stack.gatewayUrl() + "/");
        browser.logIn(enterprise);
        browser.find("mine-list");
        assertEquals(demands.size(), browser.all(testId("mine-item")).size(), "its own demands, all of them");
        assertNoneShown(universityContacts);
        browser.screenshot("my-demands");

        browser.route("#/record/demand/" + proposal.get("demandId").asText());
        browser.find("ranking");
        browser.waitUntil(d -> !d.findElements(testId("ranking-item")).isEmpty());
        assertNoneShown(universityContacts);
        browser.screenshot("ranking");

        browser.route("#/pairs");
        browser.waitUntil(d -> d.findElement(By.cssSelector("[data-testid='pair-row'][data-match-id='" + matchId + "']")));
        assertNoneShown(universityContacts);
        browser.screenshot("pairs");

        browser.route("#/pair/" + matchId);
        browser.find("introduction-form");
        browser.find("achievement-contact-hidden");
        assertNoneShown(universityContacts);
        browser.screenshot("introduction-before-accepting");

        browser.click("accept-introduction");
        browser.find("pair-disclosed");
        // The achievement's service learns of the acceptance from match-events; then the contact shows.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            browser.driver().navigate().refresh();
            browser.find("achievement");
            browser.idle();
            String text = browser.text();
            return pairContact.stream().anyMatch(text::contains);
        });
        browser.screenshot("introduction-accepted");
    }

    @Test
    void englishSwitchRelabelsTheConsoleAndIsRemembered() throws Exception {
        browser = new Browser("english");
        browser.open(stack.gatewayUrl() + "/");
        assertEquals("登录", browser.find("login-submit").getText());
        assertEquals("zh-CN", browser.script("return document.documentElement.lang"));

        browser.click("lang-switch");
        browser.waitUntil(d -> "Log in".equals(d.findElement(testId("login-submit")).getText()));
        assertEquals("en", browser.script("return document.documentElement.lang"));
        browser.screenshot("login-english");

        browser.logIn(stack.account("broker"));
        assertEquals("Review queue", browser.find("nav-queue").getText());
        assertEquals("Pipeline board", browser.find("nav-board").getText());
        assertEquals("Statistics", browser.find("nav-stats").getText());
        browser.driver().navigate().refresh();
        assertEquals("Review queue", browser.find("nav-queue").getText(), "the choice survives a reload");
        browser.find("queue-filters");
        browser.screenshot("queue-english");

        browser.click("lang-switch");
        browser.waitUntil(d -> "待审队列".equals(d.findElement(testId("nav-queue")).getText()));
        assertEquals("对接看板", browser.find("nav-board").getText());
        browser.screenshot("queue-chinese");
    }

    private long metric(String name) {
        return browser.waitUntil(d -> Long.parseLong(d.findElement(testId("total-" + name)).getDomAttribute("data-value")));
    }

    private WebElement cardIn(String status, String matchId) {
        return browser.waitUntil(d -> d.findElement(
                By.cssSelector("[data-testid='column-" + status + "'] [data-testid='card-" + matchId + "']")));
    }

    private void move(String matchId, String status) {
        browser.click("move-" + matchId + "-" + status);
        cardIn(status, matchId);
    }

    private void assertNoneShown(List<String> contacts) {
        browser.idle();
        String page = browser.pageSource();
        for (String contact : contacts) {
            assertFalse(page.contains(contact), "a university contact is shown before an introduction: " + contact);
        }
    }

    private static JsonNode firstProposal(GatewayApi broker, JsonNode demands) throws Exception {
        for (JsonNode demand : demands) {
            JsonNode items = broker.get("/api/matches?status=PROPOSED&size=1&demandId=" + demand.get("id").asText())
                    .get("items");
            if (items.size() > 0) {
                return items.get(0);
            }
        }
        return null;
    }
}
