package io.techbridge.matching.workflow;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.techbridge.commons.work.WorkerLoop;
import io.techbridge.matching.messaging.AchievementSnapshot;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.IndexAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drains the proposal queue: one record at a time, its proposals recomputed and its task removed
 * in one transaction. Tasks are locked with SKIP LOCKED, so several instances share the work.
 */
@ApplicationScoped
public class ProposalWorker {

    private static final Logger LOG = Logger.getLogger(ProposalWorker.class);

    private final ProposalTasks tasks;
    private final ProposalService proposals;
    private final DocumentIndexer documents;
    private final IndexAdmin indexes;
    private final AtomicLong backlog = new AtomicLong();
    private final WorkerLoop worker;

    public ProposalWorker(ProposalTasks tasks, ProposalService proposals, DocumentIndexer documents, IndexAdmin indexes,
            MeterRegistry registry) {
        this.tasks = tasks;
        this.proposals = proposals;
        this.documents = documents;
        this.indexes = indexes;
        Gauge.builder("techbridge.matching.proposal.backlog", backlog, AtomicLong::get)
                .description("Records waiting for their proposals to be recomputed").register(registry);
        this.worker = new WorkerLoop("proposal-worker", Duration.ofSeconds(1), this::round, LOG);
    }

    void start(@Observes StartupEvent event) {
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop();
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProposalTasks.Queued event) {
        worker.wake();
    }

    private WorkerLoop.Outcome round() {
        if (processOne()) {
            return WorkerLoop.Outcome.MORE;
        }
        backlog.set(QuarkusTransaction.requiringNew().call(tasks::backlog));
        return WorkerLoop.Outcome.IDLE;
    }

    /** Returns false when the queue was empty. */
    private boolean processOne() {
        Optional<ProposalTasks.Task> taken;
        try {
            taken = QuarkusTransaction.requiringNew().timeout(120).call(() -> {
                Optional<ProposalTasks.Task> task = tasks.takeOldest();
                task.ifPresent(t -> {
                    propose(t);
                    tasks.done(t);
                });
                return task;
            });
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> tasks.takeOldest().ifPresent(tasks::postpone));
            throw e;
        }
        if (taken.isPresent() && backlog.get() > 0) {
            backlog.decrementAndGet();
        }
        return taken.isPresent();
    }

    private void propose(ProposalTasks.Task task) {
        indexes.ensureAliases();
        if (AchievementSnapshot.AGGREGATE_TYPE.equals(task.aggregateType())) {
            AchievementDocument achievement = documents.achievements(IndexAdmin.ACHIEVEMENTS, List.of(task.aggregateId()))
                    .get(task.aggregateId());
            if (achievement != null) {
                proposals.proposeForAchievement(achievement);
            }
        } else {
            DemandDocument demand = documents.demands(IndexAdmin.DEMANDS, List.of(task.aggregateId())).get(task.aggregateId());
            if (demand != null) {
                proposals.proposeForDemand(demand);
            }
        }
    }
}
