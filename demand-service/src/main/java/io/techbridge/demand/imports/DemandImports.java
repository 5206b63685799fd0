package io.techbridge.demand.imports;

import io.techbridge.commons.outbox.OutboxWriter;
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
 * technology-transfer centre) imports an enterprise's demand forms naming its organisation. Each
 * good row becomes an OPEN demand, exactly as a create makes it, unless it has near-duplicates
 * ({@link ListingImports}).
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
     * (naming another → 403); an admin for the organisation it names (none → 400), as when it posts
     * a government-set challenge.
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
            return new ImportJob.Importer(named, own, caller.name(), duplicatesConfirmed);
        }
        if (named != null && !named.equals(own)) {
            throw Problems.forbidden("organisationId: you may import demands only for your own organisation (" + own + ")");
        }
        return new ImportJob.Importer(own, own, caller.name(), duplicatesConfirmed);
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
        return demands.createFor(new DemandAccess.Poster(job.organisationId(), job.uploaderOrganisationId()), request);
    }

    /** Only an admin imports for another organisation than its own, and an admin sees everything. */
    @Override
    protected boolean uploaderSeesEverything(ImportJob job) {
        return !job.organisationId().equals(job.uploaderOrganisationId());
    }

    @Override
    protected DuplicateCandidate candidateOf(DemandResponse created, DuplicateRules.Verdict verdict) {
        return DuplicateCandidate.of(created.id(), created.title(), created.organisationId(), created.status().name(),
                verdict);
    }
}
