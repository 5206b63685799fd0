package io.techbridge.gateway.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.work.WorkerLoop;
import io.techbridge.gateway.accounts.OrganisationType;
import io.techbridge.gateway.config.GatewayConfig;
import io.techbridge.gateway.persistence.ApiKey;
import io.techbridge.gateway.persistence.ApiKeyRepository;
import io.techbridge.gateway.persistence.Organisation;
import io.techbridge.gateway.persistence.OrganisationRepository;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API keys: a machine sends {@code Authorization: Bearer tbk_<id>_<secret>}; the gateway checks the
 * key and its scope and forwards the request with a short-lived access token of the key's
 * organisation ({@link TokenIssuer#issue(Key)}), so the services need nothing new. Every instance
 * keeps the keys in memory (a check never waits for the database) and reads them again at each
 * revocation poll: a key revoked on one instance is refused there at once and on the others within
 * the poll. Last uses are written at each poll.
 */
@ApplicationScoped
public class ApiKeys {

    public static final String PREFIX = "tbk_";
    public static final Set<String> SCOPES = Set.of("READ", "WRITE");
    private static final Pattern FORMAT = Pattern.compile("tbk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key as the check needs it. */
    public record Key(UUID id, String organisationId, OrganisationType organisationType, String organisationName,
            String name, String scope, String secretSha256, boolean revoked) {

        static Key of(ApiKey k) {
            return new Key(k.id, k.organisation.id, k.organisation.type, k.organisation.name, k.name, k.scope,
                    k.secretSha256, k.revokedAt != null);
        }
    }

    /** What a presented key allows. */
    public sealed interface Check {
        record Unknown() implements Check {
        }

        record ReadOnly() implements Check {
        }

        record Allowed(String accessToken) implements Check {
        }
    }

    /** A new key, with its secret: the one time it is shown. */
    public record Issued(ApiKey key, String secret) {
    }

    private record Minted(String token, long renewAtNanos) {
    }

    private final ApiKeyRepository repository;
    private final OrganisationRepository organisations;
    private final TokenIssuer issuer;
    private final WorkerLoop worker;
    private volatile Map<UUID, Key> keys = Map.of();
    private final Map<UUID, Minted> minted = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastUses = new ConcurrentHashMap<>();

    public ApiKeys(ApiKeyRepository repository, OrganisationRepository organisations, TokenIssuer issuer,
            GatewayConfig config) {
        this.repository = repository;
        this.organisations = organisations;
        this.issuer = issuer;
        this.worker = new WorkerLoop("gateway-api-keys", config.token().revocationPoll(), this::round, LOG);
    }

    void start(@Observes StartupEvent event) {
        round();
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop();
        flushLastUses();
    }

    /** Whether a bearer value is an API key (rather than an access token). */
    public static boolean isKey(String bearer) {
        return bearer.startsWith(PREFIX);
    }

    /** The check of a presented key for a request of this method. */
    public Check check(String presented, HttpMethod method) {
        Matcher matcher = FORMAT.matcher(presented);
        if (!matcher.matches()) {
            return new Check.Unknown();
        }
        UUID id = UUID.fromString(matcher.group(1).replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        Key key = keys.get(id);
        if (key == null || key.revoked()
                || !MessageDigest.isEqual(key.secretSha256().getBytes(StandardCharsets.US_ASCII),
                sha256(matcher.group(2)).getBytes(StandardCharsets.US_ASCII))) {
            return new Check.Unknown();
        }
        if ("READ".equals(key.scope()) && !READS.contains(method)) {
            return new Check.ReadOnly();
        }
        lastUses.put(id, Instant.now());
        long now = System.nanoTime();
        Minted token = minted.get(id);
        if (token == null || now >= token.renewAtNanos()) {
            TokenIssuer.IssuedToken issued = issuer.issue(key);
            token = new Minted(issued.token(), now + issued.lifetime().toNanos() / 2);
            minted.put(id, token);
        }
        return new Check.Allowed(token.token());
    }

    public Issued issue(String organisationId, String name, String scope, String createdBy) {
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiKey key = QuarkusTransaction.requiringNew().call(() -> {
            Organisation organisation = organisations.findByIdOptional(organisationId)
                    .orElseThrow(() -> Problems.invalidField("organisationId", "exists", "no organisation has this id"));
            ApiKey created = new ApiKey();
            created.id = UUID.randomUUID();
            created.organisation = organisation;
            created.name = name;
            created.scope = scope;
            created.secretSha256 = sha256(secret);
            created.createdAt = Instant.now();
            created.createdBy = createdBy;
            repository.persist(created);
            return created;
        });
        remember(key);
        return new Issued(key, PREFIX + key.id.toString().replace("-", "") + "_" + secret);
    }

    /** Revokes a key: refused on this instance from now on, on the others within a poll. */
    public ApiKey revoke(UUID id) {
        ApiKey key = QuarkusTransaction.requiringNew().call(() -> {
            ApiKey found = repository.findByIdOptional(id).orElseThrow(() -> Problems.notFound("API key", id));
            if (found.revokedAt == null) {
                found.revokedAt = Instant.now();
            }
            return found;
        });
        remember(key);
        minted.remove(id);
        return key;
    }

    public List<ApiKey> list(String organisationId) {
        return QuarkusTransaction.requiringNew().call(() -> repository.list(organisationId));
    }

    private synchronized void remember(ApiKey key) {
        Map<UUID, Key> next = new ConcurrentHashMap<>(keys);
        next.put(key.id, Key.of(key));
        keys = next;
    }

    private WorkerLoop.Outcome round() {
        flushLastUses();
        Map<UUID, Key> loaded = new ConcurrentHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> repository.listAll().forEach(k -> loaded.put(k.id, Key.of(k))));
        synchronized (this) {
            keys = loaded;
        }
        minted.keySet().removeIf(id -> !loaded.containsKey(id) || loaded.get(id).revoked());
        return WorkerLoop.Outcome.IDLE;
    }

    private void flushLastUses() {
        if (lastUses.isEmpty()) {
            return;
        }
        Map<UUID, Instant> uses = Map.copyOf(lastUses);
        uses.forEach(lastUses::remove);
        QuarkusTransaction.requiringNew().run(() -> uses.forEach(repository::used));
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
