package io.techbridge.gateway.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class LoginFailuresRepository implements PanacheRepositoryBase<LoginFailures, String> {

    /**
     * Counts one more failure of a login name in one statement, so that failures at the same time on
     * several gateway instances are all counted; a run of failures older than {@code forgetBefore}
     * starts again from one. Returns the failures in a row, this one included.
     */
    public int countFailure(String loginName, Instant now, Instant forgetBefore) {
        Object failures = getEntityManager().createNativeQuery("""
                        INSERT INTO login_throttle (login_name, failures, first_failed_at, last_failed_at)
                        VALUES (?1, 1, ?2, ?2)
                        ON CONFLICT (login_name) DO UPDATE SET
                            failures = CASE WHEN login_throttle.last_failed_at < ?3 THEN 1 ELSE login_throttle.failures + 1 END,
                            first_failed_at = CASE WHEN login_throttle.last_failed_at < ?3 THEN ?2 ELSE login_throttle.first_failed_at END,
                            blocked_until = CASE WHEN login_throttle.last_failed_at < ?3 THEN NULL ELSE login_throttle.blocked_until END,
                            last_failed_at = ?2
                        RETURNING failures""")
                .setParameter(1, loginName).setParameter(2, now).setParameter(3, forgetBefore)
                .getSingleResult();
        return ((Number) failures).intValue();
    }

    public void block(String loginName, Instant until) {
        update("blockedUntil = ?1 where loginName = ?2", until, loginName);
    }

    /** The failures of these login names that are still remembered. */
    public List<LoginFailures> of(Collection<String> loginNames, Instant forgetBefore) {
        return loginNames.isEmpty() ? List.of()
                : list("loginName in ?1 and lastFailedAt >= ?2", loginNames, forgetBefore);
    }

    /** Forgets the failures that ended before {@code before}; returns how many login names. */
    public long forget(Instant before) {
        return delete("lastFailedAt < ?1", before);
    }
}
