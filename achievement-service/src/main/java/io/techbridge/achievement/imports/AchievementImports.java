package io.techbridge.achievement.imports;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.techbridge.achievement.api.AchievementRequest;
import io.techbridge.achievement.domain.AchievementService;
import io.techbridge.commons.imports.ImportColumns;
import io.techbridge.commons.imports.ImportConfig;
import io.techbridge.commons.imports.ImportJob;
import io.techbridge.commons.imports.ImportJobStore;
import io.techbridge.commons.imports.ImportJobs;
import io.techbridge.commons.imports.ImportWorker;
import io.techbridge.commons.imports.RowReader.Mapped;
import io.techbridge.commons.outbox.OutboxWriter;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.function.Function;

/**
 * Achievement imports: universities register achievements from their spreadsheets; each good row
 * becomes a DRAFT achievement of the uploading organisation, exactly as a create makes it.
 */
@Singleton
public class AchievementImports implements ImportWorker.Target<AchievementColumn, AchievementRequest> {

    private static final Logger LOG = Logger.getLogger(AchievementImports.class);

    private final Caller caller;
    private final AchievementService achievements;
    private final Validator validator;
    private final ImportJobs<AchievementColumn> jobs;
    private final ImportWorker<AchievementColumn, AchievementRequest> worker;

    public AchievementImports(EntityManager entityManager, Caller caller, ImportConfig config, OutboxWriter outbox,
            AchievementService achievements, Validator validator) {
        this.caller = caller;
        this.achievements = achievements;
        this.validator = validator;
        ImportJobStore store = new ImportJobStore(entityManager);
        this.worker = new ImportWorker<>("achievement-import", store, outbox, config, this, LOG);
        this.jobs = new ImportJobs<>(store, caller, config, AchievementColumn.SCHEMA, worker::wake);
    }

    void start(@Observes StartupEvent event) {
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop();
    }

    /** The caller's right to import (university role), checked before the file is read. */
    public ImportJob.Importer requireImporter() {
        caller.requireRole(Role.UNIVERSITY);
        String organisation = caller.requireOrganisation();
        return new ImportJob.Importer(organisation, organisation, caller.name());
    }

    public ImportJobs<AchievementColumn> jobs() {
        return jobs;
    }

    @Override
    public ImportColumns.Schema<AchievementColumn> schema() {
        return AchievementColumn.SCHEMA;
    }

    @Override
    public Function<List<String>, Mapped<AchievementRequest>> rowMapper(ImportColumns<AchievementColumn> columns) {
        return new AchievementRowMapper(columns, validator);
    }

    @Override
    public void create(ImportJob job, AchievementRequest request) {
        achievements.createFor(job.organisationId(), request);
    }
}
