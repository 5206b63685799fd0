package io.techbridge.commons.work;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A fixed number of {@link WorkerLoop}s doing the same rounds, started, woken and stopped together. */
public final class WorkerLoops {

    private final List<WorkerLoop> loops = new ArrayList<>();

    /** {@code count} loops named {@code <name>-1} … {@code <name>-<count>}. */
    public WorkerLoops(String name, int count, Duration idlePoll, WorkerLoop.Round round, Logger log) {
        for (int i = 1; i <= count; i++) {
            loops.add(new WorkerLoop(name + "-" + i, idlePoll, round, log));
        }
    }

    public void start() {
        loops.forEach(WorkerLoop::start);
    }

    public void wake() {
        loops.forEach(WorkerLoop::wake);
    }

    public void stop() throws InterruptedException {
        for (WorkerLoop loop : loops) {
            loop.stop();
        }
    }
}
