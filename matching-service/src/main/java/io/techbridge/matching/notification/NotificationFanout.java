package io.techbridge.matching.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techbridge.matching.api.CallerViews;
import io.techbridge.matching.persistence.MatchPairRepository;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.ConfidentialScope;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.IndexAdmin;
import io.techbridge.matching.webhook.EventAudience;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/**
 * The events organisations hear of ({@link EventAudience}, the same recipients and data as their
 * webhooks) become notifications of those organisations, with the titles of the records named where
 * the organisation may read them: an achievement's title; a demand's, unless it is BROKERS_ONLY, not
 * the organisation's own and not disclosed to it by an accepted introduction, when it is
 * 保密需求（<field>）as everywhere else.
 */
@ApplicationScoped
public class NotificationFanout implements EventAudience.Listener {

    private static final Logger LOG = Logger.getLogger(NotificationFanout.class);

    private final NotificationInbox inbox;
    private final DocumentIndexer documents;
    private final MatchPairRepository pairs;

    public NotificationFanout(NotificationInbox inbox, DocumentIndexer documents, MatchPairRepository pairs) {
        this.inbox = inbox;
        this.documents = documents;
        this.pairs = pairs;
    }

    @Override
    public void heard(EventAudience.Heard event) {
        NotificationType type = NotificationType.of(event.type()).orElse(null);
        if (type == null) {
            return;
        }
        String demandId = event.data().path("demandId").asText(null);
        String achievementId = event.data().path("achievementId").asText(null);
        DemandDocument demand = demandId == null ? null : lookUp(() -> documents.demands(IndexAdmin.DEMANDS, List.of(demandId)), demandId);
        AchievementDocument achievement = achievementId == null ? null
                : lookUp(() -> documents.achievements(IndexAdmin.ACHIEVEMENTS, List.of(achievementId)), achievementId);
        for (String organisation : event.organisations()) {
            ObjectNode data = event.data().deepCopy();
            if (achievement != null && achievement.title() != null) {
                data.put("achievementTitle", achievement.title());
            }
            if (demand != null && demand.title() != null) {
                data.put("demandTitle", revealed(demand, organisation) ? demand.title()
                        : CallerViews.anonymousTitle(demand.fieldCode()));
            }
            inbox.add(organisation, null, type, event.eventId(), event.occurredAt(), data);
        }
    }

    /** Whether the organisation may read the demand's text (its own, public, or disclosed to it). */
    private boolean revealed(DemandDocument demand, String organisation) {
        if (!ConfidentialScope.BROKERS_ONLY.equals(demand.confidentiality())) {
            return true;
        }
        ConfidentialScope scope = new ConfidentialScope(false, organisation,
                pairs.disclosedDemands(organisation, List.of(demand.id())));
        return scope.reveals(demand.confidentiality(), demand.organisationId(), demand.id());
    }

    /** A record as indexed, or null when it is not (yet) or the index can't be read: the notification names it by id. */
    private static <T> T lookUp(java.util.function.Supplier<Map<String, T>> read, String id) {
        try {
            return read.get().get(id);
        } catch (RuntimeException e) {
            LOG.debugf(e, "notification without the title of %s", id);
            return null;
        }
    }
}
