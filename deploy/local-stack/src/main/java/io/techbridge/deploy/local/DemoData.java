package io.techbridge.deploy.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the demo of {@code deploy/local/demo}, once per data folder: the achievements and demands
 * through the services' public API, each written with a token of its own organisation (signed
 * with the installation's key, like the gateway's), then through the gateway's admin API the demo
 * organisations and one login per role, whose generated passwords are kept in
 * {@code demo-accounts.json}. Dates written as ISO periods ({@code P240D}) are taken from today,
 * so the demo never starts out expired.
 */
public final class DemoData {

    public static final String ACCOUNTS_FILE = "demo-accounts.json";
    public static final String BROKER_ORGANISATION = "org-techbridge-brokers";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

    /** One demo login, as {@code up} prints it. */
    public record DemoAccount(String role, String username, String password, String organisationId, String organisationName) {
    }

    private final Path demoDir;
    private final Path idsFile;
    private final Path accountsFile;
    private final JwtKeyFiles keys;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DemoData(Path projectDir, Path dataDir, JwtKeyFiles keys) {
        this.demoDir = projectDir.resolve("deploy/local/demo");
        this.idsFile = dataDir.resolve("demo-ids.json");
        this.accountsFile = dataDir.resolve(ACCOUNTS_FILE);
        this.keys = keys;
    }

    public boolean recordsLoaded() {
        return Files.exists(idsFile);
    }

    public boolean accountsLoaded() {
        return Files.exists(accountsFile);
    }

    /** Returns how many records were created, by kind. */
    public Map<String, Integer> loadRecords(String achievementsUrl, String demandsUrl) {
        LocalTokens tokens = new LocalTokens(keys);
        ObjectNode ids = JSON.createObjectNode();
        int achievements = post(demoDir.resolve("achievements.json"), achievementsUrl, ids,
                organisation -> tokens.token("university", organisation, "UNIVERSITY", TOKEN_LIFETIME));
        int demands = post(demoDir.resolve("demands.json"), demandsUrl, ids,
                organisation -> tokens.token("enterprise", organisation, "ENTERPRISE", TOKEN_LIFETIME));
        write(idsFile, ids, false);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("achievements", achievements);
        counts.put("demands", demands);
        return counts;
    }

    /**
     * The demo organisations (ids of the demo records, names from their institution or enterprise)
     * and the broker agency, then a broker, an admin, two university logins ({@code org-zju} first,
     * then {@code org-sjtu}) and an enterprise login, all through the gateway as its first admin.
     */
    public List<DemoAccount> loadAccounts(String gatewayUrl, String adminPassword) {
        GatewaySession admin = GatewaySession.logIn(gatewayUrl, "admin", adminPassword);
        Map<String, ObjectNode> organisations = new LinkedHashMap<>();
        collectOrganisations(read(demoDir.resolve("achievements.json")), "institution", "UNIVERSITY", organisations);
        collectOrganisations(read(demoDir.resolve("demands.json")), "enterprise", "ENTERPRISE", organisations);
        ObjectNode brokers = JSON.createObjectNode().put("id", BROKER_ORGANISATION).put("name", "TechBridge 技术经纪服务中心")
                .put("type", "BROKER_AGENCY");
        organisations.put(BROKER_ORGANISATION, brokers);
        for (ObjectNode organisation : organisations.values()) {
            int status = send("POST", gatewayUrl + "/api/admin/organisations", admin.authorization(), organisation).statusCode();
            if (status != 201 && status != 409) {
                throw new IllegalStateException("cannot create organisation " + organisation.get("id") + ": " + status);
            }
        }
        List<DemoAccount> accounts = new ArrayList<>();
        accounts.add(account(gatewayUrl, admin, "broker", "broker", "王经纪", BROKER_ORGANISATION, organisations));
        accounts.add(account(gatewayUrl, admin, "admin", "operator", "成果转化中心运营", "org-operator", organisations));
        accounts.add(account(gatewayUrl, admin, "university", "zju-tto", "浙江大学技术转移中心", "org-zju", organisations));
        // A second university office: an open challenge gets more than one applicant, and an
        // office can try a bulk import without touching the first one's records.
        accounts.add(account(gatewayUrl, admin, "university", "sjtu-tto", "上海交通大学先进产业技术研究院", "org-sjtu", organisations));
        accounts.add(account(gatewayUrl, admin, "enterprise", "huarui", "华瑞制药研发部", "org-huarui-pharma", organisations));
        write(accountsFile, JSON.valueToTree(accounts), true);
        admin.logOut();
        return accounts;
    }

    /** The demo logins made on first start, or none before that. */
    public List<DemoAccount> accounts() {
        if (!accountsLoaded()) {
            return List.of();
        }
        try {
            return JSON.readValue(accountsFile.toFile(), new TypeReference<List<DemoAccount>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + accountsFile, e);
        }
    }

    private DemoAccount account(String gatewayUrl, GatewaySession admin, String role, String username, String displayName,
            String organisationId, Map<String, ObjectNode> organisations) {
        String password = LocalStack.randomPassword();
        ObjectNode body = JSON.createObjectNode().put("username", username).put("displayName", displayName)
                .put("password", password).put("organisationId", organisationId);
        HttpResponse<String> created = send("POST", gatewayUrl + "/api/admin/users", admin.authorization(), body);
        if (created.statusCode() == 409) {
            // Left from an interrupted first load: give it the new password.
            String id = existingUserId(gatewayUrl, admin, username);
            HttpResponse<String> changed = send("PATCH", gatewayUrl + "/api/admin/users/" + id, admin.authorization(),
                    JSON.createObjectNode().put("password", password).put("enabled", true));
            expect(changed, 200);
        } else {
            expect(created, 201);
        }
        ObjectNode organisation = organisations.get(organisationId);
        String organisationName = organisation != null ? organisation.get("name").asText() : "市科技成果转化中心";
        return new DemoAccount(role, username, password, organisationId, organisationName);
    }

    private String existingUserId(String gatewayUrl, GatewaySession admin, String username) {
        HttpResponse<String> users = send("GET", gatewayUrl + "/api/admin/users", admin.authorization(), null);
        expect(users, 200);
        for (JsonNode user : parse(users.body())) {
            if (user.get("username").asText().equalsIgnoreCase(username)) {
                return user.get("id").asText();
            }
        }
        throw new IllegalStateException("user " + username + " exists but is not listed");
    }

    /** One organisation per id; its Chinese name when the demo gives one, else the first name it gives. */
    private static void collectOrganisations(JsonNode records, String nameField, String type, Map<String, ObjectNode> into) {
        Map<String, String> names = new HashMap<>();
        for (JsonNode record : records) {
            String id = record.get("organisationId").asText();
            String name = record.path(nameField).asText(id);
            String known = names.get(id);
            if (known == null || (!hasChinese(known) && hasChinese(name))) {
                names.put(id, name);
                String kind = type.equals("UNIVERSITY") && (name.contains("研究所") || name.contains("研究院"))
                        ? "INSTITUTE" : type;
                ObjectNode organisation = JSON.createObjectNode().put("id", id).put("name", name).put("type", kind);
                if (record.hasNonNull("regionCode")) {
                    organisation.put("regionCode", record.get("regionCode").asText());
                }
                into.put(id, organisation);
            }
        }
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private int post(Path file, String url, ObjectNode ids, java.util.function.Function<String, String> tokenOf) {
        JsonNode records = read(file);
        Map<String, String> tokens = new HashMap<>();
        int created = 0;
        for (JsonNode record : records) {
            ObjectNode body = ((ObjectNode) record).deepCopy();
            String key = body.remove("key").asText();
            resolvePeriods(body);
            String token = tokens.computeIfAbsent(body.get("organisationId").asText(), tokenOf);
            HttpResponse<String> response = send("POST", url, "Bearer " + token, body);
            expect(response, 201);
            ids.put(key, parse(response.body()).get("id").asText());
            created++;
        }
        return created;
    }

    private HttpResponse<String> send(String method, String url, String authorization, JsonNode body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    private static void write(Path file, JsonNode content, boolean secret) {
        try {
            Files.createDirectories(file.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), content);
            if (secret) {
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // a file system without POSIX permissions keeps its defaults
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }

    private static void resolvePeriods(ObjectNode node) {
        LocalDate today = LocalDate.now(CHINA);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isTextual() && value.asText().matches("P\\d+[DWMY]")) {
                field.setValue(JSON.getNodeFactory().textNode(today.plus(Period.parse(value.asText())).toString()));
            } else if (value.isObject()) {
                resolvePeriods((ObjectNode) value);
            }
        }
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
