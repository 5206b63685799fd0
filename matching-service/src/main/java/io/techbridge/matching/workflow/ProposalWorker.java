package io.techbridge.matching.workflow;

import io.techbridge.matching.domain.ListingType;
import io.techbridge.matching.persistence.ProposalTasks;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.techbridge.commons.tracing.BatchSpans;
import io.techbridge.commons.work.WorkerLoop;
import io.techbridge.commons.work.WorkerLoops;
import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.invitation.InvitationService;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drains the proposal queue with a few threads: each takes one record at a time, recomputes its
 * proposals (and a challenge demand's invitations) and removes its task in one transaction. Tasks
 * are locked with SKIP LOCKED, so threads and instances share the work without taking the same
 * record twice. Two records that share a pair may race for it: the loser fails on the pair's
 * unique key and its task is retried from the back.
 */
@ApplicationScoped
public class ProposalWorker {

    private static final Logger LOG = Logger.getLogger(ProposalWorker.class);
    /** While the queue is busy the backlog gauge is recounted this often (a count of a long queue is not free). */
    private static final long RECOUNT_NANOS = Duration.ofSeconds(5).toNanos();

    private final ProposalTasks tasks;
    private final ProposalService proposals;
    private final InvitationService invitations;
    private final DocumentIndexer documents;
    private final IndexAdmin indexes;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong lastRecount = new AtomicLong(System.nanoTime());
    private final WorkerLoops workers;
    private final BatchSpans spans;

    public ProposalWorker(ProposalTasks tasks, ProposalService proposals, InvitationService invitations,
            DocumentIndexer documents, IndexAdmin indexes, MatchingConfig config, MeterRegistry registry, BatchSpans spans) {
        this.tasks = tasks;
        this.spans = spans;
        this.proposals = proposals;
        this.invitations = invitations;
        this.documents = documents;
        this.indexes = indexes;
        Gauge.builder("techbridge.matching.proposal.backlog", backlog, AtomicLong::get)
                .description("Records waiting for their proposals to be recomputed").register(registry);
        this.workers = new WorkerLoops("proposal-worker", config.proposalWorkers(), Duration.ofSeconds(1), this::round, LOG);
    }

    void start(@Observes StartupEvent event) {
        workers.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        workers.stop();
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProposalTasks.Queued event) {
        workers.wake();
    }

    private WorkerLoop.Outcome round() {
        boolean worked = processOne();
        long now = System.nanoTime();
        long last = lastRecount.get();
        if ((!worked || now - last > RECOUNT_NANOS) && lastRecount.compareAndSet(last, now)) {
            backlog.set(QuarkusTransaction.requiringNew().call(tasks::backlog));
        }
        return worked ? WorkerLoop.Outcome.MORE : WorkerLoop.Outcome.IDLE;
    }

    /** Returns false when no task was free. */
    private boolean processOne() {
        AtomicReference<ProposalTasks.Task> current = new AtomicReference<>();
        try {
            return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
                Optional<ProposalTasks.Task> task = tasks.takeOldest();
                task.ifPresent(t -> {
                    current.set(t);
                    spans.continuing(t.traceParent(), "propose " + t.aggregateType(), () -> {
                        propose(t);
                        return null;
                    });
                    tasks.done(t);
                });
                return task.isPresent();
            });
        } catch (RuntimeException e) {
            ProposalTasks.Task failed = current.get();
            if (failed != null) {
                QuarkusTransaction.requiringNew().run(() -> tasks.postpone(failed));
            }
            throw e;
        }
    }
    private void propose(ProposalTasks.Task task) {
        indexes.ensureAliases();
        if (ListingType.ACHIEVEMENT.equals(task.aggregateType())) {
            AchievementDocument achievement = documents.achievements(IndexAdmin.ACHIEVEMENTS, List.of(task.aggregateId()))
                    .get(task.aggregateId());
            if (achievement != null) {
                proposals.proposeForAchievement(achievement);
                // Open challenges it is now proposed for may invite its organisation: they are matched again.
                invitations.reconsiderFor(achievement);
            }
        } else {
            DemandDocument demand = documents.demands(IndexAdmin.DEMANDS, List.of(task.aggregateId())).get(task.aggregateId());
            if (demand != null) {
                proposals.proposeForDemand(demand);
                // An open challenge invites its best-matching organisations in the same transaction.
                invitations.inviteFor(demand);
            }
        }
    }
}
