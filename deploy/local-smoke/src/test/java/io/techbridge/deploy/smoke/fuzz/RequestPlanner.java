package io.techbridge.deploy.smoke.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Turns the operations of an OpenAPI document into a fixed number of requests, each one request a
 * client should be refused for (or, now and then, one that happens to be fine): a body that is not
 * JSON, a member given twice, a value of the wrong type, too long, full of control characters, lone
 * surrogates or bidi overrides, nested too deep, an array where an object belongs; paging at the
 * ends of the int range; odd ids in the path; no token, or one nobody issued. Everything comes from
 * one seeded {@link Random}, so the same seed plans the same requests.
 */
public final class RequestPlanner {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** The request line a server reads is limited (4 KB by default); longer ones are kept for a case of their own. */
    private static final int MAX_URL = 3500;
    /** A body over the 10 MB Quarkus allows by default, within what the services and the gateway take. */
    private static final int OVERSIZED = 12 << 20;
    /** Dates no date parser should take. */
    private static final List<String> ODD_DATES = List.of("2026-02-30", "2026-13-01", "20260101", "2026-01-01T00:00:00Z",
            "yesterday", "", "2026-1-1", "١٩٧٠-٠١-٠١", "2026-01-01\u0000", "2026-01-01 ", "26-01-01");
    /** Dates a date parser accepts, at or near the ends of what a calendar, a database or an index can hold. */
    private static final List<String> EXTREME_DATES = List.of("+999999999-12-31", "9999-12-31", "-999999999-01-01",
            "+10000-01-01", "0000-01-01", "+5874897-12-31", "0001-01-01", "1970-01-01", "2000-02-29", "-4713-11-24",
            "+294276-12-31", "+292278994-08-17");
    private static final List<String> ODD_MONTHS = List.of("0000-01", "9999-12", "2026-13", "2026-00", "+10000-01",
            "-0001-01", "2026-1", "202601", "2026-01-01", "2026/01");
    private static final List<String> ODD_SCORES = List.of("NaN", "-Infinity", "Infinity", "1e309", "-0.1", "1.1",
            "0x1p3", "abc", "", "0,5", "1e-400", "4.9E-324");
    private static final List<String> ODD_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1",
            "application/json; charset=UTF-16", "application/json; charset=nonsense", "application/json;;;",
            "*/*", "application/json, text/plain", "application/problem+json", "application/merge-patch+json",
            "text/csv", "application/octet-stream", "application/json; boundary=\"x\"", "a/b/c", "");
    private static final List<String> ODD_ACCEPTS = List.of("application/xml", "text/html", "*/*;q=abc", "image/png",
            "application/json;q=0", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "");

    private enum Focus { BODY, QUERY, PATH, CALLER, HEADERS, EXTRA }

    private final Fixtures fixtures;
    private final List<String> signedCallers;
    private final Random random;
    /** Per operation and kind of mutation, the next of its fitting places to hit: each in turn, not some never. */
    private final Map<String, Integer> cursors = new java.util.HashMap<>();
    private int next;

    public RequestPlanner(Fixtures fixtures, List<String> signedCallers, long seed) {
        this.fixtures = fixtures;
        this.signedCallers = signedCallers;
        this.random = new Random(seed);
    }

    /** {@code budget} requests for the operations of one document, spread evenly over them. */
    public List<FuzzRequest> plan(String target, String baseUrl, List<Operation> operations, Schemas schemas, int budget) {
        List<FuzzRequest> requests = new ArrayList<>();
        int each = budget / operations.size();
        int rest = budget % operations.size();
        for (int i = 0; i < operations.size(); i++) {
            int count = each + (i < rest ? 1 : 0);
            for (int k = 0; k < count; k++) {
                requests.add(request(target, baseUrl, operations.get(i), schemas));
            }
        }
        return requests;
    }

    public static Schemas schemas(JsonNode document) {
        return new Schemas(document);
    }

    /** What one request is being built from. */
    private final class Draft {
        final Operation operation;
        final Set<String> records = new LinkedHashSet<>();
        final Map<String, String> headers = new LinkedHashMap<>();
        String caller;
        String ownerCaller;
        String category;
        String detail = "";
        String mainKind;
        String mainId;
        Fixtures.Application application;

        Draft(Operation operation) {
            this.operation = operation;
        }

        void tried(String category, String detail) {
            this.category = category;
            this.detail = detail.length() > 120 ? detail.substring(0, 120) + "…" : detail;
        }
    }

    private FuzzRequest request(String target, String baseUrl, Operation operation, Schemas schemas) {
        Draft draft = new Draft(operation);
        Focus focus = focus(operation);

        String path = path(draft, focus == Focus.PATH);
        List<String> query = query(draft, focus == Focus.QUERY || focus == Focus.EXTRA && operation.in("query").isEmpty());
        draft.caller = caller(draft, focus);
        if (focus == Focus.CALLER) {
            draft.tried("caller", draft.caller);
        }
        byte[] body = body(draft, schemas, focus);
        if (focus == Focus.HEADERS) {
            headers(draft, body != null);
        }
        if (body != null && !draft.headers.containsKey("Content-Type")) {
            draft.headers.put("Content-Type", operation.hasJsonBody() || !operation.hasBody() ? "application/json"
                    : operation.bodyTypes().get(0));
        }
        draft.headers.putIfAbsent("Accept", "application/json, application/problem+json");

        StringBuilder url = new StringBuilder(baseUrl).append(path);
        boolean longUrl = "url:too-long".equals(draft.category);
        for (int i = 0; i < query.size(); i++) {
            String parameter = query.get(i);
            if (!longUrl && url.length() + parameter.length() + 1 > MAX_URL) {
                continue;
            }
            url.append(url.indexOf("?") < 0 ? '?' : '&').append(parameter);
        }
        if (draft.category == null) {
            draft.tried("caller", draft.caller);
        }
        return new FuzzRequest(next++, target, operation, url.toString(), draft.caller, Map.copyOf(draft.headers), body,
                draft.category, draft.detail, Set.copyOf(draft.records));
    }

    private Focus focus(Operation operation) {
        boolean hasQuery = !operation.in("query").isEmpty();
        boolean hasPath = !operation.in("path").isEmpty();
        int r = random.nextInt(100);
        if (operation.hasBody()) {
            if (r < 55) return Focus.BODY;
            if (r < 65) return hasQuery ? Focus.QUERY : Focus.BODY;
            if (r < 80) return hasPath ? Focus.PATH : Focus.BODY;
            if (r < 90) return Focus.CALLER;
            return Focus.HEADERS;
        }
        if (r < 45) return hasQuery ? Focus.QUERY : hasPath ? Focus.PATH : Focus.EXTRA;
        if (r < 75) return hasPath ? Focus.PATH : Focus.EXTRA;
        if (r < 88) return Focus.CALLER;
        if (r < 94) return Focus.HEADERS;
        return Focus.EXTRA;
    }

    // ---- the path -------------------------------------------------------------------------------

    private String path(Draft draft, boolean odd) {
        Operation operation = draft.operation;
        List<Operation.Parameter> parameters = operation.in("path");
        String path = operation.path();
        if (parameters.isEmpty()) {
            return path;
        }
        Map<String, String> values = new LinkedHashMap<>();
        boolean applicationPath = parameters.stream().anyMatch(p -> p.name().equals("applicationId"));
        if (applicationPath && !fixtures.applications().isEmpty()) {
            draft.application = OddValues.pick(random, fixtures.applications());
        }
        for (Operation.Parameter parameter : parameters) {
            String kind = kind(path, parameter.name());
            String existing;
            if (draft.application != null) {
                existing = parameter.name().equals("applicationId") ? draft.application.applicationId()
                        : draft.application.demandId();
            } else {
                existing = existing(kind);
            }
            if (draft.mainKind == null || parameter.name().equals("applicationId")) {
                draft.mainKind = kind;
                draft.mainId = existing;
            }
            values.put(parameter.name(), existing == null ? UUID.randomUUID().toString() : encode(existing));
            if (existing != null) {
                draft.records.add(existing);
            }
        }
        String ownerKey = draft.application != null ? draft.application.applicationId() : draft.mainId;
        draft.ownerCaller = ownerKey == null ? null : fixtures.owners().get(ownerKey);
        if (odd) {
            Operation.Parameter hit = OddValues.pick(random, parameters);
            String value;
            int r = random.nextInt(100);
            if (r < 3) {
                value = "a".repeat(9000);
                draft.tried("url:too-long", hit.name() + " of 9000 characters");
            } else if (r < 20) {
                value = UUID.randomUUID().toString();
                draft.tried("path:unknown-id", hit.name() + " = a random UUID");
            } else if (r < 35) {
                String other = existing(OddValues.pick(random, List.of("achievement", "demand", "match", "user")));
                value = other == null ? UUID.randomUUID().toString() : other;
                if (other != null) {
                    draft.records.add(other);
                }
                draft.tried("path:other-kind-id", hit.name() + " = the id of another kind of record");
            } else if (r < 50) {
                value = OddValues.pick(random, OddValues.ENCODED_PATH_SEGMENTS);
                draft.tried("path:odd-bytes", hit.name() + " = " + value);
            } else {
                String text = OddValues.pick(random, OddValues.PATH_SEGMENTS);
                value = encode(text);
                draft.tried("path:garbage", hit.name() + " = " + printable(text));
            }
            values.put(hit.name(), value);
        }
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    /** What kind of record a path parameter names, from the segment before it. */
    static String kind(String path, String parameter) {
        String[] segments = path.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (!segments[i].equals("{" + parameter + "}")) {
                continue;
            }
            return switch (segments[i - 1]) {
                case "imports" -> path.startsWith("/api/achievements") ? "achievement-import" : "demand-import";
                case "achievements" -> "achievement";
                case "demands" -> path.matches(".*/\\{id}/(applications|award|invitations).*") ? "challenge" : "demand";
                case "applications" -> "application";
                case "matches" -> "match";
                case "organisations" -> "organisation";
                case "users" -> "user";
                default -> "unknown";
            };
        }
        return "unknown";
    }

    private String existing(String kind) {
        List<String> ids = fixtures.of(kind);
        if (ids.isEmpty() && kind.equals("challenge")) {
            ids = fixtures.of("demand");
        }
        return ids.isEmpty() ? null : OddValues.pick(random, ids);
    }

    // ---- the query ------------------------------------------------------------------------------

    private List<String> query(Draft draft, boolean odd) {
        List<Operation.Parameter> parameters = draft.operation.in("query");
        List<String> query = new ArrayList<>();
        Set<String> hit = new LinkedHashSet<>();
        if (odd && !parameters.isEmpty()) {
            hit.add(OddValues.pick(random, parameters).name());
            for (Operation.Parameter parameter : parameters) {
                if (random.nextInt(100) < 25) {
                    hit.add(parameter.name());
                }
            }
        }
        StringBuilder detail = new StringBuilder();
        for (Operation.Parameter parameter : parameters) {
            String name = parameter.name();
            if (hit.contains(name)) {
                String value = oddQueryValue(name);
                query.add(encode(name) + "=" + value);
                detail.append(detail.isEmpty() ? "" : ", ").append(name).append('=').append(printable(value));
            } else if (random.nextInt(100) < (name.equals("duplicates") ? 70 : 35)) {
                String value = fineQueryValue(name);
                if (value != null) {
                    query.add(encode(name) + "=" + encode(value));
                }
            }
        }
        if (odd) {
            int r = random.nextInt(100);
            if (r < 20 || parameters.isEmpty()) {
                String name = OddValues.pick(random, List.of("page", "size", "sort", "q", "debug", "__proto__", "a[]", "\u0000"));
                String value = oddQueryValue(name);
                query.add(encode(name) + "=" + value);
                detail.append(detail.isEmpty() ? "" : ", ").append("undeclared ").append(printable(name)).append('=')
                        .append(printable(value));
            } else if (r < 35 && !query.isEmpty()) {
                String repeated = query.get(random.nextInt(query.size()));
                query.add(repeated);
                detail.append(detail.isEmpty() ? "" : ", ").append("repeated ").append(printable(repeated));
            } else if (r < 40) {
                query.add(OddValues.pick(random, List.of("page", "size", "q", "=", "&", "%25", "a=b=c")));
                detail.append(detail.isEmpty() ? "" : ", ").append("a parameter without a value");
            }
            String category = hit.contains("page") || hit.contains("size") || hit.contains("limit") ? "query:paging" : "query:odd-value";
            draft.tried(category, detail.toString());
        }
        return query;
    }

    /** A percent-encoded value. */
    private String oddQueryValue(String name) {
        return switch (name) {
            case "page" -> encode(OddValues.pick(random, OddValues.PAGES));
            case "size", "limit" -> encode(OddValues.pick(random, random.nextBoolean() ? OddValues.SIZES : OddValues.PAGES));
            case "minScore" -> encode(OddValues.pick(random, ODD_SCORES));
            case "from", "to" -> encode(OddValues.pick(random, random.nextBoolean() ? ODD_MONTHS
                    : random.nextBoolean() ? EXTREME_DATES : ODD_DATES));
            default -> random.nextInt(100) < 75 ? encode(OddValues.pick(random, OddValues.TEXT))
                    : OddValues.pick(random, OddValues.ENCODED);
        };
    }

    private String fineQueryValue(String name) {
        return switch (name) {
            case "page" -> "0";
            case "size" -> "20";
            case "limit" -> "5";
            case "field" -> "04";
            case "region" -> "330100";
            case "q" -> OddValues.pick(random, List.of("石墨烯", "coating", "膜"));
            case "status" -> OddValues.pick(random, List.of("PUBLISHED", "OPEN", "PROPOSED", "APPROVED"));
            case "includeWeak", "includeInactive" -> "true";
            case "duplicates" -> "confirmed";
            case "fileName" -> "rows.csv";
            case "minScore" -> "0.4";
            case "minTrl" -> "3";
            case "from" -> LocalDate.now().minusYears(1).toString().substring(0, 7);
            case "to" -> LocalDate.now().toString().substring(0, 7);
            case "organisationId" -> "org-zju";
            case "confidentiality" -> "PUBLIC";
            case "type" -> OddValues.pick(random, List.of("achievement", "demand"));
            case "demandId" -> existing("demand");
            case "achievementId" -> existing("achievement");
            default -> null;
        };
    }

    // ---- the caller -----------------------------------------------------------------------------

    /**
     * Who sends the request: with the caller as the focus, nobody or a token nobody issued; with the
     * body as the focus, mostly the record's owner or a role the document names for the operation, so
     * that the body gets past the access check and is read; otherwise any of them.
     */
    private String caller(Draft draft, Focus focus) {
        int r = random.nextInt(100);
        if (focus == Focus.CALLER) {
            return r < 40 ? Callers.ANONYMOUS : OddValues.pick(random, Callers.BAD);
        }
        if (r < 5) {
            return Callers.ANONYMOUS;
        }
        if (r < 8) {
            return OddValues.pick(random, Callers.BAD);
        }
        if (draft.ownerCaller != null && r < (focus == Focus.BODY ? 60 : 45)) {
            return draft.ownerCaller;
        }
        if (focus == Focus.BODY) {
            r = Math.min(r, random.nextInt(100));
        }
        Set<String> named = draft.operation.namedRoles();
        List<String> fitting = signedCallers.stream().filter(c -> named.contains(c.substring(0, c.indexOf('@')))).toList();
        if (!fitting.isEmpty() && r < 75) {
            return OddValues.pick(random, fitting);
        }
        return OddValues.pick(random, signedCallers);
    }

    // ---- the body -------------------------------------------------------------------------------

    private byte[] body(Draft draft, Schemas schemas, Focus focus) {
        Operation operation = draft.operation;
        if (!operation.hasBody()) {
            if (focus != Focus.EXTRA || random.nextBoolean()) {
                return null;
            }
            draft.headers.put("Content-Type", "application/json");
            String junk = OddValues.pick(random, OddValues.MALFORMED_JSON);
            draft.tried("body:where-none-belongs", printable(junk));
            return OddValues.bytes(junk);
        }
        if (!operation.hasJsonBody()) {
            return spreadsheet(draft, focus == Focus.BODY);
        }
        JsonNode schema = schemas.resolve(operation.bodySchema());
        JsonNode baseline = schemas.baseline(schema, null, known(draft), 0);
        if (focus != Focus.BODY) {
            return write(baseline);
        }
        return mutate(draft, schemas, baseline, schema);
    }

    private byte[] spreadsheet(Draft draft, boolean odd) {
        if (!odd) {
            draft.headers.put("Content-Type", "text/csv");
            return OddValues.bytes("title,summary\nfuzz,fuzz\n");
        }
        if (random.nextInt(100) < 3) {
            // Over the HTTP layer's default limit of 10 MB, under the services' import limit of 20 MB.
            draft.headers.put("Content-Type", "text/csv");
            draft.tried("body:oversized", OVERSIZED + " bytes of CSV");
            return OddValues.bytes("title,summary\n" + "石墨烯,x\n".repeat((OVERSIZED - 14) / 11));
        }
        byte[] body = OddValues.pick(random, OddValues.SPREADSHEETS);
        String type = random.nextInt(100) < 80 ? OddValues.pick(random, draft.operation.bodyTypes())
                : OddValues.pick(random, ODD_CONTENT_TYPES);
        draft.headers.put("Content-Type", type);
        draft.tried("body:broken-spreadsheet", body.length + " bytes as " + type);
        return body;
    }

    /** Values that make a body acceptable where the schema alone cannot tell (codes, ids, dates in order). */
    private BiFunction<String, JsonNode, JsonNode> known(Draft draft) {
        String callerOrganisation = draft.caller != null && draft.caller.contains("@")
                ? draft.caller.substring(draft.caller.indexOf('@') + 1) : "org-zju";
        LocalDate today = LocalDate.now();
        return (name, schema) -> switch (name) {
            case "organisationId" -> NODES.textNode(callerOrganisation);
            case "fieldCode" -> NODES.textNode("04.02");
            case "regionCode" -> NODES.textNode("330100");
            case "phone" -> NODES.textNode("13800138000");
            case "email" -> NODES.textNode("fuzz@example.com");
            case "patentNumbers[]" -> NODES.textNode("CN202310123456.7");
            case "registrationNo" -> NODES.textNode("2026440101000123");
            case "username" -> NODES.textNode("zju-tto");
            case "password" -> NODES.textNode("not-the-password-1");
            case "id" -> NODES.textNode("org-zju");
            case "title", "summary", "problem", "approach", "goal" -> NODES.textNode(words(name.equals("title") ? 6 : 30));
            case "keywords[]" -> NODES.textNode("石墨烯");
            case "validUntil" -> NODES.textNode(today.plusDays(90).toString());
            case "applicationDeadline" -> NODES.textNode(today.plusDays(30).toString());
            case "judgingDeadline" -> NODES.textNode(today.plusDays(60).toString());
            case "due" -> NODES.textNode(today.plusDays(120).toString());
            case "minCny" -> NODES.numberNode(1000);
            case "maxCny" -> NODES.numberNode(2000);
            case "trl", "trlNow" -> NODES.numberNode(3);
            case "trlPromised", "minTrl" -> NODES.numberNode(5);
            case "version" -> NODES.numberNode(1);
            case "intoId" -> id(draft, draft.mainKind == null ? "achievement" : draft.mainKind.replace("challenge", "demand"));
            case "achievementIds[]" -> id(draft, "achievement");
            case "winners[]" -> draft.application != null ? record(draft, draft.application.applicationId())
                    : NODES.textNode(UUID.randomUUID().toString());
            default -> null;
        };
    }

    /** Chinese words, new for every request: no two bodies look alike to the near-duplicate check. */
    private String words(int characters) {
        StringBuilder text = new StringBuilder("fuzz ");
        for (int i = 0; i < characters; i++) {
            text.appendCodePoint(0x4E00 + random.nextInt(0x51A5));
        }
        return text.toString();
    }

    private JsonNode id(Draft draft, String kind) {
        String id = existing(kind);
        return id == null ? NODES.textNode(UUID.randomUUID().toString()) : record(draft, id);
    }

    private JsonNode record(Draft draft, String id) {
        draft.records.add(id);
        return NODES.textNode(id);
    }

    private byte[] mutate(Draft draft, Schemas schemas, JsonNode baseline, JsonNode schema) {
        List<Schemas.Slot> slots = schemas.slots(baseline, schema);
        Map<String, String> raw = new LinkedHashMap<>();
        int r = slots.isEmpty() ? 0 : random.nextInt(100);
        if (r < 7) {
            String text;
            if (random.nextInt(100) < 60) {
                text = OddValues.pick(random, OddValues.MALFORMED_JSON);
            } else {
                String whole = new String(write(baseline), StandardCharsets.UTF_8);
                text = whole.substring(0, 1 + random.nextInt(Math.max(1, whole.length() - 1)));
            }
            draft.tried("body:malformed-json", printable(text));
            return OddValues.bytes(text);
        }
        if (r < 14) {
            return duplicate(draft, baseline, slots, raw);
        }
        if (r < 25) {
            return wrongType(draft, baseline, slots, schemas, raw);
        }
        if (r < 33) {
            return huge(draft, baseline, slots, schemas, raw);
        }
        if (r < 46) {
            return oddText(draft, baseline, slots, schemas, raw);
        }
        if (r < 50) {
            Schemas.Slot slot = pickSlot(slots, s -> true);
            String value = OddValues.pick(random, OddValues.RAW_JSON_VALUES);
            rawValue(slot, value, raw);
            draft.tried("body:odd-json-value", slot.path() + " ← " + value);
            return write(baseline, raw);
        }
        if (r < 53) {
            return badUtf8(draft, baseline, slots);
        }
        if (r < 57) {
            int depth = OddValues.pick(random, List.of(100, 999, 1001, 5000, 50_000));
            boolean arrays = random.nextBoolean();
            String nested = arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            if (random.nextBoolean()) {
                draft.tried("body:deep-nesting", "the whole body, " + depth + (arrays ? " arrays" : " objects") + " deep");
                return OddValues.bytes(nested);
            }
            Schemas.Slot slot = pickSlot(slots, s -> true);
            rawValue(slot, nested, raw);
            draft.tried("body:deep-nesting", slot.path() + ", " + depth + (arrays ? " arrays" : " objects") + " deep");
            return write(baseline, raw);
        }
        if (r < 63) {
            return shape(draft, baseline, slots, schemas);
        }
        if (r < 70) {
            return missing(draft, baseline, slots);
        }
        if (r < 75) {
            Schemas.Slot slot = pickSlot(slots, s -> !schemas.enumValues(s.schema()).isEmpty());
            if (slot != null) {
                String value = schemas.enumValues(slot.schema()).get(0);
                JsonNode odd = OddValues.pick(random, List.of(NODES.textNode(value.toLowerCase()),
                        NODES.textNode(" " + value + " "), NODES.textNode(value + "\u0000"), NODES.textNode("UNKNOWN"),
                        NODES.numberNode(0), NODES.numberNode(99), NODES.textNode(""), NODES.textNode("值"),
                        NODES.textNode(value + "\u202e")));
                slot.set(odd);
                draft.tried("body:odd-enum", slot.path() + " ← " + printable(odd.toString()));
                return write(baseline);
            }
        }
        return boundary(draft, baseline, slots, schemas, raw);
    }

    private byte[] duplicate(Draft draft, JsonNode baseline, List<Schemas.Slot> slots, Map<String, String> raw) {
        Schemas.Slot slot = pickSlot(slots, s -> s.container() instanceof ObjectNode);
        if (slot == null) {
            draft.tried("body:duplicate-member", "none possible; the body as is");
            return write(baseline);
        }
        ObjectNode container = (ObjectNode) slot.container();
        String marker = "@@fuzz-duplicate-" + raw.size() + "@@";
        JsonNode again = random.nextBoolean() ? container.get(slot.field()).deepCopy() : NODES.textNode("second 值");
        container.set(marker, again);
        raw.put("\"" + marker + "\"", "\"" + slot.field() + "\"");
        draft.tried("body:duplicate-member", slot.path() + " given twice, the second " + printable(again.toString()));
        return write(baseline, raw);
    }

    private byte[] wrongType(Draft draft, JsonNode baseline, List<Schemas.Slot> slots, Schemas schemas, Map<String, String> raw) {
        Schemas.Slot slot = nextSlot(draft, "wrong-type", slots, s -> true);
        String type = schemas.type(slot.schema());
        List<JsonNode> candidates = new ArrayList<>();
        if (!type.equals("string")) {
            candidates.addAll(List.of(NODES.textNode("abc"), NODES.textNode(""), NODES.textNode("12")));
        }
        if (!type.equals("integer") && !type.equals("number")) {
            candidates.addAll(List.of(NODES.numberNode(42), NODES.numberNode(-4.2)));
        }
        if (!type.equals("boolean")) {
            candidates.add(NODES.booleanNode(false));
        }
        if (!type.equals("object")) {
            candidates.add(NODES.objectNode().put("a", 1));
            candidates.add(NODES.objectNode());
        }
        if (!type.equals("array")) {
            candidates.add(NODES.arrayNode().add("a"));
            candidates.add(NODES.arrayNode().add(NODES.objectNode()));
        }
        if (type.equals("integer")) {
            candidates.add(NODES.numberNode(1.5));
        }
        JsonNode value = OddValues.pick(random, candidates);
        slot.set(value);
        draft.tried("body:wrong-type", slot.path() + " (" + (type.isEmpty() ? "any" : type) + ") ← " + printable(value.toString()));
        return write(baseline, raw);
    }

    private byte[] huge(Draft draft, JsonNode baseline, List<Schemas.Slot> slots, Schemas schemas, Map<String, String> raw) {
        int r = random.nextInt(100);
        Schemas.Slot array = pickSlot(slots, s -> s.container() instanceof ObjectNode && s.container().get(s.field()) instanceof ArrayNode);
        if (r < 20 && array != null) {
            ArrayNode items = (ArrayNode) array.container().get(array.field());
            JsonNode item = items.isEmpty() ? NODES.textNode("x") : items.get(0);
            for (int i = 0; i < 10_000; i++) {
                items.add(item.deepCopy());
            }
            draft.tried("body:huge", array.path() + " with 10,001 items");
            return write(baseline, raw);
        }
        if (r < 30) {
            Schemas.Slot slot = pickSlot(slots, s -> true);
            String digits = "9".repeat(100_000);
            rawValue(slot, digits, raw);
            draft.tried("body:huge", slot.path() + " ← a number of 100,000 digits");
            return write(baseline, raw);
        }
        if (r < 32) {
            Schemas.Slot slot = pickSlot(slots, s -> schemas.type(s.schema()).equals("string"));
            if (slot != null) {
                // Over the HTTP layer's default limit of 10 MB, under the services' limit of 24 MB.
                slot.set(NODES.textNode("x".repeat(OVERSIZED)));
                draft.tried("body:oversized", slot.path() + " ← " + OVERSIZED + " chars");
                return write(baseline, raw);
            }
        }
        if (r < 38 && baseline instanceof ObjectNode object) {
            object.put("k".repeat(100_000), 1);
            draft.tried("body:huge", "a member name of 100,000 characters");
            return write(baseline, raw);
        }
        Schemas.Slot slot = pickSlot(slots, s -> schemas.type(s.schema()).equals("string"));
        if (slot == null) {
            slot = pickSlot(slots, s -> true);
        }
        String value = OddValues.huge(random);
        slot.set(NODES.textNode(value));
        draft.tried("body:huge", slot.path() + " ← " + value.length() + " chars of " + printable(value.substring(0, 4)));
        return write(baseline, raw);
    }

    private byte[] oddText(Draft draft, JsonNode baseline, List<Schemas.Slot> slots, Schemas schemas, Map<String, String> raw) {
        Schemas.Slot slot = nextSlot(draft, "odd-text", slots, s -> schemas.type(s.schema()).equals("string"));
        if (slot == null) {
            slot = pickSlot(slots, s -> true);
        }
        int r = random.nextInt(100);
        if (r < 55) {
            String text = OddValues.pick(random, OddValues.TEXT);
            if (random.nextBoolean()) {
                text = "fuzz " + text + " 测试";
            }
            slot.set(NODES.textNode(text));
            draft.tried("body:odd-text", slot.path() + " ← " + printable(text));
        } else if (r < 85) {
            String value = OddValues.pick(random, OddValues.RAW_JSON_VALUES.subList(0, 8));
            rawValue(slot, value, raw);
            draft.tried("body:odd-text", slot.path() + " ← " + value);
        } else {
            String key = OddValues.pick(random, List.of("\"\\u0000\"", "\"\\ud800\"", "\"\"", "\"\\u202etitle\"",
                    "\"title\\u0000\"", "\"__proto__\"", "\"constructor\"", "\"@class\""));
            String marker = "@@fuzz-key@@";
            if (slot.container() instanceof ObjectNode container) {
                container.put(marker, "x");
            } else if (baseline instanceof ObjectNode object) {
                object.put(marker, "x");
            }
            raw.put("\"" + marker + "\"", key);
            draft.tried("body:odd-member-name", key);
        }
        return write(baseline, raw);
    }

    private byte[] badUtf8(Draft draft, JsonNode baseline, List<Schemas.Slot> slots) {
        Schemas.Slot slot = pickSlot(slots, s -> s.container().get(s.field() == null ? "" : s.field()) != null
                && s.container().get(s.field()).isTextual());
        String marker = "@@fuzz-bytes@@";
        if (slot != null) {
            slot.set(NODES.textNode("a" + marker + "b"));
        } else if (baseline instanceof ObjectNode object) {
            object.put("note", marker);
        }
        byte[] bad = OddValues.pick(random, OddValues.BAD_UTF8);
        byte[] text = write(baseline);
        String whole = new String(text, StandardCharsets.UTF_8);
        int at = whole.indexOf(marker);
        draft.tried("body:not-utf8", (slot == null ? "note" : slot.path()) + " holds bytes " + hex(bad));
        if (at < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] before = whole.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = whole.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
        out.writeBytes(before);
        out.writeBytes(bad);
        out.writeBytes(after);
        return out.toByteArray();
    }

    private byte[] shape(Draft draft, JsonNode baseline, List<Schemas.Slot> slots, Schemas schemas) {
        int r = random.nextInt(100);
        if (r < 30) {
            ArrayNode wrapped = NODES.arrayNode().add(baseline);
            draft.tried("body:array-for-object", "the body inside an array");
            return write(wrapped);
        }
        if (r < 40) {
            JsonNode scalar = OddValues.pick(random, List.of(NODES.textNode("body"), NODES.numberNode(1),
                    NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode()));
            draft.tried("body:scalar-for-object", scalar.toString());
            return write(scalar);
        }
        Schemas.Slot object = pickSlot(slots, s -> schemas.type(s.schema()).equals("object"));
        Schemas.Slot array = pickSlot(slots, s -> schemas.type(s.schema()).equals("array"));
        if (object != null && (array == null || random.nextBoolean())) {
            JsonNode current = object.container() instanceof ObjectNode o ? o.get(object.field()) : null;
            object.set(NODES.arrayNode().add(current == null ? NODES.objectNode() : current));
            draft.tried("body:array-for-object", object.path() + " as an array");
        } else if (array != null) {
            array.set(NODES.objectNode().put("0", "a"));
            draft.tried("body:object-for-array", array.path() + " as an object");
        } else {
            draft.tried("body:array-for-object", "the body inside an array");
            return write(NODES.arrayNode().add(baseline));
        }
        return write(baseline);
    }

    private byte[] missing(Draft draft, JsonNode baseline, List<Schemas.Slot> slots) {
        int r = random.nextInt(100);
        if (r < 10) {
            draft.tried("body:missing", "an empty object");
            return OddValues.bytes("{}");
        }
        if (r < 15) {
            draft.tried("body:missing", "an empty body");
            return new byte[0];
        }
        Schemas.Slot slot = pickSlot(slots, s -> true);
        if (r < 50) {
            slot.remove();
            draft.tried("body:missing", slot.path() + " left out");
        } else if (r < 85) {
            slot.set(NODES.nullNode());
            draft.tried("body:null", slot.path() + " ← null");
        } else if (slot.container() instanceof ObjectNode container) {
            container.put("unknownMember", "x");
            draft.tried("body:unknown-member", (slot.path().contains(".") ? slot.path().replaceAll("\\.[^.]*$", "") + "." : "")
                    + "unknownMember");
        } else {
            slot.set(NODES.nullNode());
            draft.tried("body:null", slot.path() + " ← null");
        }
        return write(baseline);
    }

    /**
     * A value at or just past a limit the schema states (length, range, date, id), or one a parser
     * takes but a database or index may not hold. Request after request of one operation, the fitting
     * places are hit in turn, and each place gets the next value of its list on its next turn, so the
     * values most likely to break something (first in each list) reach every place first.
     */
    private byte[] boundary(Draft draft, JsonNode baseline, List<Schemas.Slot> slots, Schemas schemas, Map<String, String> raw) {
        List<Schemas.Slot> fitting = slots.stream().filter(s -> s.schema().has("minimum") || s.schema().has("maximum")
                || s.schema().has("maxLength") || s.schema().path("format").asText().matches("date|uuid")).toList();
        if (fitting.isEmpty()) {
            return wrongType(draft, baseline, slots, schemas, raw);
        }
        int turn = cursors.merge(draft.operation.key() + " boundary", 1, Integer::sum) - 1;
        Schemas.Slot slot = fitting.get(turn % fitting.size());
        int round = turn / fitting.size();
        JsonNode schema = slot.schema();
        String format = schema.path("format").asText();
        List<JsonNode> values = new ArrayList<>();
        if (format.equals("date")) {
            EXTREME_DATES.forEach(d -> values.add(NODES.textNode(d)));
            ODD_DATES.forEach(d -> values.add(NODES.textNode(d)));
        } else if (format.equals("uuid")) {
            for (String id : List.of(UUID.randomUUID().toString(), "00000000-0000-0000-0000-000000000000",
                    UUID.randomUUID().toString().toUpperCase(), "not-a-uuid", "", UUID.randomUUID().toString().replace("-", ""),
                    UUID.randomUUID() + "\u0000")) {
                values.add(NODES.textNode(id));
            }
        } else if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            for (String text : List.of("😀".repeat(Math.max(1, max / 2)), "石".repeat(max), "x".repeat(max + 1),
                    "a" + "\u0301".repeat(max - 1), "😀".repeat(max / 2 + 1), "\u202e".repeat(max - 1) + "x",
                    " ".repeat(max + 1), "x".repeat(max), "ǅ".repeat(max), "\u0301".repeat(max))) {
                values.add(NODES.textNode(text));
            }
        } else {
            if (schema.has("maximum")) {
                values.add(NODES.numberNode(schema.get("maximum").asLong()));
                values.add(NODES.numberNode(schema.get("maximum").asLong() + 1));
            }
            if (schema.has("minimum")) {
                values.add(NODES.numberNode(schema.get("minimum").asLong()));
                values.add(NODES.numberNode(schema.get("minimum").asLong() - 1));
            }
            values.addAll(List.of(NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
                    NODES.numberNode(Integer.MAX_VALUE + 1L), NODES.numberNode(-1), NODES.numberNode(0)));
        }
        JsonNode value = values.get(round % values.size());
        slot.set(value);
        String shown = value.isTextual() && value.asText().length() > 40
                ? value.asText().length() + " chars of " + printable(value.asText().substring(0, 2)) : printable(value.toString());
        draft.tried("body:boundary", slot.path() + " ← " + shown);
        return write(baseline, raw);
    }

    private void headers(Draft draft, boolean hasBody) {
        int r = random.nextInt(100);
        if (hasBody && r < 65) {
            String type = OddValues.pick(random, ODD_CONTENT_TYPES);
            draft.headers.put("Content-Type", type);
            draft.tried("header:content-type", type);
        } else if (r < 85) {
            String accept = OddValues.pick(random, ODD_ACCEPTS);
            draft.headers.put("Accept", accept);
            draft.tried("header:accept", accept);
        } else {
            String id = OddValues.pick(random, List.of("x".repeat(5000), "../../etc", "<script>", "a b c", "\u00e9\u00e8"));
            draft.headers.put("X-Request-Id", id);
            draft.tried("header:request-id", id.length() > 40 ? id.length() + " chars" : id);
        }
    }

    private Schemas.Slot pickSlot(List<Schemas.Slot> slots, java.util.function.Predicate<Schemas.Slot> fits) {
        List<Schemas.Slot> fitting = slots.stream().filter(fits).toList();
        return fitting.isEmpty() ? null : OddValues.pick(random, fitting);
    }

    /** The fitting places of a body in turn, request after request of the same operation. */
    private Schemas.Slot nextSlot(Draft draft, String mutation, List<Schemas.Slot> slots,
            java.util.function.Predicate<Schemas.Slot> fits) {
        List<Schemas.Slot> fitting = slots.stream().filter(fits).toList();
        if (fitting.isEmpty()) {
            return null;
        }
        int turn = cursors.merge(draft.operation.key() + " " + mutation, 1, Integer::sum) - 1;
        return fitting.get(turn % fitting.size());
    }

    private void rawValue(Schemas.Slot slot, String value, Map<String, String> raw) {
        String marker = "@@fuzz-raw-" + raw.size() + "@@";
        if (slot == null) {
            return;
        }
        slot.set(NODES.textNode(marker));
        raw.put("\"" + marker + "\"", value);
    }

    private static byte[] write(JsonNode body) {
        return write(body, Map.of());
    }

    private static byte[] write(JsonNode body, Map<String, String> raw) {
        try {
            String text = JSON.writeValueAsString(body);
            for (Map.Entry<String, String> replacement : raw.entrySet()) {
                text = text.replace(replacement.getKey(), replacement.getValue());
            }
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(60).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > 60 ? out + "…(" + text.length() + " chars)" : out.toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02X ", b));
        }
        return out.toString().trim();
    }
}
