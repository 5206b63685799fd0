package io.techbridge.matching.invitation;

import io.techbridge.commons.domain.PlatformCalendar;
import io.techbridge.events.InvitationPayload;
import io.techbridge.matching.domain.ListingType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.commons.outbox.OutboxWriter;
import io.techbridge.matching.config.InvitationConfig;
import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.matching.Matcher;
import io.techbridge.matching.matching.ScoredPair;
import io.techbridge.matching.persistence.MatchPairRepository;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.domain.MatchStatus;
import io.techbridge.matching.persistence.ProposalTasks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Invites the organisations whose achievements match an open challenge best. Each time the
 * proposal worker matches a challenge demand that is OPEN and still taking applications, the top
 * organisations by their best achievement's score (at or above the minimum) are invited; one
 * invitation per demand and organisation, kept for good, each announced once on invitation-events
 * through the outbox in the transaction that stores it.
 */
@ApplicationScoped
public class InvitationService {

    /** Application deadlines are days in China, as demand-service keeps them. */
    private static final TypeReference<List<String>> TERMS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final Matcher matcher;
    private final MatchingConfig matching;
    private final InvitationConfig config;
    private final OutboxWriter outbox;
    private final ObjectMapper mapper;
    private final MatchPairRepository pairs;
    private final ProposalTasks tasks;

    public InvitationService(EntityManager entityManager, Matcher matcher, MatchingConfig matching,
            InvitationConfig config, OutboxWriter outbox, ObjectMapper mapper, MatchPairRepository pairs,
            ProposalTasks tasks) {
        this.pairs = pairs;
        this.tasks = tasks;
        this.entityManager = entityManager;
        this.matcher = matcher;
        this.matching = matching;
        this.config = config;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    /**
     * Keeps the challenge terms of the newest version of each demand; an older or repeated version
     * changes nothing, and a newer version without a challenge clears them.
     */
    @Transactional
    public void recordTerms(List<ChallengeTerms> demands) {
        for (ChallengeTerms demand : demands) {
            if (demand.applicationDeadline() != null) {
                entityManager.createNativeQuery("""
                                INSERT INTO challenge_terms (demand_id, version, application_deadline, bounty_cny, updated_at)
                                VALUES (?1, ?2, ?3, ?4, ?5)
                                ON CONFLICT (demand_id) DO UPDATE SET version = EXCLUDED.version,
                                    application_deadline = EXCLUDED.application_deadline,
                                    bounty_cny = EXCLUDED.bounty_cny, updated_at = EXCLUDED.updated_at
                                WHERE challenge_terms.version < EXCLUDED.version""")
                        .setParameter(1, demand.demandId()).setParameter(2, demand.version())
                        .setParameter(3, demand.applicationDeadline()).setParameter(4, demand.bountyCny())
                        .setParameter(5, Instant.now())
                        .executeUpdate();
            } else {
                entityManager.createNativeQuery("""
                                UPDATE challenge_terms SET version = ?2, application_deadline = NULL, bounty_cny = NULL,
                                    updated_at = ?3
                                WHERE demand_id = ?1 AND version < ?2""")
                        .setParameter(1, demand.demandId()).setParameter(2, demand.version()).setParameter(3, Instant.now())
                        .executeUpdate();
            }
        }
    }

    /**
     * Invites the best-matching organisations to a challenge demand as it is indexed now, if it is
     * OPEN, in the pool and before its application deadline. Returns how many were newly invited.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int inviteFor(DemandDocument demand) {
        if (!demand.challenge() || !"OPEN".equals(demand.status()) || !demand.inPool()) {
            return 0;
        }
        ChallengeTerms terms = terms(List.of(demand.id())).get(demand.id());
        if (terms == null || terms.applicationDeadline() == null
                || terms.applicationDeadline().isBefore(LocalDate.now(PlatformCalendar.ZONE))) {
            return 0;
        }
        // A pair a broker rejected is no reason to invite, as it is never proposed again.
        Set<String> rejected = pairs.forDemand(demand.id()).stream().filter(p -> p.status == MatchStatus.REJECTED)
                .map(p -> p.achievementId).collect(Collectors.toSet());
        // Every re-scored candidate, best first: an organisation's first pair is its best achievement.
        Map<String, ScoredPair> best = new LinkedHashMap<>();
        for (ScoredPair pair : matcher.forDemand(demand, matching.fusedCandidates(), config.minScore())) {
            String organisation = pair.achievement().organisationId();
            if (best.size() >= config.maxOrganisations()) {
                break;
            }
            if (organisation != null && !organisation.equals(demand.organisationId())
                    && !rejected.contains(pair.achievementId())) {
                best.putIfAbsent(organisation, pair);
            }
        }
        Instant now = Instant.now();
        int invited = 0;
        for (ScoredPair pair : best.values()) {
            Invitation invitation = new Invitation(demand.id(), demand.organisationId(),
                    pair.achievement().organisationId(), pair.achievement().institution(), pair.achievementId(),
                    pair.achievement().title(), pair.score(),
                    pair.explanation().matchedTerms() == null ? List.of() : pair.explanation().matchedTerms(), now);
            if (insert(invitation)) {
                outbox.append(InvitationPayload.ISSUED, InvitationPayload.AGGREGATE_TYPE, invitation.aggregateId(), 1,
                        payloadOf(invitation, terms));
                invited++;
            }
        }
        return invited;
    }

    /**
     * After an achievement's proposals were recomputed: the open challenges it is now proposed for
     * whose invitations its organisation is not among are queued to be matched again, so a newcomer
     * can be invited without the challenge being edited. Costs one query; the demand's own round
     * decides whether the organisation makes the top.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reconsiderFor(AchievementDocument achievement) {
        if (!achievement.inPool() || achievement.organisationId() == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> open = entityManager.createNativeQuery("""
                        SELECT p.demand_id, r.version FROM match_pair p
                        JOIN challenge_terms t ON t.demand_id = p.demand_id
                        JOIN indexed_record r ON r.aggregate_type = ?1 AND r.aggregate_id = p.demand_id
                        WHERE p.achievement_id = ?2 AND p.status = 'PROPOSED' AND p.score >= ?3
                          AND t.application_deadline >= ?4 AND r.status = 'OPEN' AND r.in_pool
                          AND NOT EXISTS (SELECT 1 FROM challenge_invitation i
                                          WHERE i.demand_id = p.demand_id AND i.organisation_id = ?5)""")
                .setParameter(1, ListingType.DEMAND).setParameter(2, achievement.id())
                .setParameter(3, config.minScore()).setParameter(4, LocalDate.now(PlatformCalendar.ZONE))
                .setParameter(5, achievement.organisationId())
                .getResultList();
        for (Object[] row : open) {
            tasks.enqueue(ListingType.DEMAND, (String) row[0], ((Number) row[1]).longValue());
        }
    }

    /** Stores the invitation unless the organisation was invited to this demand before. */
    private boolean insert(Invitation invitation) {
        return entityManager.createNativeQuery("""
                        INSERT INTO challenge_invitation (demand_id, organisation_id, organisation_name,
                            demand_organisation_id, achievement_id, achievement_title, score, matched_terms, invited_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                        ON CONFLICT (demand_id, organisation_id) DO NOTHING""")
                .setParameter(1, invitation.demandId()).setParameter(2, invitation.organisationId())
                .setParameter(3, invitation.organisationName()).setParameter(4, invitation.demandOrganisationId())
                .setParameter(5, invitation.achievementId()).setParameter(6, invitation.achievementTitle())
                .setParameter(7, invitation.score()).setParameter(8, json(invitation.matchedTerms()))
                .setParameter(9, invitation.invitedAt())
                .executeUpdate() == 1;
    }

    /** A challenge's invitations, best score first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Invitation> ofDemand(String demandId) {
        return invitations("demand_id = ?1 ORDER BY score DESC, organisation_id", demandId);
    }

    /** An organisation's invitations, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Invitation> ofOrganisation(String organisationId) {
        return invitations("organisation_id = ?1 ORDER BY invited_at DESC, demand_id", organisationId);
    }

    /** The terms of the given demands that are or were challenges, by demand id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, ChallengeTerms> terms(Collection<String> demandIds) {
        if (demandIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT demand_id, version, application_deadline, bounty_cny FROM challenge_terms
                        WHERE demand_id IN (?1)""")
                .setParameter(1, List.copyOf(demandIds)).getResultList();
        return rows.stream()
                .map(r -> new ChallengeTerms((String) r[0], ((Number) r[1]).longValue(), date(r[2]),
                        r[3] == null ? null : ((Number) r[3]).longValue()))
                .collect(Collectors.toMap(ChallengeTerms::demandId, Function.identity()));
    }

    private List<Invitation> invitations(String condition, String value) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT demand_id, demand_organisation_id, organisation_id, organisation_name, achievement_id,
                               achievement_title, score, matched_terms, invited_at
                        FROM challenge_invitation WHERE\s""" + condition)
                .setParameter(1, value).getResultList();
        return rows.stream().map(r -> new Invitation((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], ((Number) r[6]).doubleValue(), terms((String) r[7]), instant(r[8])))
                .toList();
    }

    private String json(List<String> terms) {
        try {
            return mapper.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("matched terms cannot be written", e);
        }
    }

    private List<String> terms(String json) {
        try {
            return mapper.readValue(json, TERMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored matched terms cannot be read", e);
        }
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("not a time: " + value);
        };
    }

    private static LocalDate date(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d;
            case java.sql.Date d -> d.toLocalDate();
            default -> throw new IllegalStateException("not a date: " + value);
        };
    }

    /** The invitation with the challenge's terms, as invitation-events carries it. */
    static InvitationPayload payloadOf(Invitation invitation, ChallengeTerms terms) {
        return new InvitationPayload(invitation.aggregateId(), invitation.demandId(), invitation.demandOrganisationId(),
                invitation.organisationId(), invitation.organisationName(), invitation.achievementId(),
                invitation.achievementTitle(), invitation.score(), invitation.matchedTerms(),
                terms.applicationDeadline(), terms.bountyCny(), invitation.invitedAt());
    }
}
