package io.techbridge.matching.access;

import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.matching.api.InvitationView;
import io.techbridge.matching.api.MatchCandidate;
import io.techbridge.matching.api.MyInvitation;
import io.techbridge.matching.invitation.ChallengeTerms;
import io.techbridge.matching.invitation.Invitation;
import io.techbridge.matching.matching.Explanation;
import io.techbridge.matching.matching.Reason;
import io.techbridge.matching.matching.Factor;
import io.techbridge.matching.matching.ScoredPair;
import io.techbridge.matching.persistence.MatchPair;
import io.techbridge.matching.persistence.MatchPairRepository;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.ConfidentialScope;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.IndexAdmin;
import io.techbridge.matching.search.SearchResult;
import io.techbridge.matching.workflow.MatchStatus;
import io.techbridge.matching.workflow.MatchView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may read what, and what of it they see. Brokers and admins see everything. A university or
 * enterprise sees the live ranking of its own records and the pairs its organisation is a party
 * to once a broker has approved them. Everyone who is not a broker or admin sees a BROKERS_ONLY
 * demand anonymised — a generic title, no problem, indicators or keywords, no enterprise or
 * organisation, no highlights or matched terms quoting its text — unless the demand is the caller's
 * own or its introduction to the caller's organisation was accepted (disclosed). The scores, factor
 * contributions and semantic similarity stay. No contact data is indexed here, so there is none to strip.
 */
@ApplicationScoped
public class Visibility {

    /** A ranking's candidates at or above it are strong; the others are shown only when asked for. */
    private final double threshold;

    static final String ANONYMOUS_TITLE = "保密需求";
    static final Reason WITHHELD_TERMS = Reason.of("TERMS_WITHHELD");

    private final Caller caller;
    private final MatchPairRepository pairs;
    private final DocumentIndexer documents;

    public Visibility(Caller caller, MatchPairRepository pairs, DocumentIndexer documents,
            io.techbridge.matching.config.MatchingConfig config) {
        this.threshold = config.proposalThreshold();
        this.caller = caller;
        this.pairs = pairs;
        this.documents = documents;
    }

    // ----------------------------------------------------------------- who may read

    /** A live ranking: brokers, admins, or the role that owns the ranked side (401 anonymous, 403 others). */
    public void requireRankingRole(Role partyRole) {
        caller.requireRole(Role.BROKER, Role.ADMIN, partyRole);
    }

    /** 403 unless the caller sees everything or acts for the record's organisation. */
    public void requireOwnRecord(String what, String id, String organisationId) {
        if (!caller.seesEverything() && !caller.actsFor(organisationId)) {
            throw Problems.forbidden(what + " " + id + " belongs to another organisation");
        }
    }

    /** Pair listings: brokers and admins all pairs, a university or enterprise those of its organisation from APPROVED on. */
    public MatchPairRepository.Filter scope(MatchPairRepository.Filter asked) {
        caller.requireRole(Role.BROKER, Role.ADMIN, Role.UNIVERSITY, Role.ENTERPRISE);
        if (caller.seesEverything()) {
            return asked;
        }
        return asked.restrictedTo(caller.requireOrganisation(), MatchStatus.SHOWN_TO_PARTIES);
    }

    /** One pair: 401 without a login; 404 unless broker, admin, or a party organisation from APPROVED on. */
    public void requireVisible(MatchView pair) {
        caller.requireAuthenticated();
        if (!maySee(pair.demandOrganisationId(), pair.achievementOrganisationId(), pair.status())) {
            throw Problems.notFound("match", pair.id());
        }
    }

    public boolean maySee(MatchPair pair) {
        return maySee(pair.demandOrganisationId, pair.achievementOrganisationId, pair.status);
    }

    private boolean maySee(String demandOrganisationId, String achievementOrganisationId, MatchStatus status) {
        if (caller.seesEverything()) {
            return true;
        }
        boolean party = caller.actsFor(demandOrganisationId) || caller.actsFor(achievementOrganisationId);
        return party && status.shownToParties() && (caller.is(Role.UNIVERSITY) || caller.is(Role.ENTERPRISE));
    }

    // ----------------------------------------------------------------- challenge invitations

    /**
     * A challenge's invitations as the caller may see them: brokers, admins and the enterprise acting
     * for the demand's organisation all of them; a university its own organisation's only (without
     * matched terms if the demand is confidential and not disclosed to it); 401 anonymous, 403 others.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InvitationView> invitationsOf(DemandDocument demand, List<Invitation> invitations) {
        Role role = caller.requireRole(Role.BROKER, Role.ADMIN, Role.ENTERPRISE, Role.UNIVERSITY);
        if (caller.seesEverything() || role == Role.ENTERPRISE && caller.actsFor(demand.organisationId())) {
            return invitations.stream().map(i -> invitationView(i, true)).toList();
        }
        if (role != Role.UNIVERSITY) {
            throw Problems.forbidden("demand " + demand.id() + " belongs to another organisation");
        }
        String organisation = caller.requireOrganisation();
        boolean revealed = confidentialScope(List.of(demand.id()))
                .reveals(demand.confidentiality(), demand.organisationId(), demand.id());
        return invitations.stream().filter(i -> organisation.equals(i.organisationId()))
                .map(i -> invitationView(i, revealed)).toList();
    }

    /**
     * The caller's organisation's invitations (university only): a confidential demand outside its
     * scope is anonymised, as in rankings; a demand no longer in the index counts as confidential.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MyInvitation> ownInvitations(List<Invitation> invitations, Map<String, DemandDocument> demands,
            Map<String, ChallengeTerms> terms) {
        ConfidentialScope scope = confidentialScope(invitations.stream().map(Invitation::demandId).toList());
        return invitations.stream().map(i -> {
            DemandDocument d = demands.get(i.demandId());
            String confidentiality = d == null ? ConfidentialScope.BROKERS_ONLY : d.confidentiality();
            boolean confidential = ConfidentialScope.BROKERS_ONLY.equals(confidentiality);
            boolean revealed = scope.reveals(confidentiality, i.demandOrganisationId(), i.demandId());
            String fieldCode = d == null ? null : d.fieldCode();
            ChallengeTerms t = terms.get(i.demandId());
            return new MyInvitation(i.demandId(), revealed && d != null ? d.title() : anonymousTitle(fieldCode),
                    fieldCode, confidential, t == null ? null : t.applicationDeadline(),
                    t == null ? null : t.bountyCny(), i.achievementId(), i.achievementTitle(), i.score(),
                    revealed ? i.matchedTerms() : List.of(), i.invitedAt());
        }).toList();
    }

    private static InvitationView invitationView(Invitation i, boolean revealed) {
        return new InvitationView(i.demandId(), i.organisationId(), i.organisationName(), i.achievementId(),
                i.achievementTitle(), i.score(), revealed ? i.matchedTerms() : List.of(), i.invitedAt());
    }

    // ----------------------------------------------------------------- what they see

    /** The BROKERS_ONLY demands this caller may see in full, among the given ones (all when null). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ConfidentialScope confidentialScope(Collection<String> demandIds) {
        if (caller.seesEverything()) {
            return ConfidentialScope.EVERYTHING;
        }
        String organisation = caller.isAnonymous() ? null : caller.organisationId().orElse(null);
        if (organisation == null) {
            return new ConfidentialScope(false, null, Set.of());
        }
        return new ConfidentialScope(false, organisation, pairs.disclosedDemands(organisation, demandIds));
    }

    /** Search hits with the confidential demands outside the scope anonymised. */
    public SearchResult show(SearchResult result, ConfidentialScope scope) {
        return result.withItems(result.items().stream().map(item -> {
            boolean hidden = Boolean.TRUE.equals(item.confidential())
                    && !scope.reveals(ConfidentialScope.BROKERS_ONLY, item.organisationId(), item.id());
            return hidden
                    ? new SearchResult.Item(item.type(), item.id(), anonymousTitle(item.fieldCode()), null, null,
                            item.fieldCode(), item.regionCode(), item.trl(), item.minTrl(), item.status(),
                            item.score(), Map.of(), true)
                    : item;
        }).toList());
    }

    /** A demand's live ranking: achievements are never confidential; pair states only from APPROVED on. */
    public List<MatchCandidate> rankingOfDemand(List<ScoredPair> ranked, Map<String, MatchPair> stored) {
        return ranked.stream().map(p -> {
            AchievementDocument a = p.achievement();
            MatchPair pair = shownPair(stored.get(p.achievementId()));
            return new MatchCandidate(p.demandId(), p.achievementId(), round(p.score()), p.score() >= threshold,
                    new MatchCandidate.Summary(a.id(), a.title(), a.organisationId(), a.institution(), a.fieldCode(),
                            a.trl(), a.regionCode(), a.status(), null),
                    p.explanation(), pair == null ? null : pair.id, pair == null ? null : pair.status);
        }).toList();
    }

    /** An achievement's live ranking: confidential demands outside the caller's scope anonymised. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MatchCandidate> rankingOfAchievement(List<ScoredPair> ranked, Map<String, MatchPair> stored) {
        ConfidentialScope scope = confidentialScope(ranked.stream().map(ScoredPair::demandId).toList());
        return ranked.stream().map(p -> {
            DemandDocument d = p.demand();
            MatchPair pair = shownPair(stored.get(p.demandId()));
            boolean confidential = ConfidentialScope.BROKERS_ONLY.equals(d.confidentiality());
            boolean hidden = !scope.reveals(d.confidentiality(), d.organisationId(), d.id());
            MatchCandidate.Summary summary = hidden
                    ? new MatchCandidate.Summary(d.id(), anonymousTitle(d.fieldCode()), null, null, d.fieldCode(),
                            d.minTrl(), d.regionCode(), d.status(), true)
                    : new MatchCandidate.Summary(d.id(), d.title(), d.organisationId(), d.enterprise(), d.fieldCode(),
                            d.minTrl(), d.regionCode(), d.status(), confidential);
            return new MatchCandidate(p.demandId(), p.achievementId(), round(p.score()), p.score() >= threshold, summary,
                    hidden ? withhold(p.explanation()) : p.explanation(),
                    pair == null ? null : pair.id, pair == null ? null : pair.status);
        }).toList();
    }

    public MatchView show(MatchView pair) {
        return show(List.of(pair)).get(0);
    }

    /**
     * Pair views as the caller may see them: for a confidential demand outside the caller's scope,
     * no demand organisation and no matched terms or highlights. A demand no longer in the index
     * counts as confidential.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MatchView> show(List<MatchView> views) {
        if (caller.seesEverything()) {
            return views;
        }
        List<MatchView> unsure = views.stream().filter(v -> !caller.actsFor(v.demandOrganisationId())).toList();
        if (unsure.isEmpty()) {
            return views;
        }
        Set<String> demandIds = unsure.stream().map(MatchView::demandId).collect(Collectors.toSet());
        ConfidentialScope scope = confidentialScope(demandIds);
        Map<String, DemandDocument> demands = documents.demands(IndexAdmin.DEMANDS, demandIds);
        return views.stream().map(v -> {
            DemandDocument demand = demands.get(v.demandId());
            String confidentiality = demand == null ? ConfidentialScope.BROKERS_ONLY : demand.confidentiality();
            return scope.reveals(confidentiality, v.demandOrganisationId(), v.demandId())
                    ? v : v.withDemandSide(null, withhold(v.explanation()));
        }).toList();
    }

    /** A stored pair's id and state go with a ranking entry only when the caller may see the pair. */
    private MatchPair shownPair(MatchPair pair) {
        return pair != null && maySee(pair) ? pair : null;
    }

    /** "保密需求（<field name>）": all a confidential demand's title may tell. */
    public static String anonymousTitle(String fieldCode) {
        if (fieldCode == null) {
            return ANONYMOUS_TITLE;
        }
        // Named as demand-service names it, so both services show one title.
        return ANONYMOUS_TITLE + "（" + TechnicalField.byCode(fieldCode).map(TechnicalField::nameZh).orElse(fieldCode) + "）";
    }

    /**
     * The explanation without what quotes the demand's text: matched terms, highlights (the demand's
     * words marked in the achievement) and the lexical factor's list of shared terms. Scores,
     * contributions and the semantic similarity stay.
     */
    static Explanation withhold(Explanation explanation) {
        if (explanation == null) {
            return null;
        }
        List<Factor> factors = explanation.factors() == null ? null : explanation.factors().stream()
                .map(f -> Factor.LEXICAL.equals(f.name())
                        ? new Factor(f.name(), f.value(), f.weight(), f.contribution(), WITHHELD_TERMS)
                        : f)
                .toList();
        return new Explanation(List.of(), Map.of(), explanation.semanticSimilarity(), factors,
                explanation.weights());
    }

    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
