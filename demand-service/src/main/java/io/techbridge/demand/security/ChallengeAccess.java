package io.techbridge.demand.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.commons.security.TokenClaims;
import io.techbridge.demand.persistence.ChallengeApplication;
import io.techbridge.demand.persistence.Demand;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authorisation rules of open challenges for the current caller. Universities and institutes
 * (role university) apply and manage their own organisation's application; the challenge's side
 * (the owning enterprise, or the admin whose operator posted a government-set challenge) and
 * brokers judge and award; an application is seen only by its organisation, that side, brokers
 * and admins: anyone else gets 404, as if it did not exist.
 */
@RequestScoped
public class ChallengeAccess {

    private final Caller caller;
    private final SecurityIdentity identity;

    public ChallengeAccess(Caller caller, SecurityIdentity identity) {
        this.caller = caller;
        this.identity = identity;
    }

    /** Who applies: a university or institute, for its own organisation (its name from the token). */
    public record Applicant(String organisationId, String organisationName, String login) {
    }

    public Applicant requireApplicant() {
        caller.requireRole(Role.UNIVERSITY);
        String organisation = caller.requireOrganisation();
        String name = identity.getPrincipal() instanceof JsonWebToken jwt
                ? jwt.<String>getClaim(TokenClaims.ORGANISATION_NAME) : null;
        return new Applicant(organisation, name == null || name.isBlank() ? organisation : name.strip(), caller.name());
    }

    /** The applicant's own application; anyone else's is not found (it does not reveal that it exists). */
    public boolean isOwnApplication(ChallengeApplication application) {
        return caller.actsFor(application.organisationId);
    }

    /** Checked before the record is looked up, so the answer says nothing about whether it exists. */
    public Role requireJudgeRole() {
        return caller.requireRole(Role.ENTERPRISE, Role.BROKER, Role.ADMIN);
    }

    /** The challenge's side: its owning enterprise, or the admin of the operator that posted it. */
    public boolean isChallengeSide(Demand demand) {
        if (caller.is(Role.ENTERPRISE)) {
            return caller.actsFor(demand.organisationId);
        }
        return caller.is(Role.ADMIN) && caller.actsFor(demand.postedBy);
    }

    /** Scores, shortlists and awards: the challenge's side, or a broker (who runs the judging with it). */
    public void requireJudgeOf(Demand demand) {
        if (!caller.is(Role.BROKER) && !isChallengeSide(demand)) {
            throw Problems.forbidden("only the organisation that set challenge " + demand.id
                    + " or a broker may judge and award it");
        }
    }

    /** Reads every application of the challenge: its side, brokers and admins. */
    public boolean seesAllApplicationsOf(Demand demand) {
        return caller.seesEverything() || isChallengeSide(demand);
    }

    public void requireAuthenticated() {
        caller.requireAuthenticated();
    }

    public String organisationId() {
        return caller.organisationId().orElse(null);
    }

    public String login() {
        return caller.name();
    }

    public String roleClaim() {
        return caller.role().map(Role::claim).orElseThrow();
    }
}
