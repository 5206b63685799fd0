package io.techbridge.gateway.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, String> {

    /** The session a token hash belongs to, read without loading the token. */
    public Optional<UUID> sessionOf(String tokenHash) {
        return getEntityManager().createQuery("select t.sessionId from RefreshToken t where t.tokenHash = ?1", UUID.class)
                .setParameter(1, tokenHash).getResultStream().findFirst();
    }
}
