package io.techbridge.commons.work;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkerLoopTest {

    private static final Logger LOG = Logger.getLogger(WorkerLoopTest.class);
    /** Long enough that a round after an idle one can only come from a wake-up. */
    private static final Duration IDLE_POLL = Duration.ofMinutes(10);

    /** When each round started, in nanoseconds. */
    private final BlockingQueue<Long> rounds = new LinkedBlockingQueue<>();
    private WorkerLoop loop;

    @AfterEach
    void stop() throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    /** A loop whose rounds do as {@code script} says, one entry a round, and then find nothing to do. */
    @SafeVarargs
    private WorkerLoop loop(Supplier<WorkerLoop.Outcome>... script) {
        Deque<Supplier<WorkerLoop.Outcome>> next = new ArrayDeque<>(List.of(script));
        loop = new WorkerLoop("test-worker", IDLE_POLL, () -> {
            rounds.add(System.nanoTime());
            Supplier<WorkerLoop.Outcome> round = next.poll();
            return round == null ? WorkerLoop.Outcome.IDLE : round.get();
        }, LOG);
        return loop;
    }

    private static Supplier<WorkerLoop.Outcome> ending(WorkerLoop.Outcome outcome) {
        return () -> outcome;
    }

    private static Supplier<WorkerLoop.Outcome> throwing() {
        return () -> {
            throw new IllegalStateException("database away");
        };
    }

    @Test
    void whileWorkWaitsRoundFollowsRoundThenItIdles() throws InterruptedException {
        loop(ending(WorkerLoop.Outcome.MORE), ending(WorkerLoop.Outcome.MORE)).start();
        for (int i = 0; i < 3; i++) {
            assertNotNull(rounds.poll(5, TimeUnit.SECONDS), "round " + (i + 1));
        }
        assertNull(rounds.poll(500, TimeUnit.MILLISECONDS), "a round while idle");
    }

    @Test
    void aWakeUpStartsTheNextRoundAtOnce() throws InterruptedException {
        loop().start();
        assertNotNull(rounds.poll(5, TimeUnit.SECONDS));
        assertNull(rounds.poll(300, TimeUnit.MILLISECONDS));
        loop.wake();
        assertNotNull(rounds.poll(5, TimeUnit.SECONDS), "no round after the wake-up");
        assertNull(rounds.poll(300, TimeUnit.MILLISECONDS), "one wake-up, one round");
    }

    @Test
    void aFailedOrThrowingRoundIsRetriedAfterABackOffThatGrows() throws InterruptedException {
        loop(ending(WorkerLoop.Outcome.FAILED), throwing()).start();
        long first = rounds.poll(5, TimeUnit.SECONDS);
        long second = rounds.poll(5, TimeUnit.SECONDS);
        long third = rounds.poll(5, TimeUnit.SECONDS);
        long firstBackOff = TimeUnit.NANOSECONDS.toMillis(second - first);
        long secondBackOff = TimeUnit.NANOSECONDS.toMillis(third - second);
        assertTrue(firstBackOff >= 450, "retried after " + firstBackOff + " ms");
        assertTrue(secondBackOff >= 950, "retried after " + secondBackOff + " ms, not twice as long");
        assertNull(rounds.poll(300, TimeUnit.MILLISECONDS), "a round while idle");
    }

    @Test
    void afterStopNoRoundRunsAndTheThreadIsGone() throws InterruptedException {
        loop(ending(WorkerLoop.Outcome.MORE)).start();
        assertNotNull(rounds.poll(5, TimeUnit.SECONDS));
        loop.stop();
        rounds.clear();
        loop.wake();
        assertNull(rounds.poll(300, TimeUnit.MILLISECONDS));
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("test-worker") && t.isAlive()), "the worker thread still runs");
    }
}
