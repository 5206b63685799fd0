package io.techbridge.deploy.smoke;

import io.techbridge.client.ApiClient;
import io.techbridge.client.ApiException;
import io.techbridge.client.api.AchievementImportsApi;
import io.techbridge.client.api.AchievementsApi;
import io.techbridge.client.api.AuthenticationApi;
import io.techbridge.client.api.MatchesApi;
import io.techbridge.client.model.AchievementRequest;
import io.techbridge.client.model.AchievementResponse;
import io.techbridge.client.model.AchievementStatus;
import io.techbridge.client.model.Contact;
import io.techbridge.client.model.ImportJobResponse;
import io.techbridge.client.model.LoginRequest;
import io.techbridge.client.model.MatchCandidate;
import io.techbridge.client.model.MoneyRange;
import io.techbridge.client.model.PageResponseAchievementResponse;
import io.techbridge.client.model.Status;
import io.techbridge.client.model.StatusChangeRequest;
import io.techbridge.client.model.TransferMode;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A university's research-management system, written against the Java client that
 * openapi-generator makes from docs/openapi.json (as an integrator would): it logs in, registers
 * an achievement (safely repeated with its Idempotency-Key), uploads a nightly CSV and follows the
 * job, publishes, reads the achievement's pairs and pages its organisation's list.
 */
final class GeneratedClientJourney {

    private final ApiClient client = new ApiClient();
    private final String username;
    private final String password;
    private String token;
    private Instant loggedInAt = Instant.EPOCH;

    GeneratedClientJourney(String gateway, String username, String password) {
        this.username = username;
        this.password = password;
        client.setBasePath(gateway);
    }

    /** The client with a live access token: one lives 50 s, so it logs in again near its end, as a nightly job would. */
    private synchronized ApiClient authorised() throws ApiException {
        if (Duration.between(loggedInAt, Instant.now()).toSeconds() > 40) {
            ApiClient anonymous = new ApiClient();
            anonymous.setBasePath(client.getBasePath());
            token = new AuthenticationApi(anonymous).login(new LoginRequest().username(username).password(password))
                    .getAccessToken();
            loggedInAt = Instant.now();
            client.addDefaultHeader("Authorization", "Bearer " + token);
        }
        return client;
    }

    void run(String organisationId, String institution) throws ApiException, IOException {
        AchievementsApi achievements = new AchievementsApi(authorised());
        String marker = "gen" + UUID.randomUUID().toString().substring(0, 8);
        AchievementRequest request = new AchievementRequest()
                .institution(institution)
                .title("钠离子电池层状氧化物正极材料 " + marker)
                .summary("铜铁锰基层状氧化物正极，比容量135 mAh/g，2000次循环容量保持率90%，用于储能与低速电动车电池。")
                .keywords(List.of("钠离子电池", "正极材料", "层状氧化物"))
                .fieldCode("07.02")
                .trl(6)
                .transferModes(List.of(TransferMode.LICENSE, TransferMode.JOINT_DEVELOPMENT))
                .askingPrice(new MoneyRange().negotiable(true))
                .regionCode("330100")
                .contact(new Contact().name("成果转化办公室").email("tto@example.edu.cn"));
        String key = "rms-" + marker;
        AchievementResponse created = achievements.registerAchievement(request, "confirmed", key);
        AchievementResponse repeated = achievements.registerAchievement(request, "confirmed", key);
        assertEquals(created.getId(), repeated.getId(), "a repeat with the same Idempotency-Key answers the first record");
        assertEquals(AchievementStatus.DRAFT, created.getStatus());

        File sheet = Files.createTempFile("nightly", ".csv").toFile();
        sheet.deleteOnExit();
        Files.writeString(sheet.toPath(), "成果名称,成果简介,关键词,技术领域,技术成熟度,转化方式,转让价格（万元）,所在地区,完成单位,联系人,联系电话,电子邮箱\n"
                + "高熵合金激光熔覆耐磨涂层 " + marker + ",涂层硬度HV900，磨损率降低60%。,高熵合金;激光熔覆,04.02,6,许可,50-120,330100,"
                + institution + ",陈老师,,tto@example.edu.cn\n", StandardCharsets.UTF_8);
        AchievementImportsApi imports = new AchievementImportsApi(client);
        authorised();
        ImportJobResponse job = imports.importAchievements(sheet, "confirmed", "nightly.csv", null, "rms-import-" + marker);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    authorised();
                    return imports.getAchievementImport(job.getId()).getStatus() == Status.DONE;
                });
        ImportJobResponse finished = imports.getAchievementImport(job.getId());
        assertEquals(1, finished.getImported(), "the sheet's row is imported: " + finished);
        assertEquals(0, finished.getFailed(), "no row failed: " + finished);

        authorised();
        AchievementResponse published = achievements.publishAchievement(created.getId(),
                new StatusChangeRequest().version(created.getVersion()));
        assertEquals(AchievementStatus.PUBLISHED, published.getStatus());

        MatchesApi matches = new MatchesApi(client);
        // Until matching-service has read the new achievement's event it answers 404 for it (a loaded machine takes seconds).
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsMatching(e -> e instanceof ApiException api && api.getCode() == 404).until(() -> {
            authorised();
            List<MatchCandidate> pairs = matches.listAchievementMatches(created.getId().toString(), true, 10);
            return !pairs.isEmpty() && pairs.stream().allMatch(p -> created.getId().toString().equals(p.getAchievementId()));
        });

        authorised();
        PageResponseAchievementResponse first = achievements.listAchievements(null, null, organisationId, 0, null, null, 2, null);
        assertEquals(2, first.getItems().size(), "a page of two: " + first);
        assertTrue(first.getTotalItems() >= 3, "the organisation has the demo's records and these: " + first.getTotalItems());
        // A person pages by number; a system goes on by the cursor the page gives.
        assertNotNull(first.getNextCursor(), "more than one page, so a cursor to go on: " + first);
        PageResponseAchievementResponse second = achievements.listAchievements(first.getNextCursor(), null, organisationId,
                null, null, null, 2, null);
        Set<UUID> seen = new HashSet<>();
        first.getItems().forEach(a -> seen.add(a.getId()));
        assertFalse(second.getItems().isEmpty(), "a second page");
        second.getItems().forEach(a -> assertTrue(seen.add(a.getId()), "pages do not overlap: " + a.getId()));
    }
}
