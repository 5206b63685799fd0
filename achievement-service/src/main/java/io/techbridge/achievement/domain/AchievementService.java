package io.techbridge.achievement.domain;

import io.techbridge.achievement.api.AchievementRequest;
import io.techbridge.achievement.api.AchievementResponse;
import io.techbridge.achievement.api.AchievementViews;
import io.techbridge.achievement.duplicates.AchievementDuplicates;
import io.techbridge.achievement.duplicates.AchievementIndex;
import io.techbridge.achievement.messaging.AchievementEvents;
import io.techbridge.events.AchievementPayload;
import io.techbridge.achievement.persistence.Achievement;
import io.techbridge.achievement.persistence.AchievementDisclosure;
import io.techbridge.achievement.persistence.AchievementRepository;
import io.techbridge.achievement.security.AchievementAccess;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.api.PageResponse;
import io.techbridge.commons.problem.Problems;
import io.techbridge.listing.Listing;
import io.techbridge.listing.disclosure.MatchSide;
import io.techbridge.listing.duplicates.DuplicateCandidate;
import io.techbridge.listing.duplicates.DuplicateCheckResponse;
import io.techbridge.listing.duplicates.DuplicateTexts;
import io.techbridge.listing.duplicates.Fingerprint;
import io.techbridge.listing.query.ListingQuery;
import io.techbridge.listing.staleness.StaleListings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Every change of an achievement, each in one transaction with its event, and every read, each
 * shaped by what the caller may see. Who may do what is checked first ({@link AchievementAccess}).
 */
@ApplicationScoped
public class AchievementService implements StaleListings {

    /** What the listing kit knows of achievements. */
    @Produces
    static final Listing LISTING = new Listing("achievement", MatchSide.ACHIEVEMENT, AchievementDisclosure.class,
            "Published achievements marked stale because nobody changed them for a long time",
            new DuplicateTexts("成果", "%d registered achievement(s) look like this one (same patent or similar title"
                    + " or text); check them, or send the request again with ?duplicates=confirmed to register it anyway"));

    private static final String WHAT = "achievement";

    private final AchievementRepository repository;
    private final AchievementEvents events;
    private final AchievementAccess access;
    private final AchievementIndex duplicateIndex;
    private final AchievementDuplicates duplicates;

    public AchievementService(AchievementRepository repository, AchievementEvents events, AchievementAccess access,
            AchievementIndex duplicateIndex, AchievementDuplicates duplicates) {
        this.repository = repository;
        this.events = events;
        this.access = access;
        this.duplicateIndex = duplicateIndex;
        this.duplicates = duplicates;
    }

    /**
     * Registers an achievement; unless the caller confirmed it knows of them, near-duplicates
     * already registered (any organisation) refuse it with 409 possible-duplicate.
     */
    @Transactional
    public AchievementResponse create(AchievementRequest request, boolean duplicatesConfirmed) {
        String organisation = access.requireCreator(request.organisationId());
        if (!duplicatesConfirmed) {
            List<DuplicateCandidate> candidates = duplicates.candidates(fingerprintOf(request), null);
            if (!candidates.isEmpty()) {
                throw duplicates.possibleDuplicate(candidates);
            }
        }
        return createFor(organisation, request);
    }

    /** The near-duplicates a create with this body would be told about; nothing is stored. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DuplicateCheckResponse checkDuplicates(AchievementRequest request) {
        access.requireCreator(request.organisationId());
        return new DuplicateCheckResponse(duplicates.candidates(fingerprintOf(request), null));
    }

    private static Fingerprint fingerprintOf(AchievementRequest request) {
        return AchievementIndex.fingerprint(request.title(), request.summary(), request.patentNumbers());
    }

    /**
     * The create itself, once the caller's right to register for {@code organisation} was checked:
     * by {@link #create} for a request, by the import when the file was accepted. The request must
     * have passed the create validation.
     */
    @Transactional
    public AchievementResponse createFor(String organisation, AchievementRequest request) {
        AchievementStatus status = request.status() == null ? AchievementStatus.DRAFT : request.status();
        if (status != AchievementStatus.DRAFT && status != AchievementStatus.PUBLISHED) {
            throw Problems.invalidField("status", "AllowedOnCreate", "must be DRAFT or PUBLISHED when registering");
        }
        Achievement achievement = new Achievement();
        achievement.id = UUID.randomUUID();
        achievement.organisationId = organisation;
        achievement.status = status;
        achievement.version = 1;
        achievement.createdAt = Instant.now();
        apply(request, achievement);
        repository.persist(achievement);
        duplicateIndex.add(achievement);
        events.record(AchievementPayload.CREATED, achievement);
        return AchievementViews.of(achievement, AchievementViews.Rights.OWNER);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AchievementResponse get(UUID id) {
        Achievement achievement = repository.findByIdOptional(id).orElseThrow(() -> Problems.notFound(WHAT, id));
        AchievementViews.Rights rights = access.rightsOver(List.of(achievement));
        // A draft of another organisation is answered as if it did not exist.
        if (!rights.maySee(achievement)) {
            throw Problems.notFound(WHAT, id);
        }
        return AchievementViews.of(achievement, rights);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<AchievementResponse> list(AchievementRepository.Filter filter, PageRequest page) {
        ListingQuery.Page<Achievement> result = repository.search(filter, access.viewer(), page);
        AchievementViews.Rights rights = access.rightsOver(result.items());
        return PageResponse.of(result.items(), a -> AchievementViews.of(a, rights), page, result.total(),
                ListingQuery::keyOf);
    }

    @Transactional
    public AchievementResponse update(UUID id, AchievementRequest request) {
        access.requireEditorRole();
        Achievement achievement = lockCurrent(id, request.version());
        if (achievement.status.isFinal()) {
            throw Problems.illegalState(WHAT, id, achievement.status.name(), "edited");
        }
        if (achievement.status == AchievementStatus.STALE) {
            throw Problems.illegalState(WHAT, id, achievement.status.name(), "edited before it is confirmed");
        }
        if (request.organisationId() != null && !request.organisationId().equals(achievement.organisationId)) {
            throw Problems.invalidField("organisationId", "Immutable", "the owning organisation cannot be changed");
        }
        if (request.status() != null && request.status() != achievement.status) {
            throw Problems.invalidField("status", "Immutable",
                    "change the status with the publish, withdraw or transfer operations");
        }
        apply(request, achievement);
        duplicateIndex.replace(achievement);
        return commit(achievement, AchievementPayload.UPDATED);
    }

    @Transactional
    public AchievementResponse publish(UUID id, long version) {
        return changeStatus(id, version, AchievementStatus.DRAFT, AchievementStatus.PUBLISHED, null, "published",
                AchievementPayload.PUBLISHED);
    }

    /** The owner confirms a stale achievement is still on offer: STALE → PUBLISHED. */
    @Transactional
    public AchievementResponse confirm(UUID id, Long version, String reason) {
        access.requireEditorRole();
        Achievement achievement = lock(id, version);
        if (achievement.status != AchievementStatus.STALE) {
            throw Problems.illegalState(WHAT, id, achievement.status.name(), "confirmed (only a STALE one is)");
        }
        achievement.status = AchievementStatus.PUBLISHED;
        achievement.statusReason = reason;
        return commit(achievement, AchievementPayload.CONFIRMED);
    }

    /**
     * A broker merges a duplicate into the achievement it repeats: the duplicate is withdrawn and
     * points to the other one, which must be live (published or stale) and not itself.
     */
    @Transactional
    public AchievementResponse merge(UUID id, UUID intoId, Long version, String reason) {
        access.requireMerger();
        if (id.equals(intoId)) {
            throw Problems.invalidField("intoId", "NotSelf", "an achievement cannot be merged into itself");
        }
        Achievement duplicate = repository.findForUpdate(id).orElseThrow(() -> Problems.notFound(WHAT, id));
        if (version != null && duplicate.version != version) {
            throw Problems.versionConflict(WHAT, id, version, duplicate.version);
        }
        Achievement into = repository.findByIdOptional(intoId).orElseThrow(() -> Problems.invalidField("intoId",
                "Exists", "achievement " + intoId + " does not exist"));
        if (into.status != AchievementStatus.PUBLISHED && into.status != AchievementStatus.STALE) {
            throw Problems.illegalState(WHAT, intoId, into.status.name(), "merged into (it must be PUBLISHED or STALE)");
        }
        if (!duplicate.status.canBecome(AchievementStatus.WITHDRAWN)) {
            throw Problems.illegalState(WHAT, id, duplicate.status.name(), "merged");
        }
        duplicate.status = AchievementStatus.WITHDRAWN;
        duplicate.mergedInto = into.id;
        duplicate.statusReason = reason;
        return commit(duplicate, AchievementPayload.MERGED);
    }

    /**
     * Marks one batch of published achievements last changed before {@code cutoff} STALE, each a
     * change like any other: new version, its own event, same transaction.
     *
     * @return how many; fewer than {@code limit} means none is left (or the rest is locked)
     */
    @Override
    @Transactional
    public int markStale(Instant cutoff, int limit) {
        List<Achievement> due = repository.lockDueForStaleness(cutoff, limit);
        for (Achievement achievement : due) {
            achievement.status = AchievementStatus.STALE;
            achievement.statusReason = "unchanged since " + achievement.updatedAt + " (长期未更新，请确认或撤回)";
            commit(achievement, AchievementPayload.MARKED_STALE);
        }
        return due.size();
    }

    @Transactional
    public AchievementResponse withdraw(UUID id, long version, String reason) {
        return changeStatus(id, version, AchievementStatus.WITHDRAWN, reason, "withdrawn", AchievementPayload.WITHDRAWN);
    }

    @Transactional
    public AchievementResponse markTransferred(UUID id, long version, String reason) {
        return changeStatus(id, version, AchievementStatus.TRANSFERRED, reason, "marked transferred",
                AchievementPayload.TRANSFERRED);
    }

    private AchievementResponse changeStatus(UUID id, long version, AchievementStatus target, String reason,
            String action, String eventType) {
        return changeStatus(id, version, null, target, reason, action, eventType);
    }

    /** {@code from}: the one status the change starts from, or null for any that may become {@code target}. */
    private AchievementResponse changeStatus(UUID id, long version, AchievementStatus from, AchievementStatus target,
            String reason, String action, String eventType) {
        access.requireEditorRole();
        Achievement achievement = lockCurrent(id, version);
        if ((from != null && achievement.status != from) || !achievement.status.canBecome(target)) {
            throw Problems.illegalState(WHAT, id, achievement.status.name(), action);
        }
        achievement.status = target;
        achievement.statusReason = reason;
        return commit(achievement, eventType);
    }

    /** The record, locked, once the caller may change it (before the version, which a stranger must not learn). */
    private Achievement lockCurrent(UUID id, long sentVersion) {
        return lock(id, sentVersion);
    }

    /** As {@link #lockCurrent}; a null version is not checked. */
    private Achievement lock(UUID id, Long sentVersion) {
        Achievement achievement = repository.findForUpdate(id).orElseThrow(() -> Problems.notFound(WHAT, id));
        access.requireEditorOf(achievement);
        if (sentVersion != null && achievement.version != sentVersion) {
            throw Problems.versionConflict(WHAT, id, sentVersion, achievement.version);
        }
        return achievement;
    }

    private AchievementResponse commit(Achievement achievement, String eventType) {
        achievement.version++;
        achievement.updatedAt = Instant.now();
        events.record(eventType, achievement);
        return AchievementViews.of(achievement, AchievementViews.Rights.OWNER);
    }

    private static void apply(AchievementRequest request, Achievement achievement) {
        achievement.institution = request.institution().strip();
        achievement.title = request.title().strip();
        achievement.summary = request.summary().strip();
        achievement.keywords = request.keywords().stream().map(String::strip).toList();
        achievement.fieldCode = request.fieldCode();
        achievement.trl = request.trl().shortValue();
        achievement.ipForms = orEmpty(request.ipForms());
        achievement.patentNumbers = orEmpty(request.patentNumbers());
        achievement.transferModes = List.copyOf(request.transferModes());
        achievement.priceMinCny = request.askingPrice().minCny();
        achievement.priceMaxCny = request.askingPrice().maxCny();
        achievement.priceNegotiable = request.askingPrice().negotiable();
        achievement.freeTrialLicence = Boolean.TRUE.equals(request.freeTrialLicence());
        achievement.advantages = request.advantages();
        achievement.regionCode = request.regionCode();
        achievement.inventors = orEmpty(request.inventors());
        achievement.contactName = request.contact().name().strip();
        achievement.contactPhone = request.contact().phone();
        achievement.contactEmail = request.contact().email();
        achievement.updatedAt = Instant.now();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list.stream().filter(Objects::nonNull).toList());
    }
}
