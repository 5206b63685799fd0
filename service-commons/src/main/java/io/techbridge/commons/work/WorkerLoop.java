package io.techbridge.commons.work;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A background thread that works in rounds: at once again while work is waiting, after a short
 * idle poll (or a {@link #wake()}) when there is none, and with growing back-off after a failure.
 */
public final class WorkerLoop {

    public enum Outcome { MORE, IDLE, FAILED }

    /** One round of work; an exception counts as a failed round. */
    @FunctionalInterface
    public interface Round {
        Outcome run();
    }

    private static final Duration MIN_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final String name;
    private final Duration idlePoll;
    private final Round round;
    private final Logger log;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public WorkerLoop(String name, Duration idlePoll, Round round, Logger log) {
        this.name = name;
        this.idlePoll = idlePoll;
        this.round = round;
        this.log = log;
    }

    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    public synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(20));
        }
    }

    /** Starts the next round now instead of after the idle poll. */
    public void wake() {
        wake.release();
    }

    private void loop() {
        Duration backoff = MIN_BACKOFF;
        while (running) {
            try {
                Outcome outcome;
                try {
                    outcome = round.run();
                } catch (RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    log.warnf("%s: %s; retrying in %d ms", name, e.getMessage(), backoff.toMillis());
                    outcome = Outcome.FAILED;
                }
                if (outcome == Outcome.FAILED) {
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                    continue;
                }
                backoff = MIN_BACKOFF;
                if (outcome == Outcome.IDLE) {
                    wake.tryAcquire(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
