package io.techbridge.gateway.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    public List<ApiKey> list(String organisationId) {
        Sort sort = Sort.by("createdAt").descending();
        return organisationId == null ? listAll(sort) : list("organisation.id", sort, organisationId);
    }

    /** Moves a key's last use forward (never back: instances flush in any order). */
    public void used(UUID id, Instant at) {
        update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?1)", at, id);
    }
}
