package io.techbridge.demand.imports;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.techbridge.commons.imports.ImportColumns;
import io.techbridge.commons.imports.ImportConfig;
import io.techbridge.commons.imports.ImportJob;
import io.techbridge.commons.imports.ImportJobStore;
import io.techbridge.commons.imports.ImportJobs;
import io.techbridge.commons.imports.ImportWorker;
import io.techbridge.commons.imports.RowReader.Mapped;
import io.techbridge.commons.outbox.OutboxWriter;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.demand.api.DemandRequest;
import io.techbridge.demand.domain.DemandService;
import io.techbridge.demand.security.DemandAccess;
import jakarta.enterprise.event.Observes;
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
 * good row becomes an OPEN demand, exactly as a create makes it.
 */
@Singleton
public class DemandImports implements ImportWorker.Target<DemandColumn, DemandRequest> {

    private static final Logger LOG = Logger.getLogger(DemandImports.class);
    private static final Pattern ORGANISATION_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");

    private final Caller caller;
    private final DemandService demands;
    private final Validator validator;
    private final ImportJobs<DemandColumn> jobs;
    private final ImportWorker<DemandColumn, DemandRequest> worker;

    public DemandImports(EntityManager entityManager, Caller caller, ImportConfig config, OutboxWriter outbox,
            DemandService demands, Validator validator) {
        this.caller = caller;
        this.demands = demands;
        this.validator = validator;
        ImportJobStore store = new ImportJobStore(entityManager);
        this.worker = new ImportWorker<>("demand-import", store, outbox, config, this, LOG);
        this.jobs = new ImportJobs<>(store, caller, config, DemandColumn.SCHEMA, worker::wake);
    }

    void start(@Observes StartupEvent event) {
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop();
    }

    /**
     * Who imports for which organisation, checked before the file is read: an enterprise for its own
     * (naming another → 403); an admin for the organisation it names (none → 400), as when it posts
     * a government-set challenge.
     */
    public ImportJob.Importer requireImporter(String organisationId) {
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
            return new ImportJob.Importer(named, own, caller.name());
        }
        if (named != null && !named.equals(own)) {
            throw Problems.forbidden("organisationId: you may import demands only for your own organisation (" + own + ")");
        }
        return new ImportJob.Importer(own, own, caller.name());
    }

    public ImportJobs<DemandColumn> jobs() {
        return jobs;
    }

    @Override
    public ImportColumns.Schema<DemandColumn> schema() {
        return DemandColumn.SCHEMA;
    }

    @Override
    public Function<List<String>, Mapped<DemandRequest>> rowMapper(ImportColumns<DemandColumn> columns) {
        return new DemandRowMapper(columns, validator);
    }

    @Override
    public void create(ImportJob job, DemandRequest request) {
        demands.createFor(new DemandAccess.Poster(job.organisationId(), job.uploaderOrganisationId()), request);
    }
}
