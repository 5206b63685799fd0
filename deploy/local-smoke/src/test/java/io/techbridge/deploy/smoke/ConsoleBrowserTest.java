package io.techbridge.deploy.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import static io.techbridge.deploy.smoke.Browser.testId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console the gateway serves, in a real browser, against the whole platform started by
 * {@code deploy/local/up}: a broker takes a proposal to a signed contract and sees it counted, an
 * enterprise sees its demands and rankings without the universities' contacts until it accepts an
 * introduction, and the English switch relabels the page; an enterprise publishes an open
 * challenge (揭榜挂帅), the university TechBridge invites applies, and after the deadline the broker
 * scores, shortlists and picks it as winner; a university office imports a spreadsheet with good
 * and bad rows and downloads the error report; a demand without a strong match says so and shows
 * its weaker candidates, marked, on request; a pair's factor reasons read as Chinese; the operator
 * opens an enterprise and an account for it, which logs in until the operator disables it; a
 * university registers, corrects (told in Chinese beside each field), edits and publishes an
 * achievement and watches its ranking arrive; an enterprise edits and closes a demand; a broker
 * takes a pair on, notes its next step for today and finds it due. The pages of these journeys
 * have no horizontal scroll at a phone's 390 px.
 * Screenshots of every step go to {@code target/screenshots/}.
 */
class ConsoleBrowserTest {

    private static final Duration PIPELINE = Duration.ofMinutes(3);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

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
        assertTrue(browser.find("explanation").getText().contains("推荐度"), "the score reads as the approval likelihood");
        // The headline similarity and the semantic factor's bar show the same number.
        WebElement similarity = browser.find("semantic-similarity");
        WebElement semantic = browser.find("factor-semantic");
        assertEquals(Double.parseDouble(similarity.getDomAttribute("data-similarity")),
                Double.parseDouble(semantic.getDomAttribute("data-value")), 1e-9, "one semantic similarity");
        String semanticShown = semantic.findElement(testId("factor-value")).getText();
        assertTrue(similarity.getText().contains(semanticShown), similarity.getText() + " / " + semanticShown);
        assertFactorReasonsInChinese(factors);
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
        // The enterprise has not accepted in TechBridge: the broker records the consent it gave offline.
        browser.click("move-" + matchId + "-NEGOTIATING");
        browser.find("consent-lead");
        browser.click("transition-submit");
        browser.find("transition-note");
        browser.type("transition-note", "12月3日企业技术部负责人电话同意对接");
        browser.screenshot("board-consent");
        browser.click("transition-submit");
        cardIn("NEGOTIATING", matchId);
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
        // Decisions made meanwhile may have moved the live score under the threshold: then it is a weaker candidate.
        browser.waitUntil(d -> !d.findElements(testId("ranking-item")).isEmpty() || !d.findElements(testId("no-strong")).isEmpty());
        if (browser.all(testId("ranking-item")).isEmpty()) {
            browser.click("show-weak");
            browser.waitUntil(d -> !d.findElements(testId("ranking-item")).isEmpty());
        }
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
    void theOperatorFindsAFailedLoginInTheAuditTrailByItsRequestId() throws Exception {
        ConsoleStack.Account enterprise = stack.account("enterprise");
        String requestId = "audit-walk-" + ThreadLocalRandom.current().nextInt(1_000_000);
        HttpResponse<Void> refused = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/auth/login"))
                        .header("Content-Type", "application/json").header("X-Request-Id", requestId)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + enterprise.username() + "\",\"password\":\"not the password\"}"))
                        .build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(401, refused.statusCode());

        browser = new Browser("audit");
        browser.open(stack.gatewayUrl() + "/");
        browser.logIn(stack.account("admin"));
        browser.click("nav-audit");
        browser.find("audit-filters");
        browser.select("audit-action", "LOGIN");
        browser.select("audit-outcome", "REFUSED");
        browser.click("audit-apply");
        browser.idle();
        WebElement entry = browser.waitUntil(d -> d.findElements(testId("audit-row")).stream()
                .filter(row -> row.getText().contains(requestId)).findFirst().orElse(null));
        assertTrue(entry.getText().contains(enterprise.username()), entry.getText());
        assertTrue(entry.getText().contains("被拒绝"), entry.getText());
        assertTrue(browser.all(testId("audit-row")).stream().allMatch(row -> "REFUSED".equals(row.getDomAttribute("data-outcome"))
                && "LOGIN".equals(row.getDomAttribute("data-action"))), "the filter holds");
        browser.screenshot("audit-refused-logins");
    }

    @Test
    void theOperatorCreatesAnOrganisationAndAUserWhoLogsInUntilDisabled() throws Exception {
        int n = ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        String organisationId = "org-browser-" + n;
        String organisationName = "杭州浏览器测试企业" + n + "有限公司";
        String username = "browser-user-" + n;
        String password = "Zq7-" + n + "-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
        ConsoleStack.Account operator = stack.account("admin", "operator");

        browser = new Browser("accounts");
        browser.open(stack.gatewayUrl() + "/");
        browser.logIn(operator);
        assertEquals("机构与账号", browser.find("nav-accounts").getText());
        browser.click("nav-accounts");
        browser.find("org-table");
        browser.screenshot("organisations");

        browser.click("org-new");
        browser.type("org-name", organisationName);
        browser.select("org-type", "ENTERPRISE");
        browser.type("org-id", organisationId);
        browser.type("org-region", "330100");
        browser.click("org-submit");
        WebElement detail = browser.find(By.cssSelector("[data-testid='org-detail'][data-id='" + organisationId + "']"));
        assertEquals("ENTERPRISE", detail.getDomAttribute("data-type"));
        assertEquals(organisationName, browser.find("org-title").getText());
        browser.find("user-results");

        // The gateway's rule, not the browser's: a password too short is refused beside its field, in Chinese.
        browser.click("user-new");
        browser.type("user-username-input", username);
        browser.type("user-display-name-input", "浏览器测试 张工");
        browser.type("user-password", "short-pw1");
        browser.click("user-submit");
        String tooShort = browser.find(By.cssSelector("[data-testid='user-form'] [data-field='password'] [data-testid='violation-password']")).getText();
        assertEquals("密码至少需要 10 个字符", tooShort);
        assertEquals("true", browser.find("user-password").getDomAttribute("aria-invalid"));
        browser.screenshot("password-too-short");

        browser.type("user-password", password);
        browser.click("user-submit");
        By userRow = By.cssSelector("[data-testid='user-row'][data-username='" + username + "']");
        WebElement row = browser.find(userRow);
        assertEquals("true", row.getDomAttribute("data-enabled"));
        assertEquals("已启用", row.findElement(testId("user-status")).getText());
        browser.screenshot("user-created");

        // At a phone's width the accounts read as cards and nothing runs off the screen.
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.waitUntil(d -> ((Number) browser.script("return document.documentElement.clientWidth")).intValue() <= 390);
        browser.find(userRow);
        browser.screenshot("user-created-phone");
        long scrollWidth = ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
        assertTrue(scrollWidth <= 390, "the page is " + scrollWidth + " px wide at 390 px");
        browser.driver().manage().window().setSize(new Dimension(1400, 1000));

        browser.click("logout");
        browser.find("login-form");
        browser.logIn(new ConsoleStack.Account("enterprise", username, password, organisationId, organisationName));
        assertEquals("企业", browser.find("role").getText());
        assertEquals("我的需求", browser.find("nav-mine").getText());
        browser.find("page-mine");
        assertTrue(browser.find("user-badge").getText().contains("浏览器测试 张工"), browser.find("user-badge").getText());
        assertTrue(browser.all(testId("nav-accounts")).isEmpty(), "an enterprise has no accounts page");
        browser.screenshot("new-user-logged-in");

        browser.click("logout");
        browser.find("login-form");
        browser.logIn(operator);
        browser.route("#/accounts/" + organisationId);
        browser.find(userRow).findElement(testId("user-disable")).click();
        String warning = browser.find("dialog-text").getText();
        assertTrue(warning.contains("所有会话立即结束") && warning.contains("1 分钟内"), warning);
        assertEquals("dialog", browser.find("confirm-dialog").getDomAttribute("role"));
        assertEquals("true", browser.find("confirm-dialog").getDomAttribute("aria-modal"));
        browser.screenshot("disable-confirmation");
        browser.click("dialog-confirm");
        browser.waitUntil(d -> "false".equals(d.findElement(userRow).getDomAttribute("data-enabled")));
        assertEquals("已停用", browser.find(userRow).findElement(testId("user-status")).getText());
        browser.screenshot("user-disabled");

        browser.click("logout");
        browser.find("login-form");
        browser.type("login-username", username);
        browser.type("login-password", password);
        browser.click("login-submit");
        String refused = browser.find("error").getText();
        assertTrue(refused.contains("用户名或密码错误，或账号已停用。"), refused);
        browser.find("login-form");
        assertTrue(browser.all(testId("nav-mine")).isEmpty(), "the disabled account is not let in");
        browser.screenshot("disabled-login-refused");
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

    @Test
    void enterprisePublishesAChallengeTheInvitedUniversityAppliesAndTheBrokerPicksItAsWinner() throws Exception {
        ConsoleStack.Account enterprise = stack.account("enterprise");
        ConsoleStack.Account university = stack.account("university", "zju-tto");
        ConsoleStack.Account otherUniversity = stack.account("university", "sjtu-tto");
        LocalDate today = LocalDate.now(CHINA);

        // The enterprise publishes a challenge whose text is what the demo university's ECG patch solves.
        logIn("challenge-enterprise", enterprise);
        browser.click("nav-challenges");
        browser.find("challenge-list-panel");
        browser.click("challenge-new");
        browser.find("challenge-block");
        browser.type("demand-title", "【揭榜挂帅】临床试验受试者长程心电监测与房颤AI辅助识别");
        browser.type("demand-problem", "公司多个改良型新药正在开展临床试验，需要对受试者做心脏安全性监测。现用24小时Holter佩戴不便，"
                + "阵发性房颤等心律失常检出率低，人工阅图工作量大。希望合作开发可连续佩戴7天以上的可穿戴单导联心电贴，"
                + "配套房颤、早搏等心律失常AI辅助识别算法，用于受试者长程心电监测和远程监护。");
        browser.select("demand-field", "02.05");
        browser.type("demand-keywords", "心电贴、房颤、心律失常、长程心电监测、可穿戴医疗");
        browser.type("demand-budget-min", "80");
        browser.type("demand-budget-max", "200");
        browser.type("demand-region", "130100");
        browser.check("demand-modes-TECHNICAL_SERVICE");
        browser.type("demand-min-trl", "5");
        browser.type("demand-contact-phone", "0311-85763291");
        browser.type("challenge-goal", "一年内提供可用于临床试验受试者长程心电监测的心电贴与房颤AI识别整体方案");
        browser.type("challenge-indicators", "1. 连续佩戴不少于7天\n2. 房颤识别敏感度和特异度均不低于95%\n3. 已取得或正在申报二类医疗器械注册\n4. 数据可导出并符合临床试验数据规范");
        browser.type("challenge-bounty", "150");
        // Applications close tomorrow; the test moves the deadline into the past further down.
        browser.setValue("challenge-application-deadline", today.plusDays(1).toString());
        browser.setValue("challenge-judging-deadline", today.plusDays(30).toString());
        browser.screenshot("challenge-form");
        browser.click("demand-submit");
        // A similar demand of another enterprise (居家长程心律监测) may be named as a possible duplicate first.
        browser.waitUntil(d -> !d.findElements(testId("save-anyway")).isEmpty()
                || !d.findElements(testId("challenge-summary")).isEmpty());
        if (!browser.all(testId("save-anyway")).isEmpty()) {
            assertFalse(browser.all(testId("duplicate-candidate")).isEmpty(), "a possible duplicate names its candidates");
            browser.screenshot("challenge-possible-duplicate");
            browser.click("save-anyway");
        }
        String demandId = browser.waitUntil(d -> d.findElement(testId("challenge-summary")).getDomAttribute("data-id"));
        assertEquals("APPLYING", browser.find("challenge-phase").getDomAttribute("data-phase"));
        browser.screenshot("challenge-published");

        // matching-service invites the organisations whose achievements match best, org-zju among them.
        By zjuInvitation = By.cssSelector("[data-testid='invitations'] [data-testid='invitation'][data-organisation-id='"
                + university.organisationId() + "']");
        await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(3)).until(() -> {
            browser.driver().navigate().refresh();
            browser.find("invitations");
            browser.idle();
            return !browser.all(zjuInvitation).isEmpty();
        });
        String why = browser.find(zjuInvitation).findElement(testId("invitation-why")).getText();
        assertTrue(ownTitles(university.organisationId()).stream().anyMatch(why::contains),
                "the invitation names the university's achievement it was invited for: " + why);
        browser.screenshot("challenge-invitations");

        // The invited university sees why, and applies with a proposal.
        logIn("challenge-university", university);
        browser.click("nav-challenges");
        By invitation = By.cssSelector("[data-testid='invitation-item'][data-demand-id='" + demandId + "']");
        WebElement invited = browser.find(invitation);
        assertFalse(invited.findElement(testId("invitation-why")).getText().isBlank());
        browser.screenshot("university-invitations");
        invited.findElement(By.cssSelector("a")).click();
        browser.find("application-form");
        browser.type("application-approach", "在已完成注册检验的单导联心电贴基础上，将连续记录时长固定为14天，"
                + "针对临床试验场景增加数据脱敏导出和中心阅图平台对接，房颤识别算法按试验人群再训练验证。");
        browser.type("application-team", "浙江大学生物医学工程团队8人：教授2人、副教授2人、博士后1人、工程师3人");
        browser.type("application-trl-now", "7");
        browser.type("application-trl-promised", "8");
        browser.type("milestone-title-0", "完成临床试验版心电贴与数据导出接口");
        browser.setValue("milestone-due-0", today.plusDays(120).toString());
        browser.type("application-price", "120");
        browser.screenshot("application-form");
        browser.click("application-submit");
        By submitted = By.cssSelector("[data-testid='my-application-panel'] [data-testid='application'][data-status='SUBMITTED']");
        browser.find(submitted);
        browser.screenshot("application-submitted");

        // A second university applies through the API, so the award leaves someone not selected.
        GatewayApi other = GatewayApi.logIn(stack.gatewayUrl(), otherUniversity);
        other.post("/api/demands/" + demandId + "/applications", Map.of(
                "approach", "采用多导联贴片与云端人工阅图结合的方式，为临床试验提供心电监测服务。",
                "team", "上海交通大学医学院附属医院心内科与电子信息学院联合团队6人",
                "trlNow", 5, "trlPromised", 7,
                "milestones", List.of(Map.of("title", "完成样机与临床对照", "due", today.plusDays(180).toString())),
                "priceCny", 1_500_000));

        // The application deadline passes: the challenge moves to judging.
        stack.sql("demand", "UPDATE demand SET challenge_application_deadline = current_date - 2 WHERE id = '" + demandId + "'");
        GatewayApi brokerApi = GatewayApi.logIn(stack.gatewayUrl(), stack.account("broker"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "JUDGING".equals(brokerApi.get("/api/demands/" + demandId).path("challenge").path("phase").asText()));

        // The broker scores both proposals per indicator, shortlists the better one and picks it.
        logIn("challenge-broker", stack.account("broker"));
        browser.route("#/challenge/" + demandId);
        browser.waitUntil(d -> "JUDGING".equals(d.findElement(testId("challenge-phase")).getDomAttribute("data-phase")));
        String winner = browser.find(By.cssSelector("[data-testid='applications'] [data-testid='application'][data-organisation-id='"
                + university.organisationId() + "']")).getDomAttribute("data-id");
        String loser = browser.find(By.cssSelector("[data-testid='applications'] [data-testid='application'][data-organisation-id='"
                + otherUniversity.organisationId() + "']")).getDomAttribute("data-id");
        score(winner, 90);
        score(loser, 70);
        browser.screenshot("broker-scored");
        browser.click("shortlist-" + winner);
        browser.find(By.cssSelector("[data-testid='application'][data-id='" + winner + "'] [data-testid='shortlisted']"));
        browser.check("winner-" + winner);
        String reason = "综合得分较低，成熟度承诺不足以支撑临床试验进度";
        browser.type("award-reason", reason);
        browser.screenshot("broker-award-form");
        browser.click("award-submit");
        browser.waitUntil(d -> "AWARDED".equals(d.findElement(testId("challenge-phase")).getDomAttribute("data-phase")));
        browser.find(By.cssSelector("[data-testid='application'][data-id='" + winner + "'][data-status='WON']"));
        browser.find(By.cssSelector("[data-testid='application'][data-id='" + loser + "'][data-status='NOT_SELECTED']"));
        assertTrue(browser.find("challenge-winners").getText().contains(university.organisationName()));
        browser.screenshot("broker-awarded");

        // The university sees it won; the other one was told why not.
        logIn("challenge-won", university);
        browser.click("nav-challenges");
        browser.find(By.cssSelector("[data-testid='my-application'][data-id='" + winner + "'][data-status='WON']"));
        browser.screenshot("university-won");
        JsonNode others = other.get("/api/demands/applications/mine");
        JsonNode lost = null;
        for (JsonNode mine : others.isArray() ? others : others.path("items")) {
            // each entry: the challenge's title, phase and deadline, and the application itself
            JsonNode application = mine.has("application") ? mine.get("application") : mine;
            if (loser.equals(application.path("id").asText())) {
                lost = application;
            }
        }
        assertTrue(lost != null, "the other university sees its application: " + others);
        assertEquals("NOT_SELECTED", lost.path("status").asText());
        assertEquals(reason, lost.path("outcomeReason").asText());
    }

    @Test
    void aUniversityOfficeImportsASpreadsheetWatchesItFinishAndDownloadsTheErrorReport() throws Exception {
        ConsoleStack.Account office = stack.account("university", "sjtu-tto");
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        List<String> good = List.of("反渗透海水淡化膜表面抗污染接枝改性技术（" + run + "）",
                "农业大棚无线温湿度与土壤墒情监测节点（" + run + "）",
                "城市轨道交通隧道裂缝图像巡检机器人（" + run + "）");
        List<List<String>> rows = new ArrayList<>();
        rows.add(sheetRow(good.get(0), "采用两性离子聚合物表面接枝，反渗透膜通量衰减率降低40%，清洗周期由1个月延长到3个月。",
                "04.05", "中期", 1));
        rows.add(sheetRow(good.get(1), "低功耗LoRa无线节点，一节电池工作两年，温湿度和土壤含水率每10分钟上报一次。",
                "01.09", "成熟", 2));
        // Row 4 of the sheet: no title. Row 6: a field and a stage that do not exist.
        rows.add(sheetRow("", "没有名称的一行。", "08.03", "初期", 3));
        rows.add(sheetRow(good.get(2), "轨道巡检机器人搭载线阵相机，夜间天窗期自动识别0.2 mm以上的隧道衬砌裂缝并定位。",
                "08.03", "中期", 4));
        String badTitle = "技术领域与阶段都填错的成果（" + run + "）";
        rows.add(sheetRow(badTitle, "领域和阶段填写错误的一行。", "不存在的领域", "很成熟", 5));
        Path sheet = Path.of("target", "import", "achievements-" + run + ".xlsx").toAbsolutePath();
        Files.createDirectories(sheet.getParent());
        Files.write(sheet, xlsx(rows));

        logIn("import", office);
        browser.click("nav-imports");
        browser.find("import-template");
        browser.find("import-file").sendKeys(sheet.toString());
        browser.screenshot("import-chosen");
        browser.click("import-submit");
        WebElement job = browser.waitUntil(Duration.ofMinutes(2), d -> {
            WebElement panel = d.findElement(testId("import-job"));
            return "DONE".equals(panel.getDomAttribute("data-status")) ? panel : null;
        });
        WebElement progress = job.findElement(testId("import-progress"));
        assertEquals("5", progress.getDomAttribute("data-total"));
        assertEquals("5", progress.getDomAttribute("data-done"), "the bar reaches the end");
        assertEquals("3", job.findElement(testId("import-imported")).getDomAttribute("data-value"));
        assertEquals("2", job.findElement(testId("import-failed")).getDomAttribute("data-value"));
        String jobId = job.getDomAttribute("data-id");
        browser.screenshot("import-done");

        try (Stream<Path> old = Files.list(Browser.DOWNLOADS)) {
            for (Path file : old.toList()) {
                Files.deleteIfExists(file);
            }
        }
        browser.click("import-errors-download");
        Path report = await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Stream<Path> files = Files.list(Browser.DOWNLOADS)) {
                return files.filter(f -> f.getFileName().toString().endsWith(".csv")).findFirst().orElse(null);
            }
        }, Objects::nonNull);
        String csv = Files.readString(report, StandardCharsets.UTF_8).replace("\uFEFF", "");
        assertTrue(csv.startsWith("行号,列,问题"), csv);
        // Row numbers as in the sheet: the header is row 1.
        Set<String> reportedRows = new HashSet<>();
        for (String line : csv.split("\r?\n")) {
            if (!line.isBlank() && !line.startsWith("行号")) {
                reportedRows.add(line.substring(0, line.indexOf(',')));
            }
        }
        assertEquals(Set.of("4", "6"), reportedRows, csv);
        browser.screenshot("import-report-downloaded");

        GatewayApi api = GatewayApi.logIn(stack.gatewayUrl(), office);
        JsonNode errors = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                api.getResponse("/api/achievements/imports/" + jobId + "/errors", "application/json").body());
        Set<String> apiRows = new HashSet<>();
        errors.forEach(e -> apiRows.add(e.path("row").asText()));
        assertEquals(reportedRows, apiRows, "the downloaded report is the job's error report");
        List<String> titles = new ArrayList<>();
        api.get("/api/achievements?size=100&organisationId=" + office.organisationId()).path("items")
                .forEach(a -> titles.add(a.path("title").asText()));
        assertTrue(titles.containsAll(good), "the good rows are imported: " + titles);
        assertFalse(titles.contains(badTitle), "nothing of a bad row is stored");
    }

    @Test
    void aDemandWithoutAStrongMatchSaysSoAndShowsTheWeakerCandidatesOnRequest() throws Exception {
        GatewayApi broker = GatewayApi.logIn(stack.gatewayUrl(), stack.account("broker"));
        List<String> demoTitles = new ArrayList<>();
        stack.demoDemands().forEach(d -> demoTitles.add(d.path("title").asText()));
        List<String> demoIds = new ArrayList<>();
        broker.get("/api/demands?size=100").path("items").forEach(d -> {
            if (demoTitles.contains(d.path("title").asText())) {
                demoIds.add(d.path("id").asText());
            }
        });
        assertFalse(demoIds.isEmpty(), "the demo demands are loaded");
        // Rankings are live once the matcher has indexed the demo data: a demand with weaker candidates only.
        String demandId = await("a demo demand whose ranking has weaker candidates only")
                .atMost(PIPELINE).pollInterval(Duration.ofSeconds(3))
                .until(() -> withoutStrongMatch(broker, demoIds), Objects::nonNull);

        logIn("weak-candidates", stack.account("broker"));
        browser.route("#/record/demand/" + demandId);
        WebElement none = browser.find("no-strong");
        assertTrue(none.getText().contains("暂无高匹配度成果"), none.getText());
        assertTrue(browser.all(testId("ranking-item")).isEmpty(), "no candidate is shown as a match by default");
        browser.screenshot("no-strong-match");

        browser.click("show-weak");
        WebElement divider = browser.find("weak-divider");
        assertEquals("以下为较弱候选", divider.getText().trim());
        List<WebElement> weaker = browser.waitUntil(d -> {
            List<WebElement> items = d.findElements(By.cssSelector("[data-testid='ranking-weak'] [data-testid='ranking-item']"));
            return items.isEmpty() ? null : items;
        });
        for (WebElement item : weaker) {
            assertEquals("false", item.getDomAttribute("data-strong"));
            assertEquals("弱匹配", item.findElement(testId("weak-badge")).getText().trim());
        }
        assertEquals(weaker.size(), browser.all(testId("ranking-item")).size(), "only weaker candidates, all marked");
        browser.screenshot("weaker-candidates");
    }

    /**
     * A demo demand whose ranking has no strong candidate but weaker ones; null while the matcher has
     * not indexed the demo data yet (then no demand has any candidate).
     */
    private static String withoutStrongMatch(GatewayApi broker, List<String> demandIds) throws Exception {
        for (String id : demandIds) {
            if (broker.get("/api/demands/" + id + "/matches?limit=10").size() > 0) {
                continue;
            }
            JsonNode all = broker.get("/api/demands/" + id + "/matches?limit=10&includeWeak=true");
            if (all.size() > 0) {
                for (JsonNode candidate : all) {
                    assertFalse(candidate.path("strong").asBoolean(true), "only weaker candidates are added: " + candidate);
                }
                return id;
            }
        }
        return null;
    }

    /**
     * Every factor's reason reads as Chinese: no English words and no raw codes (reason codes,
     * field codes, region codes). The shared terms (lexical) quote the texts, which may hold Latin words.
     */
    @Test
    void aUniversityRegistersEditsAndPublishesAnAchievementAndSeesItsRankingAppearWithoutReloading() throws Exception {
        browser = new Browser("university");
        browser.open(stack.gatewayUrl() + "/");
        browser.logIn(stack.account("university"));
        browser.click("achievement-new");
        browser.find("achievement-form");

        // Filled wrongly: the service's refusals show beside their fields, in Chinese.
        browser.setValue("achievement-trl", "12");
        browser.type("achievement-summary", "海水淡化反渗透膜抗污染改性技术。");
        browser.click("achievement-submit");
        String title = browser.find(By.cssSelector("[data-testid='achievement-form'] [data-testid='violation-title']")).getText();
        String trl = browser.find(By.cssSelector("[data-testid='achievement-form'] [data-testid='violation-trl']")).getText();
        assertEquals("请填写名称", title);
        assertEquals("不能大于 9", trl);
        assertTrue(browser.find("achievement-title").getDomAttribute("aria-invalid") != null, "the field is marked");
        browser.screenshot("achievement-refused");
        assertNoHorizontalScrollOnAPhone("achievement-refused-phone");

        String marker = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        browser.type("achievement-title", "反渗透膜表面接枝抗污染改性技术 " + marker);
        browser.setValue("achievement-trl", "6");
        browser.type("achievement-summary", "在聚酰胺反渗透膜表面接枝两性离子聚合物，蛋白质和腐殖酸污染后通量恢复率95%以上，已在海水淡化中试线运行一年。");
        browser.type("achievement-keywords", "反渗透膜、抗污染、海水淡化");
        browser.select("achievement-field", "07");
        browser.type("achievement-region", "330100");
        browser.type("achievement-contact-phone", "0571-88273456");
        browser.check("achievement-negotiable");
        browser.click("achievement-submit");
        // A near-duplicate among the demo records would be shown first: this one is new, so save it anyway.
        browser.waitUntil(d -> !d.findElements(testId("page-record")).isEmpty()
                || !d.findElements(testId("duplicate-candidates")).isEmpty());
        if (!browser.all(testId("duplicate-candidates")).isEmpty()) {
            browser.click("save-anyway");
        }
        // Saved as a draft: the record page says what to do next, and drafts are not matched.
        browser.waitUntil(d -> "DRAFT".equals(d.findElement(testId("page-record")).getDomAttribute("data-status")));
        browser.find("draft-hint");
        browser.find("ranking-draft");
        browser.screenshot("achievement-draft");

        browser.click("record-edit");
        browser.find("achievement-form");
        browser.setValue("achievement-title", "反渗透膜两性离子接枝抗污染改性技术 " + marker);
        browser.click("achievement-submit");
        browser.waitUntil(d -> d.findElement(By.cssSelector("[data-testid='page-record'] h1")).getText()
                .equals("反渗透膜两性离子接枝抗污染改性技术 " + marker));

        browser.click("record-publish");
        browser.waitUntil(d -> "PUBLISHED".equals(d.findElement(testId("page-record")).getDomAttribute("data-status")));
        String url = browser.driver().getCurrentUrl();
        // Matching runs in the background; the page fills its ranking in by itself.
        browser.waitUntil(PIPELINE, d -> "true".equals(d.findElement(testId("ranking-body")).getDomAttribute("data-ready")));
        assertEquals(url, browser.driver().getCurrentUrl(), "no reload, no other page");
        assertTrue(!browser.all(testId("ranking-item")).isEmpty() || !browser.all(testId("no-strong")).isEmpty());
        browser.screenshot("achievement-published-ranking");
        assertNoHorizontalScrollOnAPhone("achievement-published-ranking-phone");
    }

    @Test
    void anEnterpriseEditsADemandAndClosesIt() throws Exception {
        ConsoleStack.Account enterprise = stack.account("enterprise");
        GatewayApi api = GatewayApi.logIn(stack.gatewayUrl(), enterprise);
        String marker = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        JsonNode demand = api.post("/api/demands?duplicates=confirmed", Map.of(
                "enterprise", enterprise.organisationName(),
                "title", "注塑件表面银纹缺陷在线检测 " + marker,
                "problem", "我们注塑车间的汽车内饰件表面常出现银纹和缩痕，人工目检漏检率高，需要在线视觉检测技术。",
                "fieldCode", "01",
                "keywords", List.of("注塑", "视觉检测", "表面缺陷"),
                "budget", Map.of("minCny", 300_000, "maxCny", 800_000, "negotiable", false),
                "validUntil", LocalDate.now(CHINA).plusDays(120).toString(),
                "regionCode", "330200",
                "cooperationModes", List.of("JOINT_DEVELOPMENT"),
                "contact", Map.of("name", "陈工", "phone", "0574-87654321")));
        String id = demand.get("id").asText();

        browser = new Browser("enterprise-edit");
        browser.open(stack.gatewayUrl() + "/");
        browser.logIn(enterprise);
        browser.find("mine-list");
        browser.route("#/record/demand/" + id);
        browser.waitUntil(d -> "OPEN".equals(d.findElement(testId("page-record")).getDomAttribute("data-status")));
        browser.click("record-edit");
        browser.find("demand-form");
        // A wrong edit is refused beside its field, in Chinese; nothing is saved.
        browser.setValue("demand-min-trl", "10");
        browser.click("demand-submit");
        assertEquals("不能大于 9", browser.find(By.cssSelector("[data-testid='demand-form'] [data-testid='violation-minTrl']")).getText());
        browser.screenshot("demand-edit-refused");
        browser.setValue("demand-min-trl", "5");
        browser.setValue("demand-title", "注塑件表面银纹与缩痕在线视觉检测 " + marker);
        browser.click("demand-submit");
        browser.waitUntil(d -> d.findElement(By.cssSelector("[data-testid='page-record'] h1")).getText()
                .equals("注塑件表面银纹与缩痕在线视觉检测 " + marker));
        assertEquals("5", api.get("/api/demands/" + id).get("minTrl").asText());
        browser.screenshot("demand-edited");

        browser.click("record-close");
        browser.find("close-dialog");
        browser.type("close-reason", "已与供应商签约");
        browser.click("close-confirm");
        browser.waitUntil(d -> "CLOSED".equals(d.findElement(testId("page-record")).getDomAttribute("data-status")));
        assertEquals("CLOSED", api.get("/api/demands/" + id).get("status").asText());
        browser.screenshot("demand-closed");
        assertNoHorizontalScrollOnAPhone("demand-closed-phone");
    }

    @Test
    void aBrokerTakesAPairOnNotesTheNextStepForTodayAndFindsItDue() throws Exception {
        GatewayApi api = GatewayApi.logIn(stack.gatewayUrl(), stack.account("broker"));
        JsonNode proposal = await().atMost(PIPELINE).pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    JsonNode items = api.get("/api/matches?status=PROPOSED&size=1&assignee=unassigned").get("items");
                    return items.size() > 0 ? items.get(0) : null;
                }, Objects::nonNull);
        String matchId = proposal.get("id").asText();
        api.post("/api/matches/" + matchId + "/decision", Map.of("decision", "APPROVE"));

        browser = new Browser("broker-follow-up");
        browser.open(stack.gatewayUrl() + "/");
        browser.logIn(stack.account("broker"));
        browser.route("#/pair/" + matchId);
        browser.find("follow-up");
        browser.click("claim");
        browser.waitUntil(d -> "true".equals(d.findElement(By.cssSelector("[data-testid='follow-up'] [data-testid='assignee']"))
                .getDomAttribute("data-mine")));
        // A note without text is refused beside the field; one with today's date makes the pair due.
        browser.click("note-submit");
        browser.find(By.cssSelector("[data-testid='note-form'] [data-testid='violation-text']"));
        String today = LocalDate.now(CHINA).toString();
        browser.type("note-text", "今天下午电话确认企业中试场地和时间");
        browser.setValue("note-date", today);
        browser.click("note-submit");
        browser.waitUntil(d -> !d.findElements(By.cssSelector("[data-testid='note'][data-open='true']")).isEmpty());
        browser.screenshot("pair-follow-up");

        browser.route("#/due");
        browser.waitUntil(d -> d.findElement(By.cssSelector("[data-testid='due-item'][data-match-id='" + matchId + "']")));
        assertEquals("today", browser.find(By.cssSelector("[data-testid='due-item'][data-match-id='" + matchId + "'] [data-testid='due-badge']"))
                .getDomAttribute("data-due"));
        browser.screenshot("due-today");
        assertNoHorizontalScrollOnAPhone("due-today-phone");

        // The queue tells mine from unassigned; at a phone's width it reads as cards.
        browser.route("#/queue");
        browser.find("queue-filters");
        browser.select("queue-assignee", "unassigned");
        browser.click("queue-apply");
        browser.idle();
        browser.screenshot("queue-unassigned");
        assertNoHorizontalScrollOnAPhone("queue-phone");
        browser.route("#/board");
        cardIn("APPROVED", matchId);
        assertNoHorizontalScrollOnAPhone("board-phone");

        // Done: the pair is no longer due today.
        browser.route("#/pair/" + matchId);
        browser.click("note-done");
        browser.waitUntil(d -> d.findElements(By.cssSelector("[data-testid='note'][data-open='true']")).isEmpty());
        browser.route("#/due");
        browser.find("due-results");
        browser.idle();
        assertTrue(browser.all(By.cssSelector("[data-testid='due-item'][data-match-id='" + matchId + "']")).isEmpty());
    }

    /** At 390 px wide (a phone) the page scrolls only downwards: nothing runs off to the right. */
    private void assertNoHorizontalScrollOnAPhone(String screenshot) throws Exception {
        Dimension desktop = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        try {
            browser.waitUntil(d -> ((Number) browser.script("return document.documentElement.clientWidth")).intValue() <= 390);
            browser.idle();
            browser.screenshot(screenshot);
            long scrollWidth = ((Number) browser.script("return document.documentElement.scrollWidth")).longValue();
            assertTrue(scrollWidth <= 390, screenshot + ": the page is " + scrollWidth + " px wide at 390 px");
        } finally {
            browser.driver().manage().window().setSize(desktop);
        }
    }

    private static void assertFactorReasonsInChinese(List<WebElement> factors) {
        java.util.regex.Pattern fieldCode = java.util.regex.Pattern.compile("\\b\\d{2}(\\.\\d{2})?\\b");
        java.util.regex.Pattern regionCode = java.util.regex.Pattern.compile("\\d{6}");
        for (WebElement row : factors) {
            String factor = row.getDomAttribute("data-testid");
            String reason = row.findElement(testId("factor-reason")).getText().trim();
            assertFalse(reason.isEmpty(), factor + " has a reason");
            assertFalse(reason.matches("(?s).*[A-Z]+_[A-Z_]+.*"), factor + " shows a raw code: " + reason);
            if (!"factor-lexical".equals(factor)) {
                assertFalse(reason.matches("(?s).*[A-Za-z].*"), factor + " is not in Chinese: " + reason);
            }
            if ("factor-field".equals(factor)) {
                assertFalse(fieldCode.matcher(reason).find(), "a field by its code: " + reason);
            }
            if ("factor-region".equals(factor)) {
                assertFalse(regionCode.matcher(reason).find(), "a region by its code: " + reason);
            }
        }
    }

    /** A row of the achievement registration form (科技成果登记表), its patent number its own. */
    private static List<String> sheetRow(String title, String summary, String field, String stage, int n) {
        return new ArrayList<>(List.of(title, summary, "工程应用、第" + n + "项",
                field, stage, "发明专利",
                String.format("ZL2024%08d.%d", ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999), n % 10),
                "许可；技术服务", "30-80", "比同类方案成本低约20%。", "310000", "上海交通大学", "张伟",
                "刘老师", "021-34206000", "tto@sjtu.example.cn"));
    }

    private static byte[] xlsx(List<List<String>> rows) throws java.io.IOException {
        List<String> header = List.of("*成果名称", "成果简介", "关键词", "技术领域", "成果所处阶段", "知识产权形式", "专利号",
                "转化方式", "转让价格（万元）", "技术优势", "所在地区", "完成单位", "完成人", "联系人", "联系电话", "电子邮箱");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("科技成果登记表");
            List<List<String>> all = new ArrayList<>();
            all.add(header);
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    String value = all.get(r).get(c);
                    if (!value.isEmpty()) {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** Gives every indicator of an application the same score and saves the sheet. */
    private void score(String applicationId, int value) {
        List<WebElement> inputs = browser.find(testId("score-form-" + applicationId)).findElements(By.cssSelector("input[type=number]"));
        assertFalse(inputs.isEmpty(), "one score per indicator");
        for (WebElement input : inputs) {
            input.clear();
            input.sendKeys(Integer.toString(value));
        }
        browser.click("score-submit-" + applicationId);
        // The page is drawn again with the new total: the mean of equal scores is that score.
        By total = By.cssSelector("[data-testid='application'][data-id='" + applicationId + "'] [data-testid='total-score']");
        browser.waitUntil(d -> d.findElements(total).stream()
                .anyMatch(e -> Math.abs(Double.parseDouble(e.getDomAttribute("data-score")) - value) < 0.01));
    }

    private Set<String> ownTitles(String organisationId) throws java.io.IOException {
        Set<String> titles = new HashSet<>();
        for (JsonNode achievement : stack.demoAchievements()) {
            if (organisationId.equals(achievement.path("organisationId").asText())) {
                titles.add(achievement.path("title").asText());
            }
        }
        return titles;
    }

    /** A fresh browser logged in as the account (the previous one closed). */
    private void logIn(String scenario, ConsoleStack.Account account) {
        if (browser != null) {
            browser.close();
        }
        browser = new Browser(scenario);
        browser.open(stack.gatewayUrl() + "/");
        browser.logIn(account);
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
