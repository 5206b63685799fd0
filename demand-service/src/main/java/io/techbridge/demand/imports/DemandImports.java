package io.techbridge.demand.imports;

import io.techbridge.commons.outbox.OutboxWriter;
import io.techbridge.commons.problem.ProblemException;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.demand.api.DemandRequest;
import io.techbridge.demand.api.DemandResponse;
import io.techbridge.demand.domain.DemandService;
import io.techbridge.demand.duplicates.DemandDuplicates;
import io.techbridge.demand.duplicates.DemandIndex;
import io.techbridge.demand.security.DemandAccess;
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
import java.util.regex.Pattern;

/**
 * Demand imports: an enterprise posts its demands from a spreadsheet, or an admin (the operator's
 * technology-transfer centre) imports government-set open challenges for an enterprise, naming its
 * organisation. Each good row becomes an OPEN demand, exactly as a create by the uploader makes it
 * and under the same rules, unless it has near-duplicates ({@link ListingImports}).
 */
@Singleton
public class DemandImports extends ListingImports<DemandColumn, DemandRequest, DemandResponse> {

    private static final Pattern ORGANISATION_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");

    private final Caller caller;
    private final DemandService demands;
    private final Validator validator;

    public DemandImports(Listing listing, EntityManager entityManager, Caller caller, ImportConfig config,
            OutboxWriter outbox, DemandService demands, DemandDuplicates duplicates, DemandIndex index,
            Validator validator) {
        super("demand-import", DemandColumn.SCHEMA, DemandColumn.TITLE, listing, entityManager, caller, config, outbox,
                duplicates, index, Logger.getLogger(DemandImports.class));
        this.caller = caller;
        this.demands = demands;
        this.validator = validator;
    }

    /**
     * Who imports for which organisation, checked before the file is read: an enterprise for its own
     * (naming another → 403); an admin for the enterprise it names (none → 400; its own operator
     * organisation → 400), as when it posts a government-set challenge. That the named organisation
     * exists is checked by the gateway, which owns the organisations. Each row is then held to the
     * rules of a create by that uploader ({@link #requireAllowed}).
     */
    public ImportJob.Importer requireImporter(String organisationId, boolean duplicatesConfirmed) {
        Role role = caller.requireRole(Role.ENTERPRISE, Role.ADMIN);
        String own = caller.requireOrganisation();
        String named = organisationId == null || organisationId.isBlank() ? null : organisationId.strip();
        if (role == Role.ADMIN) {
            if (named == null) {
                throw Problems.invalidQuery("organisationId", "NotBlank",
                        "an admin importing demands must name the organisation they are for");
            }
            if (named.length() > 64 || !ORGANISATION_ID.matcher(named).matches()) {
                throw Problems.invalidQuery("organisationId", "Pattern",
                        "must be at most 64 letters, digits, '.', '_' or '-'");
            }
            if (named.equals(own)) {
                // The job tells an admin's import from an enterprise's by the two organisations differing.
                throw Problems.invalidQuery("organisationId", "NotOwn",
                        "an admin imports demands for an enterprise: name its organisation, not your own (" + own + ")");
            }
            return new ImportJob.Importer(named, own, caller.name(), duplicatesConfirmed);
        }
        if (named != null && !named.equals(own)) {
            throw Problems.forbidden("organisationId: you may import demands only for your own organisation (" + own + ")");
        }
        return new ImportJob.Importer(own, own, caller.name(), duplicatesConfirmed);
    }

    /**
     * A row is held to exactly the rules of a create by its uploader ({@link DemandAccess#posterOf}):
     * an admin's row must be a government-set open challenge (揭榜挂帅), as an admin's POST must.
     */
    @Override
    protected void requireAllowed(ImportJob job, DemandRequest request) {
        posterOf(job, request);
    }

    private static DemandAccess.Poster posterOf(ImportJob job, DemandRequest request) {
        Role role = byAdmin(job) ? Role.ADMIN : Role.ENTERPRISE;
        try {
            return DemandAccess.posterOf(role, job.uploaderOrganisationId(), request.withOrganisationId(job.organisationId()));
        } catch (ProblemException refused) {
            if (role == Role.ADMIN && request.challenge() == null) {
                throw Problems.forbidden("an admin may import only government-set open challenges (揭榜挂帅), as it may"
                        + " post only those: fill in " + DemandColumn.CHALLENGE_GOAL.displayName() + ", "
                        + DemandColumn.BOUNTY.displayName() + ", " + DemandColumn.APPLICATION_DEADLINE.displayName()
                        + " and " + DemandColumn.JUDGING_DEADLINE.displayName());
            }
            throw refused;
        }
    }

    /** Only an admin imports for another organisation than its own ({@link #requireImporter}). */
    private static boolean byAdmin(ImportJob job) {
        return !job.organisationId().equals(job.uploaderOrganisationId());
    }

    @Override
    public Function<List<String>, Mapped<DemandRequest>> rowMapper(ImportColumns<DemandColumn> columns) {
        return new DemandRowMapper(columns, validator);
    }

    @Override
    protected Fingerprint fingerprintOf(DemandRequest request) {
        return DemandIndex.fingerprint(request.title(), request.problem());
    }

    @Override
    protected DemandResponse store(ImportJob job, DemandRequest request) {
        return demands.createFor(posterOf(job, request), request);
    }

    /** An admin sees everything. */
    @Override
    protected boolean uploaderSeesEverything(ImportJob job) {
        return byAdmin(job);
    }

    @Override
    protected DuplicateCandidate candidateOf(DemandResponse created, DuplicateRules.Verdict verdict) {
        return DuplicateCandidate.of(created.id(), created.title(), created.organisationId(), created.status().name(),
                verdict);
    }
}
