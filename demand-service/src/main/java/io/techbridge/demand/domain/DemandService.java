package io.techbridge.demand.domain;

import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.api.PageResponse;
import io.techbridge.commons.problem.Problems;
import io.techbridge.demand.api.Challenge;
import io.techbridge.demand.api.DemandRequest;
import io.techbridge.demand.api.DemandResponse;
import io.techbridge.demand.api.DemandView;
import io.techbridge.demand.api.DemandViews;
import io.techbridge.demand.config.DemandClock;
import io.techbridge.demand.messaging.DemandEvents;
import io.techbridge.demand.persistence.Demand;
import io.techbridge.demand.persistence.DemandRepository;
import io.techbridge.demand.security.DemandAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Every change of a demand, each in one transaction with its event, and every read, each shaped
 * by what the caller may see. Who may do what is checked first ({@link DemandAccess}).
 */
@ApplicationScoped
public class DemandService {

    private static final String WHAT = "demand";

    private final DemandRepository repository;
    private final DemandEvents events;
    private final DemandClock clock;
    private final DemandAccess access;

    public DemandService(DemandRepository repository, DemandEvents events, DemandClock clock, DemandAccess access) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.access = access;
    }

    @Transactional
    public DemandResponse create(DemandRequest request) {
        DemandAccess.Poster poster = access.requirePoster(request);
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
        events.record(DemandEvents.CREATED, DemandResponse.of(demand));
        return DemandViews.ofEditor(demand);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DemandView get(UUID id) {
        Demand demand = repository.findByIdOptional(id).orElseThrow(() -> Problems.notFound(WHAT, id));
        return DemandViews.of(demand, access.rightsOver(List.of(demand)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<DemandView> list(DemandRepository.Filter filter, PageRequest page) {
        DemandRepository.Page result = repository.search(filter, access.viewer(), page);
        DemandViews.Rights rights = access.rightsOver(result.items());
        return PageResponse.of(result.items(), d -> DemandViews.of(d, rights), page, result.total());
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
        if (request.organisationId() != null && !request.organisationId().equals(demand.organisationId)) {
            throw Problems.invalidField("organisationId", "Immutable", "the owning organisation cannot be changed");
        }
        LocalDate today = clock.today();
        if (!request.validUntil().equals(demand.validUntil) && !request.validUntil().isAfter(today)) {
            throw Problems.invalidField("validUntil", "Future", "must be a future date");
        }
        Challenge challenge = request.challenge();
        if (challenge != null && !challenge.applicationDeadline().equals(demand.challengeApplicationDeadline)
                && !challenge.applicationDeadline().isAfter(today)) {
            throw Problems.invalidField("challenge.applicationDeadline", "Future", "must be a future date");
        }
        apply(request, demand);
        return commit(demand, DemandEvents.UPDATED);
    }

    @Transactional
    public DemandResponse startNegotiation(UUID id, long version, String reason) {
        return changeStatus(id, version, DemandStatus.IN_NEGOTIATION, reason, "moved into negotiation",
                DemandEvents.IN_NEGOTIATION);
    }

    @Transactional
    public DemandResponse solve(UUID id, long version, String reason) {
        return changeStatus(id, version, DemandStatus.SOLVED, reason, "marked solved", DemandEvents.SOLVED);
    }

    @Transactional
    public DemandResponse close(UUID id, long version, String reason) {
        return changeStatus(id, version, DemandStatus.CLOSED, reason, "closed", DemandEvents.CLOSED);
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
            commit(demand, DemandEvents.EXPIRED);
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
        Demand demand = repository.findForUpdate(id).orElseThrow(() -> Problems.notFound(WHAT, id));
        access.requireEditorOf(demand);
        if (demand.version != sentVersion) {
            throw Problems.versionConflict(WHAT, id, sentVersion, demand.version);
        }
        return demand;
    }

    private DemandResponse commit(Demand demand, String eventType) {
        demand.version++;
        demand.updatedAt = now();
        events.record(eventType, DemandResponse.of(demand));
        return DemandViews.ofEditor(demand);
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
