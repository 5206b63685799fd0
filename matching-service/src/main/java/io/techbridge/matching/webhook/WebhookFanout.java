package io.techbridge.matching.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techbridge.events.ChallengeApplicationPayload;
import io.techbridge.events.ImportJobPayload;
import io.techbridge.events.InvitationPayload;
import io.techbridge.events.MatchPayload;
import io.techbridge.matching.persistence.WebhookChallenges;
import io.techbridge.matching.persistence.WebhookDeliveryRepository;
import io.techbridge.matching.persistence.WebhookSubscription;
import io.techbridge.matching.persistence.WebhookSubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the platform's events into webhook deliveries: which event a subscriber hears of, which
 * organisations may hear it, and what the delivery says. A delivery names records by id and says
 * no more than the organisation may read through the API (no contact, no confidential text); the
 * receiver reads the rest with its own credentials. Each event becomes a subscription's delivery once,
 * however often it is consumed, and only if it happened after the subscription was made.
 */
@ApplicationScoped
public class WebhookFanout {

    /** Fired after deliveries were added, so that the senders start at once. */
    public record Added() {
    }

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookChallenges challenges;
    private final ObjectMapper mapper;
    private final Event<Added> added;
    private final Clock clock;

    public WebhookFanout(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            WebhookChallenges challenges, ObjectMapper mapper, Event<Added> added) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.challenges = challenges;
        this.mapper = mapper;
        this.added = added;
        this.clock = Clock.systemUTC();
    }

    /** A pair moved: approved (both parties hear of it) or introduced (the enterprise is asked to answer). */
    @Transactional
    public void onMatch(String eventId, String type, Instant occurredAt, JsonNode pair) {
        ObjectNode data = mapper.createObjectNode()
                .put("matchId", pair.path("id").asText())
                .put("demandId", pair.path("demandId").asText())
                .put("achievementId", pair.path("achievementId").asText())
                .put("status", pair.path("status").asText());
        if (MatchPayload.APPROVED.equals(type)) {
            data.put("score", pair.path("score").asDouble());
            notify(eventId, WebhookEventType.PAIR_APPROVED, occurredAt, data,
                    organisations(pair.path("demandOrganisationId"), pair.path("achievementOrganisationId")));
        } else if (MatchPayload.INTRODUCED.equals(type)) {
            notify(eventId, WebhookEventType.INTRODUCTION_WAITING, occurredAt, data,
                    organisations(pair.path("demandOrganisationId")));
        }
    }

    /** An organisation was invited to an open challenge: it hears which, for which achievement, until when. */
    @Transactional
    public void onInvitation(String eventId, String type, Instant occurredAt, JsonNode invitation) {
        if (!InvitationPayload.ISSUED.equals(type)) {
            return;
        }
        ObjectNode data = mapper.createObjectNode()
                .put("demandId", invitation.path("demandId").asText())
                .put("achievementId", invitation.path("achievementId").asText())
                .put("applicationDeadline", invitation.path("applicationDeadline").asText(null));
        if (invitation.hasNonNull("bountyCny")) {
            data.put("bountyCny", invitation.path("bountyCny").asLong());
        }
        notify(eventId, WebhookEventType.INVITATION_ISSUED, occurredAt, data,
                organisations(invitation.path("organisationId")));
    }

    /** An import finished: the organisation it imported for hears how it went. */
    @Transactional
    public void onImport(String eventId, String type, Instant occurredAt, JsonNode job) {
        if (!ImportJobPayload.FINISHED.equals(type)) {
            return;
        }
        ObjectNode data = mapper.createObjectNode()
                .put("jobId", job.path("id").asText())
                .put("listingType", job.path("listingType").asText())
                .put("status", job.path("status").asText())
                .put("rowsImported", job.path("rowsImported").asInt())
                .put("rowsFailed", job.path("rowsFailed").asInt())
                .put("finishedAt", job.path("finishedAt").asText(null));
        notify(eventId, WebhookEventType.IMPORT_FINISHED, occurredAt, data, organisations(job.path("organisationId")));
    }

    /**
     * A demand changed: if it is an open challenge whose phase (as of today) differs from the one last
     * told, its organisation and the applicants hear the new one. The first version seen only records it.
     */
    @Transactional
    public void onDemand(String eventId, long version, Instant occurredAt, JsonNode demand) {
        JsonNode challenge = demand.path("challenge");
        String demandId = demand.path("id").asText();
        if (!challenge.isObject()) {
            return;
        }
        LocalDate deadline = challenge.hasNonNull("applicationDeadline")
                ? LocalDate.parse(challenge.path("applicationDeadline").asText()) : null;
        String phase = phaseToday(challenge.path("phase").asText(null), deadline);
        var known = challenges.lock(demandId);
        if (known.isPresent() && known.get().version() >= version) {
            return;
        }
        challenges.saveDemand(demandId, version, demand.path("organisationId").asText(), phase, deadline);
        if (known.isPresent() && known.get().phase() != null && phase != null && !phase.equals(known.get().phase())) {
            Set<String> told = new LinkedHashSet<>(known.get().applicants());
            told.add(demand.path("organisationId").asText());
            notify(eventId, WebhookEventType.CHALLENGE_PHASE_CHANGED, occurredAt,
                    phaseData(demandId, known.get().phase(), phase, deadline), told);
        }
    }

    /** An application was made or withdrawn: who hears of the challenge's phase changes. */
    @Transactional
    public void onApplication(String type, JsonNode application) {
        String demandId = application.path("demandId").asText();
        String organisation = application.path("organisationId").asText();
        Set<String> applicants = challenges.lock(demandId).map(WebhookChallenges.Challenge::applicants)
                .orElseGet(LinkedHashSet::new);
        boolean changed = ChallengeApplicationPayload.WITHDRAWN.equals(type) ? applicants.remove(organisation)
                : applicants.add(organisation);
        if (changed) {
            challenges.setApplicants(demandId, applicants);
        }
    }

    /** The day after its application deadline a challenge is judged, with no event of its own: told here. */
    @Transactional
    public int moveDueChallengesToJudging() {
        List<WebhookChallenges.Challenge> moved = challenges.moveToJudging(LocalDate.now(clock.withZone(ZONE)));
        Instant now = clock.instant();
        for (WebhookChallenges.Challenge challenge : moved) {
            Set<String> told = new LinkedHashSet<>(challenge.applicants());
            told.add(challenge.organisationId());
            // The same id on every instance and run: the move is told once.
            notify("challenge-phase:" + challenge.demandId() + ":JUDGING", WebhookEventType.CHALLENGE_PHASE_CHANGED,
                    now, phaseData(challenge.demandId(), "APPLYING", "JUDGING", challenge.applicationDeadline()), told);
        }
        return moved.size();
    }

    private ObjectNode phaseData(String demandId, String previous, String phase, LocalDate deadline) {
        return mapper.createObjectNode().put("demandId", demandId).put("previousPhase", previous).put("phase", phase)
                .put("applicationDeadline", deadline == null ? null : deadline.toString());
    }

    /** The phase an event's phase stands for today: APPLYING ends with its deadline's day (Asia/Shanghai). */
    private String phaseToday(String phase, LocalDate deadline) {
        if ("APPLYING".equals(phase) && deadline != null && LocalDate.now(clock.withZone(ZONE)).isAfter(deadline)) {
            return "JUDGING";
        }
        return phase;
    }

    /** One delivery per subscription of these organisations to this event made before it happened. */
    void notify(String eventId, WebhookEventType type, Instant occurredAt, ObjectNode data, Set<String> organisations) {
        Instant now = clock.instant();
        boolean any = false;
        for (WebhookSubscription subscription : subscriptions.subscribedTo(organisations, type.wireName())) {
            if (occurredAt != null && occurredAt.isBefore(subscription.createdAt)) {
                continue;
            }
            String body = body(eventId, type, occurredAt == null ? now : occurredAt, subscription.organisationId, data);
            any |= deliveries.addOnce(subscription.id, eventId, type.wireName(), body, now);
        }
        if (any) {
            added.fire(new Added());
        }
    }

    ObjectNode emptyData() {
        return mapper.createObjectNode();
    }

    String body(String eventId, WebhookEventType type, Instant occurredAt, String organisationId, ObjectNode data) {
        ObjectNode body = mapper.createObjectNode()
                .put("id", eventId)
                .put("type", type.wireName())
                .put("occurredAt", occurredAt.toString())
                .put("organisationId", organisationId);
        body.set("data", data);
        return body.toString();
    }

    private static Set<String> organisations(JsonNode... ids) {
        Set<String> set = new LinkedHashSet<>();
        for (JsonNode id : ids) {
            if (id.isTextual() && !id.asText().isBlank()) {
                set.add(id.asText());
            }
        }
        return set;
    }
}
