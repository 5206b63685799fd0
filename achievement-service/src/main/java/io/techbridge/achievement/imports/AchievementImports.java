package io.techbridge.achievement.imports;

import io.techbridge.achievement.api.AchievementRequest;
import io.techbridge.achievement.api.AchievementResponse;
import io.techbridge.achievement.domain.AchievementService;
import io.techbridge.achievement.duplicates.AchievementDuplicates;
import io.techbridge.achievement.duplicates.AchievementIndex;
import io.techbridge.achievement.security.AchievementAccess;
import io.techbridge.commons.outbox.OutboxWriter;
import io.techbridge.commons.security.Caller;
import io.techbridge.listing.Listing;
import io.techbridge.listing.duplicates.DuplicateCandidate;
import io.techbridge.listing.duplicates.DuplicateRules;
import io.techbridge.listing.duplicates.Fingerprint;
import io.techbridge.listing.imports.ImportColumns;
import io.techbridge.listing.imports.ImportConfig;
import io.techbridge.listing.imports.ImportJob;
import io.techbridge.listing.imports.ListingImports;
import io.techbridge.listing.imports.RowReader.Mapped;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.function.Function;

/**
 * Achievement imports: universities register achievements from their spreadsheets; each good row
 * becomes a DRAFT achievement of the uploading organisation, exactly as a create makes it, unless it
 * has near-duplicates ({@link ListingImports}).
 */
@Singleton
public class AchievementImports extends ListingImports<AchievementColumn, AchievementRequest, AchievementResponse> {

    private final Caller caller;
    private final AchievementAccess access;
    private final AchievementService achievements;
    private final Validator validator;

    public AchievementImports(Listing listing, EntityManager entityManager, Caller caller, ImportConfig config,
            OutboxWriter outbox, AchievementAccess access, AchievementService achievements,
            AchievementDuplicates duplicates, AchievementIndex index, Validator validator) {
        super("achievement-import", AchievementColumn.SCHEMA, AchievementColumn.TITLE, listing, entityManager, caller,
                config, outbox, duplicates, index, Logger.getLogger(AchievementImports.class));
        this.caller = caller;
        this.access = access;
        this.achievements = achievements;
        this.validator = validator;
    }

    /**
     * The caller's right to import, checked before the file is read: exactly a create's
     * ({@link AchievementAccess#requireCreator}): a university, for its own organisation (an
     * {@code organisationId} naming another → 403). Every row is registered for that organisation.
     */
    public ImportJob.Importer requireImporter(String organisationId, boolean duplicatesConfirmed) {
        String named = organisationId == null || organisationId.isBlank() ? null : organisationId.strip();
        String organisation = access.requireCreator(named);
        return new ImportJob.Importer(organisation, organisation, caller.name(), duplicatesConfirmed);
    }

    @Override
    public Function<List<String>, Mapped<AchievementRequest>> rowMapper(ImportColumns<AchievementColumn> columns) {
        return new AchievementRowMapper(columns, validator);
    }

    @Override
    protected Fingerprint fingerprintOf(AchievementRequest request) {
        return AchievementIndex.fingerprint(request.title(), request.summary(), request.patentNumbers());
    }

    @Override
    protected AchievementResponse store(ImportJob job, AchievementRequest request) {
        return achievements.createFor(job.organisationId(), request);
    }

    @Override
    protected DuplicateCandidate candidateOf(AchievementResponse created, DuplicateRules.Verdict verdict) {
        return DuplicateCandidate.of(created.id(), created.title(), created.organisationId(), created.status().name(),
                verdict);
    }
}
