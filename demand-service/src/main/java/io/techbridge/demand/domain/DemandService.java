package io.techbridge.demand.domain;

import io.techbridge.events.DemandPayload;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.api.PageResponse;
import io.techbridge.commons.problem.Problems;
import io.techbridge.demand.api.Challenge;
import io.techbridge.demand.api.ChallengeView;
import io.techbridge.demand.api.DemandRequest;
import io.techbridge.demand.api.DemandResponse;
import io.techbridge.demand.api.DemandView;
import io.techbridge.demand.api.DemandViews;
import io.techbridge.demand.config.DemandClock;
import io.techbridge.demand.config.DemandConfig;
import io.techbridge.demand.duplicates.DemandDuplicates;
import io.techbridge.demand.duplicates.DemandIndex;
import io.techbridge.demand.messaging.DemandEvents;
import io.techbridge.demand.persistence.ChallengeApplicationRepository;
import io.techbridge.demand.persistence.Demand;
import io.techbridge.demand.persistence.DemandDisclosure;
import io.techbridge.demand.persistence.DemandRepository;
import io.techbridge.demand.security.DemandAccess;
import io.techbridge.listing.Listing;
import io.techbridge.listing.disclosure.MatchSide;
import io.techbridge.listing.duplicates.DuplicateCandidate;
import io.techbridge.listing.duplicates.DuplicateCheckResponse;
import io.techbridge.listing.duplicates.DuplicateTexts;
import io.techbridge.listing.query.ListingQuery;
import io.techbridge.listing.staleness.StaleListings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Every change of a demand, each in one transaction with its event, and every read, each shaped
 * by what the caller may see. Who may do what is checked first ({@link DemandAccess}).
 */
@ApplicationScoped
public class DemandService implements StaleListings {

    /** What the listing kit knows of demands. */
    @Produces
    static final Listing LISTING = new Listing("demand", MatchSide.DEMAND, DemandDisclosure.class,
            "Open demands marked stale because nobody changed them for a long time",
            new DuplicateTexts("需求", "%d posted demand(s) look like this one (similar title or problem statement);"
                    + " check them, or send the request again with ?duplicates=confirmed to post it anyway"));

    private static final String WHAT = "demand";

    private final DemandRepository repository;
    private final DemandEvents events;
    private final DemandClock clock;
    private final DemandAccess access;
    private final ChallengeStates challenges;
    private final ChallengeApplicationRepository applications;
    private final DemandIndex duplicateIndex;
    private final DemandDuplicates duplicates;
    private final DemandConfig config;

    public DemandService(DemandRepository repository, DemandEvents events, DemandClock clock, DemandAccess access,
            ChallengeStates challenges, ChallengeApplicationRepository applications,
            DemandIndex duplicateIndex, DemandDuplicates duplicates, DemandConfig config) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.access = access;
        this.challenges = challenges;
        this.applications = applications;
        this.duplicateIndex = duplicateIndex;
        this.duplicates = duplicates;
        this.config = config;
    }

    /**
     * Posts a demand; unless the caller confirmed it knows of them, near-duplicates already posted
     * (any organisation) refuse it with 409 possible-duplicate.
     */
    @Transactional
    public DemandResponse create(DemandRequest request, boolean duplicatesConfirmed) {
        DemandAccess.Poster poster = access.requirePoster(request);
        if (!duplicatesConfirmed) {
            List<DuplicateCandidate> candidates = duplicates.candidates(
                    DemandIndex.fingerprint(request.title(), request.problem()), null);
            if (!candidates.isEmpty()) {
                throw duplicates.possibleDuplicate(candidates);
            }
        }
        return createFor(poster, request);
    }

    /**
     * The create itself, once the poster's right was checked: by {@link #create} for a request, by
     * the import when the file was accepted. The request must have passed the create validation.
     */
    @Transactional
    public DemandResponse createFor(DemandAccess.Poster poster, DemandRequest request) {
        Demand demand = new Demand();
        demand.id = UUID.randomUUID();
        demand.organisationId = poster.organisationId();
        demand.postedBy = poster.postedBy();
        demand.status = DemandStatus.OPEN;
        demand.version = 1;
        demand.createdAt = now();
        apply(request, demand);
        repository.persist(demand);
        duplicateIndex.add(demand);
        DemandResponse created = DemandViews.ofEditor(demand, challenges.of(demand));
        events.record(DemandPayload.CREATED, created);
        return created;
    }

    /** The near-duplicates a create with this body would be told about; nothing is stored. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DuplicateCheckResponse checkDuplicates(DemandRequest request) {
        access.requirePoster(request);
        return new DuplicateCheckResponse(
                duplicates.candidates(DemandIndex.fingerprint(request.title(), request.problem()), null));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DemandView get(UUID id) {
        Demand demand = repository.findByIdOptional(id).orElseThrow(() -> Problems.notFound(WHAT, id));
        DemandViews.Rights rights = access.rightsOver(List.of(demand));
        // A stale demand of another organisation is answered as if it did not exist.
        if (!rights.maySee(demand)) {
            throw Problems.notFound(WHAT, id);
        }
        return DemandViews.of(demand, rights, challenges.of(demand));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<DemandView> list(DemandRepository.Filter filter, PageRequest page) {
        ListingQuery.Page<Demand> result = repository.search(filter, access.viewer(), page);
        DemandViews.Rights rights = access.rightsOver(result.items());
        Map<UUID, ChallengeView> states = challenges.of(result.items());
        return PageResponse.of(result.items(), d -> DemandViews.of(d, rights, states.get(d.id)), page, result.total(),
                ListingQuery::keyOf);
    }

    /**
     * Replaces the content of an open or negotiating demand. Dates the client leaves unchanged are
     * kept even when they have passed (an application deadline that is over, say); a date it
     * changes must lie after today, as on a create.
     */
    @Transactional
    public DemandResponse update(UUID id, DemandRequest request) {
        access.requireEditorRole();
        Demand demand = lockCurrent(id, request.version());
        access.requireChallengeIfAdmin(request);
        if (demand.status.isFinal()) {
            throw Problems.illegalState(WHAT, id, demand.status.name(), "edited");
        }
        if (demand.status == DemandStatus.STALE) {
            throw Problems.illegalState(WHAT, id, demand.status.name(), "edited before it is confirmed or renewed");
        }
        if (request.organisationId() != null && !request.organisationId().equals(demand.organisationId)) {
            throw Problems.invalidField("organisationId", "Immutable", "the owning organisation cannot be changed");
        }
        LocalDate today = clock.today();
        if (!request.validUntil().equals(demand.validUntil) && !request.validUntil().isAfter(today)) {
            throw Problems.invalidField("validUntil", "Future", "must be a future date");
        }
        Challenge challenge = request.challenge();
        requireChallengeKeptIfUnderway(demand, challenge);
        if (challenge != null && !challenge.applicationDeadline().equals(demand.challengeApplicationDeadline)
                && !challenge.applicationDeadline().isAfter(today)) {
            throw Problems.invalidField("challenge.applicationDeadline", "Future", "must be a future date");
        }
        apply(request, demand);
        duplicateIndex.replace(demand);
        return commit(demand, DemandPayload.UPDATED);
    }

    @Transactional
    public DemandResponse startNegotiation(UUID id, long version, String reason) {
        return changeStatus(id, version, DemandStatus.IN_NEGOTIATION, reason, "moved into negotiation",
                DemandPayload.IN_NEGOTIATION);
    }

    @Transactional
    public DemandResponse solve(UUID id, long version, String reason) {
        return changeStatus(id, version, DemandStatus.SOLVED, reason, "marked solved", DemandPayload.SOLVED);
    }

    @Transactional
    public DemandResponse close(UUID id, long version, String reason) {
        return changeStatus(id, version, DemandStatus.CLOSED, reason, "closed", DemandPayload.CLOSED);
    }

    /** The owner confirms a stale demand is still wanted: STALE → OPEN. */
    @Transactional
    public DemandResponse confirm(UUID id, Long version, String reason) {
        access.requireEditorRole();
        Demand demand = lock(id, version);
        if (demand.status != DemandStatus.STALE) {
            throw Problems.illegalState(WHAT, id, demand.status.name(), "confirmed (only a STALE one is)");
        }
        demand.status = DemandStatus.OPEN;
        demand.statusReason = blankToNull(reason);
        return commit(demand, DemandPayload.CONFIRMED);
    }

    /**
     * The owner renews an expired or stale demand with a new valid-until date: → OPEN. The date
     * must lie after today and at most {@code techbridge.demand.max-validity} ahead.
     */
    @Transactional
    public DemandResponse renew(UUID id, LocalDate validUntil, Long version, String reason) {
        access.requireEditorRole();
        LocalDate today = clock.today();
        if (!validUntil.isAfter(today)) {
            throw Problems.invalidField("validUntil", "Future", "must be a future date");
        }
        LocalDate latest = today.plus(config.maxValidity());
        if (validUntil.isAfter(latest)) {
            throw Problems.invalidField("validUntil", "MaxValidity",
                    "must not be after " + latest + " (at most " + config.maxValidity() + " ahead)");
        }
        Demand demand = lock(id, version);
        if (demand.status != DemandStatus.EXPIRED && demand.status != DemandStatus.STALE) {
            throw Problems.illegalState(WHAT, id, demand.status.name(), "renewed (only an EXPIRED or STALE one is)");
        }
        demand.status = DemandStatus.OPEN;
        demand.validUntil = validUntil;
        demand.statusReason = blankToNull(reason);
        return commit(demand, DemandPayload.RENEWED);
    }

    /**
     * A broker merges a duplicate into the demand it repeats: the duplicate is closed and points to
     * the other one, which must be live (open, in negotiation or stale) and not itself.
     */
    @Transactional
    public DemandResponse merge(UUID id, UUID intoId, Long version, String reason) {
        access.requireMerger();
        if (id.equals(intoId)) {
            throw Problems.invalidField("intoId", "NotSelf", "a demand cannot be merged into itself");
        }
        Demand duplicate = repository.findForUpdate(id).orElseThrow(() -> Problems.notFound(WHAT, id));
        if (version != null && duplicate.version != version) {
            throw Problems.versionConflict(WHAT, id, version, duplicate.version);
        }
        Demand into = repository.findByIdOptional(intoId).orElseThrow(() -> Problems.invalidField("intoId",
                "Exists", "demand " + intoId + " does not exist"));
        if (into.status != DemandStatus.OPEN && into.status != DemandStatus.IN_NEGOTIATION
                && into.status != DemandStatus.STALE) {
            throw Problems.illegalState(WHAT, intoId, into.status.name(),
                    "merged into (it must be OPEN, IN_NEGOTIATION or STALE)");
        }
        if (!duplicate.status.canBecome(DemandStatus.CLOSED)) {
            throw Problems.illegalState(WHAT, id, duplicate.status.name(), "merged");
        }
        duplicate.status = DemandStatus.CLOSED;
        duplicate.mergedInto = into.id;
        duplicate.statusReason = blankToNull(reason);
        return commit(duplicate, DemandPayload.MERGED);
    }

    /**
     * Marks one batch of open demands last changed before {@code cutoff} STALE, each a change like
     * any other: new version, its own event, same transaction.
     *
     * @return how many; fewer than {@code limit} means none is left (or the rest is locked)
     */
    @Override
    @Transactional
    public int markStale(Instant cutoff, int limit) {
        List<Demand> due = repository.lockDueForStaleness(cutoff, limit);
        for (Demand demand : due) {
            demand.status = DemandStatus.STALE;
            demand.statusReason = "unchanged since " + demand.updatedAt + " (长期未更新，请确认、续期或关闭)";
            commit(demand, DemandPayload.MARKED_STALE);
        }
        return due.size();
    }

    /** The service's calendar: staleness is measured on it too. */
    @Override
    public Clock clock() {
        return clock.getClock();
    }

    /**
     * Expires one batch of demands whose valid-until date lies before {@code today}, each a
     * change like any other: new version, its own {@code DemandExpired} event, same transaction.
     *
     * @return how many were expired; fewer than {@code limit} means none is left (or the rest is locked)
     */
    @Transactional
    public int expireDue(LocalDate today, int limit) {
        List<Demand> due = repository.lockDueForExpiry(today, limit);
        for (Demand demand : due) {
            demand.status = DemandStatus.EXPIRED;
            demand.statusReason = "valid until " + demand.validUntil + " (有效期已过)";
            commit(demand, DemandPayload.EXPIRED);
        }
        return due.size();
    }

    private DemandResponse changeStatus(UUID id, long version, DemandStatus target, String reason,
            String action, String eventType) {
        access.requireEditorRole();
        Demand demand = lockCurrent(id, version);
        if (!demand.status.canBecome(target)) {
            throw Problems.illegalState(WHAT, id, demand.status.name(), action);
        }
        demand.status = target;
        demand.statusReason = blankToNull(reason);
        return commit(demand, eventType);
    }

    /** The record, locked, once the caller may change it (before the version, which a stranger must not learn). */
    private Demand lockCurrent(UUID id, long sentVersion) {
        return lock(id, sentVersion);
    }

    /** As {@link #lockCurrent}; a null version is not checked. */
    private Demand lock(UUID id, Long sentVersion) {
        Demand demand = repository.findForUpdate(id).orElseThrow(() -> Problems.notFound(WHAT, id));
        access.requireEditorOf(demand);
        if (sentVersion != null && demand.version != sentVersion) {
            throw Problems.versionConflict(WHAT, id, sentVersion, demand.version);
        }
        return demand;
    }

    /**
     * Universities applied on the terms of the challenge: once there are applications it cannot be
     * taken away, and once awarded it cannot change at all (409 {@code challenge-underway}).
     */
    private void requireChallengeKeptIfUnderway(Demand demand, Challenge challenge) {
        if (!demand.hasChallenge()) {
            return;
        }
        if (demand.challengeAwardedAt != null && !sameTerms(demand, challenge)) {
            throw ChallengeProblems.underway(demand.id, "it was awarded on " + demand.challengeAwardedAt
                    + "; its terms can no longer change");
        }
        if (challenge == null && applications.anyOf(demand.id)) {
            throw ChallengeProblems.underway(demand.id, "universities have applied to it; it cannot be removed");
        }
    }

    private static boolean sameTerms(Demand d, Challenge c) {
        return c != null && c.goal().strip().equals(d.challengeGoal)
                && Objects.equals(blankToNull(c.indicators()), d.challengeIndicators)
                && c.bountyCny().equals(d.challengeBountyCny)
                && c.applicationDeadline().equals(d.challengeApplicationDeadline)
                && c.judgingDeadline().equals(d.challengeJudgingDeadline);
    }

    private DemandResponse commit(Demand demand, String eventType) {
        demand.version++;
        demand.updatedAt = now();
        DemandResponse state = DemandViews.ofEditor(demand, challenges.of(demand));
        events.record(eventType, state);
        return state;
    }

    private static void apply(DemandRequest request, Demand demand) {
        demand.enterprise = request.enterprise().strip();
        demand.title = request.title().strip();
        demand.problem = request.problem().strip();
        demand.indicators = blankToNull(request.indicators());
        demand.fieldCode = request.fieldCode();
        demand.keywords = request.keywords().stream().map(String::strip).distinct().toList();
        demand.budgetMinCny = request.budget().minCny();
        demand.budgetMaxCny = request.budget().maxCny();
        demand.budgetNegotiable = request.budget().negotiable();
        demand.validUntil = request.validUntil();
        demand.regionCode = request.regionCode();
        demand.cooperationModes = List.copyOf(request.cooperationModes().stream().filter(Objects::nonNull).toList());
        demand.minTrl = request.minTrl() == null ? null : request.minTrl().shortValue();
        demand.confidentiality = request.confidentiality() == null ? Confidentiality.PUBLIC : request.confidentiality();
        Challenge challenge = request.challenge();
        demand.challengeGoal = challenge == null ? null : challenge.goal().strip();
        demand.challengeIndicators = challenge == null ? null : blankToNull(challenge.indicators());
        demand.challengeBountyCny = challenge == null ? null : challenge.bountyCny();
        demand.challengeApplicationDeadline = challenge == null ? null : challenge.applicationDeadline();
        demand.challengeJudgingDeadline = challenge == null ? null : challenge.judgingDeadline();
        demand.contactName = request.contact().name().strip();
        demand.contactPhone = blankToNull(request.contact().phone());
        demand.contactEmail = blankToNull(request.contact().email());
        demand.updatedAt = now();
    }

    /** PostgreSQL keeps microseconds: the response and the event show exactly what was stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
