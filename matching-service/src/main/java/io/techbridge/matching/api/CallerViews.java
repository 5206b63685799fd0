package io.techbridge.matching.api;

import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.matching.access.Visibility;
import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.invitation.ChallengeTerms;
import io.techbridge.matching.invitation.Invitation;
import io.techbridge.matching.matching.ScoredPair;
import io.techbridge.matching.persistence.MatchPair;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.ConfidentialScope;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.IndexAdmin;
import io.techbridge.matching.search.SearchResult;
import io.techbridge.matching.workflow.MatchView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The responses as the caller may see them, built from {@link Visibility}'s decisions: a
 * confidential demand outside the caller's scope is anonymised (a generic title, no organisation,
 * no matched terms or highlights quoting its text), pair states go with ranking entries only when
 * the caller may see the pair.
 */
@ApplicationScoped
public class CallerViews {

    static final String ANONYMOUS_TITLE = "保密需求";

    private final Visibility visibility;
    private final DocumentIndexer documents;
    /** A ranking's candidates at or above it are strong; the others are shown only when asked for. */
    private final double threshold;

    public CallerViews(Visibility visibility, DocumentIndexer documents, MatchingConfig config) {
        this.visibility = visibility;
        this.documents = documents;
        this.threshold = config.proposalThreshold();
    }

    // ----------------------------------------------------------------- challenge invitations

    /** A challenge's invitations, as far as {@link Visibility#invitationAccess} lets the caller see them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<InvitationView> invitationsOf(DemandDocument demand, List<Invitation> invitations) {
        Visibility.InvitationAccess access = visibility.invitationAccess(demand);
        if (access.all()) {
            return invitations.stream().map(i -> invitationView(i, true)).toList();
        }
        return invitations.stream().filter(i -> access.organisationId().equals(i.organisationId()))
                .map(i -> invitationView(i, access.revealed())).toList();
    }

    /**
     * The caller's organisation's invitations (university only): a confidential demand outside its
     * scope is anonymised, as in rankings; a demand no longer in the index counts as confidential.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MyInvitation> ownInvitations(List<Invitation> invitations, Map<String, DemandDocument> demands,
            Map<String, ChallengeTerms> terms) {
        ConfidentialScope scope = visibility.confidentialScope(invitations.stream().map(Invitation::demandId).toList());
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

    // ----------------------------------------------------------------- search and rankings

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
        ConfidentialScope scope = visibility.confidentialScope(ranked.stream().map(ScoredPair::demandId).toList());
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
                    hidden ? Visibility.withhold(p.explanation()) : p.explanation(),
                    pair == null ? null : pair.id, pair == null ? null : pair.status);
        }).toList();
    }

    // ----------------------------------------------------------------- pairs

    /** One pair: 401 without a login, 404 unless the caller may see it; then as {@link #show(List)}. */
    public MatchView visible(MatchView pair) {
        visibility.requireVisible(pair.id(), pair.demandOrganisationId(), pair.achievementOrganisationId(), pair.status());
        return show(List.of(pair)).get(0);
    }

    /**
     * Pair views as the caller may see them: for a confidential demand outside the caller's scope,
     * no demand organisation and no matched terms or highlights. A demand no longer in the index
     * counts as confidential.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MatchView> show(List<MatchView> all) {
        if (visibility.seesEverything()) {
            return all;
        }
        List<MatchView> views = all.stream().map(MatchView::withoutFollowUp).toList();
        List<MatchView> unsure = views.stream().filter(v -> !visibility.actsFor(v.demandOrganisationId())).toList();
        if (unsure.isEmpty()) {
            return views;
        }
        Set<String> demandIds = unsure.stream().map(MatchView::demandId).collect(Collectors.toSet());
        ConfidentialScope scope = visibility.confidentialScope(demandIds);
        Map<String, DemandDocument> demands = documents.demands(IndexAdmin.DEMANDS, demandIds);
        return views.stream().map(v -> {
            DemandDocument demand = demands.get(v.demandId());
            String confidentiality = demand == null ? ConfidentialScope.BROKERS_ONLY : demand.confidentiality();
            return scope.reveals(confidentiality, v.demandOrganisationId(), v.demandId())
                    ? v : v.withDemandSide(null, Visibility.withhold(v.explanation()));
        }).toList();
    }

    /** A stored pair's id and state go with a ranking entry only when the caller may see the pair. */
    private MatchPair shownPair(MatchPair pair) {
        return pair != null && visibility.maySee(pair) ? pair : null;
    }

    /** "保密需求（<field name>）": all a confidential demand's title may tell. */
    public static String anonymousTitle(String fieldCode) {
        if (fieldCode == null) {
            return ANONYMOUS_TITLE;
        }
        // Named as demand-service names it, so both services show one title.
        return ANONYMOUS_TITLE + "（" + TechnicalField.byCode(fieldCode).map(TechnicalField::nameZh).orElse(fieldCode) + "）";
    }

    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
