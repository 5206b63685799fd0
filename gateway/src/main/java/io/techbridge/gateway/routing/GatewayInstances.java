package io.techbridge.gateway.routing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.techbridge.commons.work.WorkerLoop;
import io.techbridge.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * How many gateway instances are live. Each instance marks itself seen in the table
 * {@code gateway_instance} at every poll ({@code techbridge.gateway.token.revocation-poll}) and
 * counts those seen within three polls. The rate limits are shared through the database; only while
 * it cannot be reached does each instance hold a share of every limit in memory, one per live
 * instance ({@link RateLimiter}), so the limits still hold in all about once. An instance that cannot
 * reach the database keeps its last count.
 */
@ApplicationScoped
public class GatewayInstances {

    private static final Logger LOG = Logger.getLogger(GatewayInstances.class);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final UUID id = UUID.randomUUID();
    private final Instant startedAt = Instant.now();
    private final EntityManager entityManager;
    private final Duration live;
    private final WorkerLoop worker;
    private volatile int count = 1;

    public GatewayInstances(EntityManager entityManager, GatewayConfig config) {
        this.entityManager = entityManager;
        Duration poll = config.token().revocationPoll();
        this.live = poll.multipliedBy(3);
        this.worker = new WorkerLoop("gateway-instances", poll, this::round, LOG);
    }

    void start(@Observes StartupEvent event) {
        round();
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop();
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("DELETE FROM gateway_instance WHERE id = ?1").setParameter(1, id).executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("could not remove this instance from gateway_instance (it lapses by itself): %s", e.getMessage());
        }
    }

    /** The live instances, this one included (at least 1). */
    public int count() {
        return count;
    }

    private WorkerLoop.Outcome round() {
        Instant now = Instant.now();
        long seen = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("INSERT INTO gateway_instance (id, started_at, seen_at) VALUES (?1, ?2, ?3) "
                            + "ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at")
                    .setParameter(1, id).setParameter(2, startedAt).setParameter(3, now).executeUpdate();
            entityManager.createNativeQuery("DELETE FROM gateway_instance WHERE seen_at < ?1")
                    .setParameter(1, now.minus(FORGET_AFTER)).executeUpdate();
            return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM gateway_instance WHERE seen_at > ?1")
                    .setParameter(1, now.minus(live)).getSingleResult()).longValue();
        });
        int instances = (int) Math.max(1, seen);
        if (instances != count) {
            LOG.infof("%d gateway instances are live", instances);
            count = instances;
        }
        return WorkerLoop.Outcome.IDLE;
    }
}
