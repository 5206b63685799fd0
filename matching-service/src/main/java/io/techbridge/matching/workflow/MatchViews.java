package io.techbridge.matching.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.matching.matching.Explanation;
import io.techbridge.matching.persistence.MatchPair;
import io.techbridge.matching.persistence.MatchTransition;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Turns stored pairs into their API and event form. */
@ApplicationScoped
public class MatchViews {

    private final ObjectMapper mapper;

    public MatchViews(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public MatchView of(MatchPair pair) {
        return of(pair, null);
    }

    public MatchView of(MatchPair pair, List<MatchTransition> history) {
        MatchView.Contract contract = pair.contractAmountCny == null ? null
                : new MatchView.Contract(pair.contractAmountCny, pair.contractRegistrationNo);
        List<MatchView.Transition> transitions = history == null ? null : history.stream()
                .map(t -> new MatchView.Transition(t.fromStatus, t.toStatus, t.actor, t.reasonCode, t.note,
                        t.contractAmountCny, t.occurredAt))
                .toList();
        return new MatchView(pair.id, pair.version, pair.demandId, pair.achievementId, pair.demandOrganisationId,
                pair.achievementOrganisationId, pair.fieldCode, pair.regionCode, pair.score, pair.status,
                pair.reasonCode, pair.note, contract, pair.disclosed(), pair.introductionAcceptedAt,
                pair.introductionAcceptedVia,
                pair.assigneeId == null ? null : new MatchView.Assignee(pair.assigneeId, pair.assigneeName, pair.assignedAt),
                pair.nextStepOn, explanation(pair.explanation), pair.createdAt, pair.updatedAt,
                transitions);
    }

    public String json(Explanation explanation) {
        try {
            return mapper.writeValueAsString(explanation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("explanation cannot be serialized", e);
        }
    }

    /** The pair's stored explanation: its factor values as the broker saw them. */
    public Explanation explanation(MatchPair pair) {
        return pair.explanation == null ? null : explanation(pair.explanation);
    }

    private Explanation explanation(String json) {
        try {
            return mapper.readValue(json, Explanation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored explanation is not readable", e);
        }
    }
}
