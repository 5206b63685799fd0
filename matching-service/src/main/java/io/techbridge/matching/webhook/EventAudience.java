package io.techbridge.matching.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techbridge.commons.domain.PlatformCalendar;
import io.techbridge.events.ChallengeApplicationPayload;
import io.techbridge.events.ImportJobPayload;
import io.techbridge.events.InvitationPayload;
import io.techbridge.events.MatchPayload;
import io.techbridge.matching.persistence.WebhookChallenges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which organisations hear of which of the platform's events, and with what data: the one place that
 * decides it, for webhooks ({@link WebhookFanout}) and console notifications alike (each a
 * {@link Listener}, told in the transaction that consumed the event). The data names records by id and
 * says no more than the organisation may read through the API: no contact, nothing of a confidential
 * demand's text.
 */
@ApplicationScoped
public class EventAudience {

    /** An event as its organisations hear of it. {@code eventId} is the same however often it is consumed. */
    public record Heard(String eventId, WebhookEventType type, Instant occurredAt, ObjectNode data,
            Set<String> organisations) {
    }

    /** What turns a heard event into something for its organisations (a webhook delivery, a notification). */
    public interface Listener {
        void heard(Heard event);
    }

    private final WebhookChallenges challenges;
    private final ObjectMapper mapper;
    private final Instance<Listener> listeners;
    private final Clock clock;

    public EventAudience(WebhookChallenges challenges, ObjectMapper mapper, @Any Instance<Listener> listeners) {
        this.challenges = challenges;
        this.mapper = mapper;
        this.listeners = listeners;
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
            tell(eventId, WebhookEventType.PAIR_APPROVED, occurredAt, data,
                    organisations(pair.path("demandOrganisationId"), pair.path("achievementOrganisationId")));
        } else if (MatchPayload.INTRODUCED.equals(type)) {
            tell(eventId, WebhookEventType.INTRODUCTION_WAITING, occurredAt, data,
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
        tell(eventId, WebhookEventType.INVITATION_ISSUED, occurredAt, data,
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
        tell(eventId, WebhookEventType.IMPORT_FINISHED, occurredAt, data, organisations(job.path("organisationId")));
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
            tell(eventId, WebhookEventType.CHALLENGE_PHASE_CHANGED, occurredAt,
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
        List<WebhookChallenges.Challenge> moved = challenges.moveToJudging(LocalDate.now(clock.withZone(PlatformCalendar.ZONE)));
        Instant now = clock.instant();
        for (WebhookChallenges.Challenge challenge : moved) {
            Set<String> told = new LinkedHashSet<>(challenge.applicants());
            told.add(challenge.organisationId());
            // The same id on every instance and run: the move is told once.
            tell("challenge-phase:" + challenge.demandId() + ":JUDGING", WebhookEventType.CHALLENGE_PHASE_CHANGED,
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
        if ("APPLYING".equals(phase) && deadline != null && LocalDate.now(clock.withZone(PlatformCalendar.ZONE)).isAfter(deadline)) {
            return "JUDGING";
        }
        return phase;
    }

    /** Tells every listener, in the caller's transaction; an event without organisations is told to none. */
    private void tell(String eventId, WebhookEventType type, Instant occurredAt, ObjectNode data, Set<String> organisations) {
        if (organisations.isEmpty()) {
            return;
        }
        Heard heard = new Heard(eventId, type, occurredAt == null ? clock.instant() : occurredAt, data,
                Set.copyOf(organisations));
        for (Listener listener : listeners) {
            listener.heard(heard);
        }
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
