package io.techbridge.demand.security;

import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.demand.api.DemandRequest;
import io.techbridge.demand.api.DemandViews;
import io.techbridge.demand.persistence.Demand;
import io.techbridge.demand.persistence.DemandRepository;
import io.techbridge.listing.disclosure.DisclosureRepository;
import jakarta.enterprise.context.RequestScoped;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The authorisation rules of demands for the current caller: enterprises post demands for their
 * own organisation and only they change them; an admin may post a government-set open challenge
 * (揭榜挂帅) for a named organisation and then manage it too. What a caller may read is decided by
 * {@link DemandViews.Rights}.
 */
@RequestScoped
public class DemandAccess {

    private final Caller caller;
    private final DisclosureRepository disclosures;

    public DemandAccess(Caller caller, DisclosureRepository disclosures) {
        this.caller = caller;
        this.disclosures = disclosures;
    }

    /** Who is posting a new demand, for which organisation. */
    public record Poster(String organisationId, String postedBy) {
    }

    /** The caller's right to post this demand: {@link #posterOf} for the caller's role and organisation. */
    public Poster requirePoster(DemandRequest request) {
        Role role = caller.requireRole(Role.ENTERPRISE, Role.ADMIN);
        return posterOf(role, caller.requireOrganisation(), request);
    }

    /**
     * The rule of every create, whoever sends it and however (a POST, a row of an import): an
     * enterprise posts for its own organisation ({@code organisationId} absent or its own, another →
     * 403); an admin posts only a government-set open challenge (none → 403) for the organisation it
     * names (none → 400).
     *
     * @param role the poster's role, ENTERPRISE or ADMIN
     * @param own  the poster's own organisation
     */
    public static Poster posterOf(Role role, String own, DemandRequest request) {
        if (role == Role.ADMIN) {
            requireChallenge(request);
            if (request.organisationId() == null || request.organisationId().isBlank()) {
                throw Problems.invalidField("organisationId", "NotBlank",
                        "an admin posting a challenge must name the organisation it is for");
            }
            return new Poster(request.organisationId(), own);
        }
        if (role != Role.ENTERPRISE) {
            throw Problems.forbidden("role '" + role.claim() + "' may not post demands");
        }
        if (request.organisationId() != null && !request.organisationId().equals(own)) {
            throw Problems.forbidden("organisationId: you may post demands only for your own organisation (" + own + ")");
        }
        return new Poster(own, own);
    }

    /** Checked before the record is looked up, so the answer says nothing about whether it exists. */
    public void requireEditorRole() {
        caller.requireRole(Role.ENTERPRISE, Role.ADMIN);
    }

    /** Merging duplicates is the brokers' work: 401 without a token, 403 for every other role. */
    public void requireMerger() {
        caller.requireRole(Role.BROKER);
    }

    /** The owning enterprise, or an admin of the organisation that posted it; a stale demand of another is not found. */
    public void requireEditorOf(Demand demand) {
        if (!rightsOver(List.of(demand)).maySee(demand)) {
            throw Problems.notFound("demand", demand.id);
        }
        boolean allowed = caller.is(Role.ADMIN) ? caller.actsFor(demand.postedBy) : caller.actsFor(demand.organisationId);
        if (!allowed) {
            throw Problems.forbidden("only the owning organisation may change demand " + demand.id);
        }
    }

    /** An admin's demand is a government-set challenge: it has to keep one. */
    public void requireChallengeIfAdmin(DemandRequest request) {
        if (caller.is(Role.ADMIN)) {
            requireChallenge(request);
        }
    }

    private static void requireChallenge(DemandRequest request) {
        if (request.challenge() == null) {
            throw Problems.forbidden("an admin may post only a government-set open challenge (揭榜挂帅): give a challenge");
        }
    }

    /** The caller's rights over these demands, with one look-up of what was disclosed to it. */
    public DemandViews.Rights rightsOver(Collection<Demand> demands) {
        return rightsOf(caller.organisationId().orElse(null), caller.seesEverything(), demands);
    }

    /** The rights of a user who is not the caller (the uploader of an import), over these demands. */
    public DemandViews.Rights rightsOf(String organisation, boolean seesEverything, Collection<Demand> demands) {
        Set<UUID> disclosed = Set.of();
        if (!seesEverything && organisation != null) {
            List<UUID> others = demands.stream().filter(d -> !organisation.equals(d.organisationId))
                    .map(d -> d.id).toList();
            disclosed = disclosures.disclosedAmong(others, organisation);
        }
        return new DemandViews.Rights(organisation, seesEverything, disclosed);
    }

    /** Who reads a listing, so that its filters reveal nothing of confidential demands it may not read. */
    public DemandRepository.Viewer viewer() {
        return new DemandRepository.Viewer(caller.organisationId().orElse(null), caller.seesEverything());
    }
}
