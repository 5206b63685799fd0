package io.techbridge.matching.access;

import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.matching.matching.Explanation;
import io.techbridge.matching.matching.Reason;
import io.techbridge.matching.matching.Factor;
import io.techbridge.matching.persistence.MatchPair;
import io.techbridge.matching.persistence.MatchPairRepository;
import io.techbridge.matching.search.ConfidentialScope;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.domain.MatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    static final Reason WITHHELD_TERMS = Reason.of("TERMS_WITHHELD");

    private final Caller caller;
    private final MatchPairRepository pairs;

    public Visibility(Caller caller, MatchPairRepository pairs) {
        this.caller = caller;
        this.pairs = pairs;
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
    public void requireVisible(Object id, String demandOrganisationId, String achievementOrganisationId,
            MatchStatus status) {
        caller.requireAuthenticated();
        if (!maySee(demandOrganisationId, achievementOrganisationId, status)) {
            throw Problems.notFound("match", id);
        }
    }

    public boolean maySee(MatchPair pair) {
        return maySee(pair.demandOrganisationId, pair.achievementOrganisationId, pair.status);
    }

    public boolean maySee(String demandOrganisationId, String achievementOrganisationId, MatchStatus status) {
        if (caller.seesEverything()) {
            return true;
        }
        boolean party = caller.actsFor(demandOrganisationId) || caller.actsFor(achievementOrganisationId);
        return party && status.shownToParties() && (caller.is(Role.UNIVERSITY) || caller.is(Role.ENTERPRISE));
    }

    // ----------------------------------------------------------------- challenge invitations

    /** Which of a challenge's invitations the caller may see, and whether their matched terms. */
    public record InvitationAccess(boolean all, String organisationId, boolean revealed) {
    }

    /**
     * Brokers, admins and the enterprise acting for the demand's organisation see all of a
     * challenge's invitations; a university its own organisation's only (without matched terms if
     * the demand is confidential and not disclosed to it); 401 anonymous, 403 others.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public InvitationAccess invitationAccess(DemandDocument demand) {
        Role role = caller.requireRole(Role.BROKER, Role.ADMIN, Role.ENTERPRISE, Role.UNIVERSITY);
        if (caller.seesEverything() || role == Role.ENTERPRISE && caller.actsFor(demand.organisationId())) {
            return new InvitationAccess(true, null, true);
        }
        if (role != Role.UNIVERSITY) {
            throw Problems.forbidden("demand " + demand.id() + " belongs to another organisation");
        }
        return new InvitationAccess(false, caller.requireOrganisation(), confidentialScope(List.of(demand.id()))
                .reveals(demand.confidentiality(), demand.organisationId(), demand.id()));
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

    /** Whether the caller acts for this organisation (a party to it), whatever it may see. */
    public boolean actsFor(String organisationId) {
        return caller.actsFor(organisationId);
    }

    public boolean seesEverything() {
        return caller.seesEverything();
    }

    /**
     * The explanation without what quotes the demand's text: matched terms, highlights (the demand's
     * words marked in the achievement) and the lexical factor's list of shared terms. Scores,
     * contributions and the semantic similarity stay.
     */
    public static Explanation withhold(Explanation explanation) {
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

}
