package io.techbridge.matching.workflow;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.techbridge.matching.persistence.ProposalTasks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

/**
 * No proposal may stand for a record that left the candidate pool (closed, solved, withdrawn). Its
 * task withdraws them; a task lost to a fault (before it was fixed, a shard still recovering was read
 * as "no such record") would leave them in the brokers' queue for good. So, now and then, whichever
 * instance comes first queues such records again.
 */
@ApplicationScoped
public class PoolCheck {

    private static final Logger LOG = Logger.getLogger(PoolCheck.class);

    private final ProposalTasks tasks;
    private final Event<ProposalTasks.Queued> queued;

    public PoolCheck(ProposalTasks tasks, Event<ProposalTasks.Queued> queued) {
        this.tasks = tasks;
        this.queued = queued;
    }

    @Scheduled(every = "${techbridge.proposals.pool-check-every:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("the check for proposals of records out of the pool did not run: %s", e.getMessage());
        }
    }

    /** Queues the records out of the pool that still have proposals; returns how many. */
    public int run() {
        int found = QuarkusTransaction.requiringNew().call(() -> {
            int records = tasks.queueRecordsOutOfPoolWithProposals();
            if (records > 0) {
                queued.fire(new ProposalTasks.Queued());
            }
            return records;
        });
        if (found > 0) {
            LOG.warnf("%d records out of the pool still had proposals standing; queued to withdraw them", found);
        }
        return found;
    }
}
