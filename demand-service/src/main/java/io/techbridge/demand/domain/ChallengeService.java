package io.techbridge.demand.domain;

import io.techbridge.events.DemandPayload;
import io.techbridge.events.ChallengeApplicationPayload;
import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.problem.ProblemException;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Role;
import io.techbridge.demand.api.ApplicationRequest;
import io.techbridge.demand.api.ApplicationView;
import io.techbridge.demand.api.AwardRequest;
import io.techbridge.demand.api.DemandResponse;
import io.techbridge.demand.api.DemandSummary;
import io.techbridge.demand.api.DemandViews;
import io.techbridge.demand.api.MyApplicationView;
import io.techbridge.demand.api.ScoreRequest;
import io.techbridge.demand.messaging.ChallengeEvents;
import io.techbridge.demand.messaging.DemandEvents;
import io.techbridge.demand.persistence.ChallengeApplication;
import io.techbridge.demand.persistence.ChallengeApplicationRepository;
import io.techbridge.demand.persistence.Demand;
import io.techbridge.demand.persistence.DemandRepository;
import io.techbridge.demand.persistence.KnownAchievements;
import io.techbridge.demand.persistence.PlannedMilestone;
import io.techbridge.demand.persistence.ScoreSheet;
import io.techbridge.demand.persistence.Winner;
import io.techbridge.demand.security.ChallengeAccess;
import io.techbridge.demand.security.DemandAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The open-challenge (揭榜挂帅) lifecycle: universities and institutes apply until the application
 * deadline (one live application per organisation), then the challenge's side and brokers score,
 * shortlist and award. Each change is one transaction with its event: the application's on
 * {@code challenge-events}, the award's on {@code demand-events}. Who may do what is checked
 * first ({@link ChallengeAccess}); the phase of the challenge decides what may happen when.
 */
@ApplicationScoped
public class ChallengeService {

    private static final String DEMAND = "demand";
    private static final String APPLICATION = "application";
    private static final String LIVE_APPLICATION_INDEX = "challenge_application_live_idx";
    /** Outcome of a winner the award gives no reason of its own. */
    static final String WINNER_REASON = "中选：揭榜成功";

    private final DemandRepository demands;
    private final ChallengeApplicationRepository applications;
    private final ChallengeEvents events;
    private final DemandEvents demandEvents;
    private final ChallengeStates states;
    private final ChallengeAccess access;
    private final DemandAccess demandAccess;
    private final KnownAchievements knownAchievements;

    public ChallengeService(DemandRepository demands, ChallengeApplicationRepository applications,
            ChallengeEvents events, DemandEvents demandEvents, ChallengeStates states, ChallengeAccess access,
            DemandAccess demandAccess, KnownAchievements knownAchievements) {
        this.demands = demands;
        this.applications = applications;
        this.events = events;
        this.demandEvents = demandEvents;
        this.states = states;
        this.access = access;
        this.demandAccess = demandAccess;
        this.knownAchievements = knownAchievements;
    }

    @Transactional
    public ApplicationView submit(UUID demandId, ApplicationRequest request) {
        ChallengeAccess.Applicant applicant = access.requireApplicant();
        Demand demand = demands.findForShare(demandId).orElseThrow(() -> Problems.notFound(DEMAND, demandId));
        requireApplying(demand, "take applications");
        applications.ofOrganisation(demandId, applicant.organisationId()).stream()
                .filter(a -> a.status.isLive()).findFirst().ifPresent(a -> {
                    throw ChallengeProblems.applicationExists(demandId, applicant.organisationId(), a.id);
                });
        ChallengeApplication application = new ChallengeApplication();
        application.id = UUID.randomUUID();
        application.demandId = demandId;
        application.organisationId = applicant.organisationId();
        application.organisationName = applicant.organisationName();
        application.submittedBy = applicant.login();
        application.status = ApplicationStatus.SUBMITTED;
        application.scores = List.of();
        application.version = 1;
        application.submittedAt = now();
        requireOwnPublished(request.achievementIds(), applicant.organisationId());
        apply(request, application);
        try {
            applications.persistAndFlush(application);
        } catch (PersistenceException e) {
            // Two submissions of one organisation at the same moment: the unique index lets one in.
            if (violates(e, LIVE_APPLICATION_INDEX)) {
                throw ChallengeProblems.applicationExists(demandId, applicant.organisationId(), null);
            }
            throw e;
        }
        return record(ChallengeApplicationPayload.SUBMITTED, application);
    }

    @Transactional
    public ApplicationView update(UUID demandId, UUID applicationId, ApplicationRequest request) {
        access.requireApplicant();
        Demand demand = demands.findForShare(demandId).orElseThrow(() -> Problems.notFound(DEMAND, demandId));
        ChallengeApplication application = lockOwn(demand, applicationId, request.version());
        requireApplying(demand, "let applications be edited");
        requireSubmitted(application, "edited");
        requireOwnPublished(request.achievementIds(), application.organisationId);
        apply(request, application);
        return commit(ChallengeApplicationPayload.UPDATED, application);
    }

    @Transactional
    public ApplicationView withdraw(UUID demandId, UUID applicationId, long version) {
        access.requireApplicant();
        Demand demand = demands.findForShare(demandId).orElseThrow(() -> Problems.notFound(DEMAND, demandId));
        ChallengeApplication application = lockOwn(demand, applicationId, version);
        requireApplying(demand, "let applications be withdrawn");
        requireSubmitted(application, "withdrawn");
        application.status = ApplicationStatus.WITHDRAWN;
        application.shortlisted = false;
        return commit(ChallengeApplicationPayload.WITHDRAWN, application);
    }

    /** The challenge's side, brokers and admins: every application; a university: its own organisation's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApplicationView> list(UUID demandId) {
        access.requireAuthenticated();
        Demand demand = demands.findByIdOptional(demandId).orElseThrow(() -> Problems.notFound(DEMAND, demandId));
        requireChallenge(demand);
        List<ChallengeApplication> found;
        if (access.seesAllApplicationsOf(demand)) {
            found = applications.ofDemand(demandId);
        } else if (access.organisationId() != null) {
            found = applications.ofOrganisation(demandId, access.organisationId());
        } else {
            found = List.of();
        }
        return found.stream().map(ApplicationView::of).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApplicationView get(UUID demandId, UUID applicationId) {
        access.requireAuthenticated();
        Demand demand = demands.findByIdOptional(demandId).orElseThrow(() -> Problems.notFound(DEMAND, demandId));
        ChallengeApplication application = applications.findByIdOptional(applicationId)
                .filter(a -> a.demandId.equals(demandId))
                .filter(a -> access.seesAllApplicationsOf(demand) || access.isOwnApplication(a))
                .orElseThrow(() -> Problems.notFound(APPLICATION, applicationId));
        return ApplicationView.of(application);
    }

    /** The caller's organisation's applications across challenges, newest first, each with its challenge. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<MyApplicationView> mine() {
        access.requireApplicant();
        List<ChallengeApplication> own = applications.ofOrganisation(access.organisationId());
        Set<UUID> demandIds = own.stream().map(a -> a.demandId).collect(Collectors.toSet());
        Map<UUID, Demand> byId = demandIds.isEmpty() ? Map.of()
                : demands.list("id in ?1", demandIds).stream().collect(Collectors.toMap(d -> d.id, Function.identity()));
        DemandViews.Rights rights = demandAccess.rightsOver(byId.values());
        return own.stream().map(a -> {
            Demand d = byId.get(a.demandId);
            String title = rights.seesFullText(d) ? d.title : DemandSummary.of(d).title();
            return new MyApplicationView(title, states.phase(d), d.challengeApplicationDeadline, ApplicationView.of(a));
        }).toList();
    }

    /** Re-scoring replaces the scorer's own sheet; the total is the mean over the sheets. */
    @Transactional
    public ApplicationView score(UUID demandId, UUID applicationId, ScoreRequest request) {
        ChallengeApplication application = lockForJudging(demandId, applicationId);
        List<ScoreSheet.Score> scores = new ArrayList<>();
        Set<String> indicators = new HashSet<>();
        for (int i = 0; i < request.scores().size(); i++) {
            ScoreRequest.IndicatorScore s = request.scores().get(i);
            if (!indicators.add(s.indicator().strip())) {
                throw Problems.invalidField("scores[" + i + "].indicator", "Unique", "indicator scored twice");
            }
            scores.add(new ScoreSheet.Score(s.indicator().strip(), s.score(), blankToNull(s.comment())));
        }
        BigDecimal mean = mean(scores.stream().map(s -> BigDecimal.valueOf(s.score())).toList());
        String scorer = access.login();
        List<ScoreSheet> sheets = new ArrayList<>(application.scores.stream()
                .filter(sheet -> !sheet.scorer().equals(scorer)).toList());
        sheets.add(new ScoreSheet(scorer, access.roleClaim(), access.organisationId(), List.copyOf(scores),
                blankToNull(request.note()), mean, now()));
        application.scores = List.copyOf(sheets);
        application.totalScore = mean(sheets.stream().map(ScoreSheet::mean).toList());
        return commit(ChallengeApplicationPayload.SCORED, application);
    }

    @Transactional
    public ApplicationView shortlist(UUID demandId, UUID applicationId, boolean shortlisted) {
        ChallengeApplication application = lockForJudging(demandId, applicationId);
        if (application.shortlisted == shortlisted) {
            return ApplicationView.of(application);
        }
        application.shortlisted = shortlisted;
        return commit(ChallengeApplicationPayload.SHORTLISTED, application);
    }

    /**
     * Picks the winners: they become WON, every other live application NOT_SELECTED with the
     * reason; the demand records the award (who, which role, when) and publishes ChallengeAwarded.
     */
    @Transactional
    public DemandResponse award(UUID demandId, AwardRequest request) {
        Role role = access.requireJudgeRole();
        Demand demand = demands.findForUpdate(demandId).orElseThrow(() -> Problems.notFound(DEMAND, demandId));
        access.requireJudgeOf(demand);
        requireJudging(demand);
        List<ChallengeApplication> live = applications.lockLiveOfDemand(demandId);
        Map<UUID, ChallengeApplication> byId = new HashMap<>();
        live.forEach(a -> byId.put(a.id, a));
        for (int i = 0; i < request.winners().size(); i++) {
            UUID winner = request.winners().get(i);
            if (!byId.containsKey(winner)) {
                throw notLiveApplication("winners[" + i + "]", winner, demandId);
            }
        }
        Map<UUID, String> reasons = request.reasons() == null ? Map.of() : request.reasons();
        for (UUID id : reasons.keySet()) {
            if (!byId.containsKey(id)) {
                throw notLiveApplication("reasons." + id, id, demandId);
            }
        }
        Set<UUID> winners = Set.copyOf(request.winners());
        List<Winner> picked = new ArrayList<>();
        for (ChallengeApplication application : live) {
            boolean won = winners.contains(application.id);
            application.status = won ? ApplicationStatus.WON : ApplicationStatus.NOT_SELECTED;
            String own = blankToNull(reasons.get(application.id));
            application.outcomeReason = own != null ? own : won ? WINNER_REASON : request.reason().strip();
            commit(won ? ChallengeApplicationPayload.WON : ChallengeApplicationPayload.NOT_SELECTED, application);
        }
        for (UUID id : request.winners()) {
            ChallengeApplication application = byId.get(id);
            picked.add(new Winner(application.id, application.organisationId, application.organisationName));
        }
        demand.challengeAwardedAt = now();
        demand.challengeAwardedBy = access.login();
        demand.challengeAwardedRole = role.claim();
        demand.challengeAwardReason = request.reason().strip();
        demand.challengeWinners = List.copyOf(picked);
        demand.version++;
        demand.updatedAt = demand.challengeAwardedAt;
        DemandResponse state = DemandViews.ofEditor(demand, states.of(demand));
        demandEvents.record(DemandPayload.CHALLENGE_AWARDED, state);
        return state;
    }

    private ChallengeApplication lockForJudging(UUID demandId, UUID applicationId) {
        access.requireJudgeRole();
        Demand demand = demands.findForShare(demandId).orElseThrow(() -> Problems.notFound(DEMAND, demandId));
        access.requireJudgeOf(demand);
        ChallengeApplication application = applications.findForUpdate(applicationId)
                .filter(a -> a.demandId.equals(demandId))
                .orElseThrow(() -> Problems.notFound(APPLICATION, applicationId));
        requireJudging(demand);
        requireSubmitted(application, "judged");
        return application;
    }

    /** The caller's own application of this challenge, locked, at the version it read. */
    private ChallengeApplication lockOwn(Demand demand, UUID applicationId, long sentVersion) {
        ChallengeApplication application = applications.findForUpdate(applicationId)
                .filter(a -> a.demandId.equals(demand.id))
                .filter(access::isOwnApplication)
                .orElseThrow(() -> Problems.notFound(APPLICATION, applicationId));
        if (application.version != sentVersion) {
            throw Problems.versionConflict(APPLICATION, applicationId, sentVersion, application.version);
        }
        return application;
    }

    private void requireApplying(Demand demand, String action) {
        requireChallenge(demand);
        switch (states.phase(demand)) {
            case APPLYING -> {
            }
            case JUDGING -> throw ChallengeProblems.deadlinePassed(demand.id, demand.challengeApplicationDeadline);
            case AWARDED -> throw ChallengeProblems.alreadyAwarded(demand.id);
            case CLOSED -> throw Problems.illegalState(DEMAND, demand.id, demand.status.name(),
                    "asked to " + action);
        }
    }

    private void requireJudging(Demand demand) {
        requireChallenge(demand);
        switch (states.phase(demand)) {
            case JUDGING -> {
            }
            case APPLYING -> throw ChallengeProblems.judgingNotOpen(demand.id, demand.challengeApplicationDeadline);
            case AWARDED -> throw ChallengeProblems.alreadyAwarded(demand.id);
            case CLOSED -> throw Problems.illegalState(DEMAND, demand.id, demand.status.name(), "judged");
        }
    }

    private static void requireChallenge(Demand demand) {
        if (!demand.hasChallenge()) {
            throw ChallengeProblems.notAChallenge(demand.id);
        }
    }

    private static void requireSubmitted(ChallengeApplication application, String action) {
        if (application.status != ApplicationStatus.SUBMITTED) {
            throw Problems.illegalState(APPLICATION, application.id, application.status.name(), action);
        }
    }

    private static RuntimeException notLiveApplication(String field, UUID id, UUID demandId) {
        return Problems.invalidField(field, "LiveApplication",
                id + " is not a live (submitted, not withdrawn) application to challenge " + demandId);
    }

    private ApplicationView record(String type, ChallengeApplication application) {
        ApplicationView state = ApplicationView.of(application);
        events.record(type, state);
        return state;
    }

    private ApplicationView commit(String type, ChallengeApplication application) {
        application.version++;
        application.updatedAt = now();
        return record(type, application);
    }

    /**
     * An application cites only published achievements of its own organisation, as the demand
     * library knows them from achievement-events: 400 naming each other id
     * ({@code achievementIds[i]}), in the same words whether it is unknown, a draft, withdrawn or
     * another organisation's, so the answer tells nothing about records the applicant may not read.
     */
    private void requireOwnPublished(List<UUID> achievementIds, String organisationId) {
        if (achievementIds == null || achievementIds.isEmpty()) {
            return;
        }
        Set<UUID> published = knownAchievements.publishedOf(organisationId, achievementIds);
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < achievementIds.size(); i++) {
            if (!published.contains(achievementIds.get(i))) {
                violations.add(new Problem.Violation("achievementIds[" + i + "]", "body", "OwnPublishedAchievement",
                        "must be a published achievement of your organisation (" + organisationId + "); one published"
                                + " moments ago may take a few seconds to be known here"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "validation", "Invalid request",
                    violations.stream().map(Problem.Violation::field).collect(Collectors.joining(", "))
                            + ": must each be a published achievement of your organisation").withViolations(violations));
        }
    }

    private static void apply(ApplicationRequest request, ChallengeApplication application) {
        application.approach = request.approach().strip();
        application.team = request.team().strip();
        application.trlNow = request.trlNow().shortValue();
        application.trlPromised = request.trlPromised().shortValue();
        application.milestones = request.milestones().stream()
                .map(m -> new PlannedMilestone(m.title().strip(), m.due())).toList();
        application.priceCny = request.priceCny();
        application.achievementIds = request.achievementIds() == null ? List.of() : List.copyOf(request.achievementIds());
        application.updatedAt = now();
    }

    private static BigDecimal mean(Collection<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && constraint.equals(c.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    /** PostgreSQL keeps microseconds: the response and the event show exactly what was stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
