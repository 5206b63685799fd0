package io.techbridge.matching.workflow;

import io.techbridge.events.MatchPayload;
import io.techbridge.matching.domain.ReasonCode;
import io.techbridge.matching.domain.MatchStatus;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.api.PageResponse;
import io.techbridge.commons.problem.Problems;
import io.techbridge.matching.access.Visibility;
import io.techbridge.matching.persistence.MatchPair;
import io.techbridge.matching.persistence.MatchPairRepository;
import io.techbridge.matching.persistence.MatchTransition;
import io.techbridge.matching.persistence.MatchTransitionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * What people do with pairs: brokers approve or reject proposals and move approved pairs on to a
 * contract; the enterprise owning the demand accepts or declines an introduction. Callers' roles
 * are checked by the resource; the organisation, which needs the locked pair, here.
 */
@ApplicationScoped
public class BrokerWorkflowService {

    private static final String WHAT = "match";
    private static final Set<MatchStatus> PIPELINE_STEPS = Set.of(MatchStatus.INTRODUCED, MatchStatus.NEGOTIATING,
            MatchStatus.CONTRACTED, MatchStatus.FAILED);

    static final String ACCEPTED_BY_ENTERPRISE = "ENTERPRISE";
    static final String ACCEPTED_OFFLINE = "OFFLINE";

    private final MatchPairRepository pairs;
    private final MatchTransitionRepository transitions;
    private final MatchEvents events;
    private final MatchViews views;
    private final Visibility visibility;
    private final LearningService learning;

    public BrokerWorkflowService(MatchPairRepository pairs, MatchTransitionRepository transitions, MatchEvents events,
            MatchViews views, Visibility visibility, LearningService learning) {
        this.learning = learning;
        this.pairs = pairs;
        this.transitions = transitions;
        this.events = events;
        this.views = views;
        this.visibility = visibility;
    }

    public enum Decision { APPROVE, REJECT }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MatchView get(UUID id) {
        MatchPair pair = pairs.findByIdOptional(id).orElseThrow(() -> Problems.notFound(WHAT, id));
        return views.of(pair, transitions.history(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<MatchView> queue(MatchPairRepository.Filter filter, MatchPairRepository.QueueSort sort,
            PageRequest page) {
        MatchPairRepository.Page result = pairs.search(filter, page);
        return PageResponse.of(result.items(), views::of, page, result.total(), MatchPairRepository.queueKeyOf(sort));
    }

    /**
     * A broker approves or rejects a proposal; the decision moves the factor weights of the pair's
     * field in the same transaction (see {@link LearningService}).
     */
    @Transactional
    public MatchView decide(UUID id, Decision decision, ReasonCode reason, String note, Long version, String actor) {
        MatchPair pair = lockCurrent(id, version);
        if (decision == Decision.REJECT && reason == null) {
            throw Problems.invalidField("reasonCode", "NotNull", "a rejection needs a reason code");
        }
        MatchStatus target = decision == Decision.APPROVE ? MatchStatus.APPROVED : MatchStatus.REJECTED;
        if (!pair.status.brokerCanMoveTo(target)) {
            throw Problems.illegalState(WHAT, id, pair.status.name(), decision == Decision.APPROVE ? "approved" : "rejected");
        }
        pair.reasonCode = decision == Decision.REJECT ? reason : null;
        MatchView decided = move(pair, target, actor, note, null);
        // The decision and what the matcher learns from it commit together, or neither does.
        learning.learn(pair, decision == Decision.APPROVE, reason, actor);
        return decided;
    }

    /**
     * Moves an approved pair on. An introduced pair goes to negotiation only once the enterprise has
     * accepted the introduction, in TechBridge or, recorded by the broker with a note saying how and
     * when ({@code offlineAcceptance}), elsewhere; the recorded acceptance discloses the pair as the
     * enterprise's own would, and the history says who recorded it.
     */
    @Transactional
    public MatchView transition(UUID id, MatchStatus target, Long contractAmountCny, String registrationNo, String note,
            boolean offlineAcceptance, Long version, String actor) {
        if (!PIPELINE_STEPS.contains(target)) {
            throw Problems.invalidField("status", "OneOf", "must be one of " + PIPELINE_STEPS.stream().sorted().toList());
        }
        if (target == MatchStatus.CONTRACTED) {
            if (contractAmountCny == null) {
                throw Problems.invalidField("contractAmountCny", "NotNull", "a signed contract needs its amount");
            }
            if (registrationNo == null || registrationNo.isBlank()) {
                throw Problems.invalidField("registrationNo", "NotBlank",
                        "a signed contract needs its technology-contract registration number (技术合同登记号)");
            }
        }
        MatchPair pair = lockCurrent(id, version);
        if (!pair.status.brokerCanMoveTo(target)) {
            throw Problems.illegalState(WHAT, id, pair.status.name(), "moved to " + target);
        }
        if (offlineAcceptance && (target != MatchStatus.NEGOTIATING || pair.status != MatchStatus.INTRODUCED)) {
            throw Problems.invalidField("offlineAcceptance", "AssertFalse",
                    "an acceptance given offline is recorded only when an introduced pair moves to NEGOTIATING");
        }
        if (target == MatchStatus.NEGOTIATING && !pair.disclosed()) {
            if (!offlineAcceptance) {
                throw Problems.illegalState(WHAT, id, pair.status.name(), "moved to NEGOTIATING before the enterprise "
                        + "accepted the introduction; wait for its answer, or record an acceptance it gave offline "
                        + "(offlineAcceptance: true with a note saying how and when)");
            }
            if (note == null || note.isBlank()) {
                throw Problems.invalidField("note", "NotBlank",
                        "an acceptance given offline needs a note saying how and when the enterprise gave it");
            }
            Instant now = Instant.now();
            pair.introductionAcceptedAt = now;
            pair.introductionAcceptedVia = ACCEPTED_OFFLINE;
            recordTransition(pair, MatchStatus.INTRODUCED, actor, "introduction accepted offline, recorded by the broker: "
                    + note.strip(), null, now);
            events.record(MatchPayload.INTRODUCTION_ACCEPTED, views.of(pair));
        }
        if (target == MatchStatus.CONTRACTED) {
            pair.contractAmountCny = contractAmountCny;
            pair.contractRegistrationNo = registrationNo.strip();
        }
        return move(pair, target, actor, note, target == MatchStatus.CONTRACTED ? contractAmountCny : null);
    }

    /**
     * The enterprise's answer to an introduction, once, while the pair is INTRODUCED. Accepting
     * discloses the pair (recorded in the history without a change of status); declining moves it
     * to FAILED. A pair the caller may not see is not found; one of another organisation's demand
     * is forbidden.
     */
    @Transactional
    public MatchView answerIntroduction(UUID id, boolean accept, String note, Long version, String actor) {
        MatchPair pair = pairs.findForUpdate(id).orElseThrow(() -> Problems.notFound(WHAT, id));
        if (!visibility.maySee(pair)) {
            throw Problems.notFound(WHAT, id);
        }
        visibility.requireOwnRecord("the demand of match", id.toString(), pair.demandOrganisationId);
        checkVersion(pair, version);
        if (pair.status != MatchStatus.INTRODUCED || pair.disclosed()) {
            throw Problems.illegalState(WHAT, id, pair.status.name(), pair.disclosed()
                    ? "answered again: its introduction was already accepted"
                    : "answered: only an introduction not yet answered can be");
        }
        if (!accept) {
            return move(pair, MatchStatus.FAILED, actor, note, null);
        }
        Instant now = Instant.now();
        pair.introductionAcceptedAt = now;
        pair.introductionAcceptedVia = ACCEPTED_BY_ENTERPRISE;
        if (note != null) {
            pair.note = note;
        }
        pair.version++;
        pair.updatedAt = now;
        recordTransition(pair, MatchStatus.INTRODUCED, actor, note == null ? "introduction accepted" : note, null, now);
        events.record(MatchPayload.INTRODUCTION_ACCEPTED, views.of(pair));
        return views.of(pair, transitions.history(pair.id));
    }

    private MatchPair lockCurrent(UUID id, Long version) {
        MatchPair pair = pairs.findForUpdate(id).orElseThrow(() -> Problems.notFound(WHAT, id));
        checkVersion(pair, version);
        return pair;
    }

    private static void checkVersion(MatchPair pair, Long version) {
        if (version != null && version != pair.version) {
            throw Problems.versionConflict(WHAT, pair.id, version, pair.version);
        }
    }

    private MatchView move(MatchPair pair, MatchStatus target, String actor, String note, Long amount) {
        Instant now = Instant.now();
        recordTransition(pair, target, actor, note, amount, now);
        pair.status = target;
        pair.note = note;
        pair.version++;
        pair.updatedAt = now;
        MatchView view = views.of(pair);
        events.record(MatchEvents.typeOf(target), view);
        return views.of(pair, transitions.history(pair.id));
    }

    private void recordTransition(MatchPair pair, MatchStatus target, String actor, String note, Long amount,
            Instant at) {
        MatchTransition transition = new MatchTransition();
        transition.matchId = pair.id;
        transition.fromStatus = pair.status;
        transition.toStatus = target;
        transition.actor = actor;
        transition.reasonCode = pair.reasonCode;
        transition.note = note;
        transition.contractAmountCny = amount;
        transition.occurredAt = at;
        transitions.persist(transition);
    }
}
