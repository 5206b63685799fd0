package io.techbridge.gateway.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class AuditEventRepository implements PanacheRepository<AuditEvent> {

    /** What an admin looks for; a null member does not narrow the search. */
    public record Filter(String action, String outcome, String actor, String target, Instant from, Instant to) {
    }

    public record Found(List<AuditEvent> events, long total) {
    }

    /** Newest first. */
    public Found find(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.action() != null) {
            where.add("action = :action");
            parameters.and("action", filter.action());
        }
        if (filter.outcome() != null) {
            where.add("outcome = :outcome");
            parameters.and("outcome", filter.outcome());
        }
        if (filter.actor() != null) {
            where.add("(lower(actorName) = :actor or actorId = :actorId)");
            parameters.and("actor", filter.actor().toLowerCase(Locale.ROOT)).and("actorId", filter.actor());
        }
        if (filter.target() != null) {
            where.add("target = :target");
            parameters.and("target", filter.target());
        }
        if (filter.from() != null) {
            where.add("occurredAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("occurredAt < :to");
            parameters.and("to", filter.to());
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        Sort newestFirst = Sort.descending("occurredAt", "id");
        var found = query.isEmpty() ? findAll(newestFirst) : find(query, newestFirst, parameters);
        return new Found(found.page(Page.of(page, size)).list(), found.count());
    }
}
