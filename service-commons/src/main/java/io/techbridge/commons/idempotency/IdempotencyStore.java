package io.techbridge.commons.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The table {@code idempotency_key} of the service's own database (each service's Flyway
 * migration creates it): one row per (caller, method, path, key), holding the hash of the request
 * and its first answer. Rows are written in the transaction of the change they answer, and read
 * under a transaction-scoped advisory lock of the same (caller, method, path, key), so two
 * requests with one key never run at once.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** Who sent a request: the token's subject (the user) and organisation. */
    public record CallerScope(String subject, String organisation) {
    }

    /** A stored first answer and the request it answered. */
    public record Entry(byte[] requestHash, Instant createdAt, StoredAnswer answer) {
    }

    private final EntityManager entityManager;

    public IdempotencyStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** SHA-256 of caller, method, path and key: the row's id, and (its first 8 bytes) its lock. */
    public static byte[] scopeOf(CallerScope caller, String method, String path, String key) {
        MessageDigest digest = IdempotentRequest.sha256();
        for (String part : new String[] {caller.subject(), caller.organisation(), method, path, key}) {
            IdempotentRequest.update(digest, part);
        }
        return digest.digest();
    }

    /**
     * Takes the lock of a key for the current transaction, or answers false at once if another
     * transaction holds it (a request with the key is being worked on).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock(byte[] scope) {
        long lock = ByteBuffer.wrap(scope, 0, Long.BYTES).getLong();
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                select.setLong(1, lock);
                try (ResultSet result = select.executeQuery()) {
                    result.next();
                    return result.getBoolean(1);
                }
            }
        });
    }

    /** The first answer stored for the key, unless it expired by {@code now}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Entry> find(byte[] scope, Instant now) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT request_hash, created_at, status, content_type, location, body
                    FROM idempotency_key WHERE scope_hash = ? AND expires_at > ?""")) {
                select.setBytes(1, scope);
                select.setObject(2, now.atOffset(ZoneOffset.UTC));
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Entry(row.getBytes(1), row.getObject(2, OffsetDateTime.class).toInstant(),
                            new StoredAnswer(row.getInt(3), row.getString(4), row.getString(5), row.getBytes(6))));
                }
            }
        });
    }

    /** Records the first answer to a key, in the transaction of the change; an expired row of the key is replaced. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(byte[] scope, CallerScope caller, String method, String path, String key, byte[] requestHash,
            StoredAnswer answer, Instant now, Instant expiresAt) {
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO idempotency_key (scope_hash, caller_subject, caller_organisation, method, path,
                                                 idempotency_key, request_hash, status, content_type, location, body,
                                                 created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (scope_hash) DO UPDATE SET request_hash = excluded.request_hash,
                        status = excluded.status, content_type = excluded.content_type, location = excluded.location,
                        body = excluded.body, created_at = excluded.created_at, expires_at = excluded.expires_at""")) {
                insert.setBytes(1, scope);
                insert.setString(2, caller.subject());
                insert.setString(3, caller.organisation());
                insert.setString(4, method);
                insert.setString(5, path);
                insert.setString(6, key);
                insert.setBytes(7, requestHash);
                insert.setInt(8, answer.status());
                insert.setString(9, answer.contentType());
                insert.setString(10, answer.location());
                insert.setBytes(11, answer.body());
                insert.setObject(12, now.atOffset(ZoneOffset.UTC));
                insert.setObject(13, expiresAt.atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
        });
    }

    /** Deletes up to {@code limit} keys that expired by {@code now}; answers how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int purgeExpired(Instant now, int limit) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("""
                    DELETE FROM idempotency_key WHERE scope_hash IN (
                        SELECT scope_hash FROM idempotency_key WHERE expires_at <= ? LIMIT ?)""")) {
                delete.setObject(1, now.atOffset(ZoneOffset.UTC));
                delete.setInt(2, limit);
                return delete.executeUpdate();
            }
        });
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
