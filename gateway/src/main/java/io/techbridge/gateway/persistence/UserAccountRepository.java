package io.techbridge.gateway.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.techbridge.gateway.accounts.OrganisationType;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class UserAccountRepository implements PanacheRepositoryBase<UserAccount, UUID> {

    /** Login names compare without case, like the unique index. */
    public Optional<UserAccount> findByUsername(String username) {
        return find("lower(username) = ?1", username.toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    public boolean usernameTaken(String username) {
        return count("lower(username) = ?1", username.toLowerCase(Locale.ROOT)) > 0;
    }

    public boolean anyOfType(OrganisationType type) {
        return count("organisation.type = ?1", type) > 0;
    }

    /** Accounts whose credentials changed after the instant: id, credentials version and when. */
    public List<Object[]> credentialsChangedSince(Instant since) {
        return getEntityManager().createQuery("select u.id, u.credentialsVersion, u.credentialsChangedAt from UserAccount u "
                        + "where u.credentialsChangedAt > ?1", Object[].class)
                .setParameter(1, since).getResultList();
    }

    public List<UserAccount> list(String organisationId) {
        Sort sort = Sort.by("username");
        return organisationId == null ? listAll(sort) : list("organisation.id", sort, organisationId);
    }
}
