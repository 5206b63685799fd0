package io.techbridge.matching.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.matching.persistence.MatchPairRepository;
import io.techbridge.matching.search.ConfidentialScope;
import io.techbridge.matching.search.FullTextSearch;
import io.techbridge.matching.search.SearchQuery;
import io.techbridge.matching.search.SearchResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Runs each saved search for the records published or changed since its last check and tells its owner
 * of those it has not told of before: one {@code saved-search.new-matches} notification (and e-mail, if
 * the owner chose it) per check that found any. The search is the full-text search's, with the owner
 * organisation's view of confidential demands: a BROKERS_ONLY demand not its own nor disclosed to it is
 * found by no word and never named. Each saved search is checked by one instance at a time (its row is
 * locked, others skip it), and a record is told of once per saved search however often it is seen, so a
 * check run twice tells nothing twice.
 */
@ApplicationScoped
public class SavedSearchCheck {

    private static final Logger LOG = Logger.getLogger(SavedSearchCheck.class);
    /** Hits read per check; a check that finds more names the first and counts them. */
    private static final int HITS = 100;

    private final SavedSearchStore searches;
    private final NotificationInbox inbox;
    private final FullTextSearch search;
    private final MatchPairRepository pairs;
    private final NotificationConfig config;
    private final ObjectMapper mapper;

    public SavedSearchCheck(SavedSearchStore searches, NotificationInbox inbox, FullTextSearch search,
            MatchPairRepository pairs, NotificationConfig config, ObjectMapper mapper) {
        this.searches = searches;
        this.inbox = inbox;
        this.search = search;
        this.pairs = pairs;
        this.config = config;
        this.mapper = mapper;
    }

    @Scheduled(every = "${techbridge.notifications.saved-searches.check-every:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkAll() {
        Instant now = Instant.now();
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> searches.due(now, 500));
        for (UUID id : due) {
            try {
                QuarkusTransaction.requiringNew().run(() -> check(id, now));
            } catch (RuntimeException e) {
                LOG.warnf(e, "saved search %s not checked this time", id);
            }
        }
    }

    /** One saved search, checked through {@code now}; answers how many new records it told of. */
    int check(UUID id, Instant now) {
        SavedSearchStore.SavedSearch saved = searches.lock(id).orElse(null);
        if (saved == null) {
            return 0;
        }
        Instant since = saved.checkedThrough().minus(config.savedSearches().lookBack());
        if (since.isBefore(saved.createdAt())) {
            since = saved.createdAt();
        }
        ConfidentialScope scope = new ConfidentialScope(false, saved.organisationId(),
                "demand".equals(saved.recordType()) ? pairs.disclosedDemands(saved.organisationId(), null) : java.util.Set.of());
        SearchQuery query = new SearchQuery(saved.query(), SearchQuery.RecordType.ofKey(saved.recordType()),
                saved.fieldCode(), saved.regionCode(), saved.minTrl(), false, new PageRequest(0, HITS), scope, since);
        List<SearchResult.Item> fresh = new ArrayList<>();
        for (SearchResult.Item item : search.search(query).items()) {
            boolean hidden = Boolean.TRUE.equals(item.confidential())
                    && !scope.reveals(ConfidentialScope.BROKERS_ONLY, item.organisationId(), item.id());
            if (!hidden && searches.firstHit(saved.id(), item.id(), now)) {
                fresh.add(item);
            }
        }
        searches.checked(saved.id(), now);
        if (fresh.isEmpty()) {
            return 0;
        }
        ObjectNode data = mapper.createObjectNode()
                .put("savedSearchId", saved.id().toString())
                .put("name", saved.name())
                .put("query", saved.query())
                .put("recordType", saved.recordType())
                .put("count", fresh.size());
        ArrayNode records = data.putArray("records");
        fresh.stream().limit(config.savedSearches().recordsPerNotification()).forEach(item -> records.addObject()
                .put("type", item.type()).put("id", item.id()).put("title", item.title()));
        inbox.add(saved.organisationId(), saved.userId(), NotificationType.SAVED_SEARCH_NEW_MATCHES,
                "saved-search:" + saved.id() + ":" + now.toEpochMilli(), now, data);
        return fresh.size();
    }
}
