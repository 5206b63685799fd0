package io.techbridge.deploy.local.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the drill did and saw, shared by its workers: the phases (one per killed process), when
 * each process was down, every request with its answer, and the records it wrote with the last
 * version each write was acknowledged at.
 */
final class Ledger {

    /** How long after a process is healthy again a 503/504 still counts as its outage (pools reconnecting). */
    static final Duration SETTLE = Duration.ofSeconds(10);

    /** One phase: from the start of its steady load, through the kill of its process, to the next phase. */
    static final class Phase {
        final int index;
        final String process;
        final Instant start;
        volatile Instant killed;
        volatile Instant healthy;
        volatile Instant firstSuccessAfterRestart;

        Phase(int index, String process, Instant start) {
            this.index = index;
            this.process = process;
            this.start = start;
        }
    }

    /** The outcome of a request. */
    enum Answer { SUCCESS, DESERVED, UNAVAILABLE, WRONG }

    record Request(int phase, String kind, boolean write, Instant sent, Instant answered, int status, Answer answer,
            String detail) {
    }

    /** What the drill wrote to one record: the versions acknowledged, by phase. */
    static final class Record {
        final String type;
        final String id;
        final Set<String> dependsOn;
        long ackedVersion;
        String ackedStatus;
        int ackedPhase;
        /** Phase of each acknowledged version. */
        final Map<Long, Integer> ackedVersions = new ConcurrentHashMap<>();
        /** A write whose outcome is unknown (no answer, 503/504) was sent after the last acknowledgement. */
        boolean uncertain;
        /** The version and status last read back (after an uncertain write). */
        long knownVersion;
        String knownStatus;

        Record(String type, String id, Set<String> dependsOn) {
            this.type = type;
            this.id = id;
            this.dependsOn = dependsOn;
        }

        synchronized void acknowledged(long version, String status, int phase) {
            ackedVersion = Math.max(ackedVersion, version);
            ackedStatus = status;
            ackedPhase = phase;
            ackedVersions.put(version, phase);
            knownVersion = version;
            knownStatus = status;
            uncertain = false;
        }
    }

    final List<Phase> phases = new CopyOnWriteArrayList<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Map<String, Record> records = new ConcurrentHashMap<>();
    /** Import jobs started by the drill: job id → phase. */
    final Map<String, Integer> importJobs = new ConcurrentHashMap<>();

    synchronized Phase startPhase(String process) {
        Phase phase = new Phase(phases.size(), process, Instant.now());
        phases.add(phase);
        return phase;
    }

    int currentPhase() {
        return Math.max(0, phases.size() - 1);
    }

    /** The phase a moment falls in. */
    int phaseAt(Instant at) {
        int found = 0;
        for (Phase phase : phases) {
            if (!at.isBefore(phase.start)) {
                found = phase.index;
            }
        }
        return found;
    }

    /** Whether any of these processes was down (killed, not yet healthy and settled) during [from, to]. */
    boolean anyDown(Collection<String> processes, Instant from, Instant to) {
        for (Phase phase : phases) {
            if (phase.killed == null || !processes.contains(phase.process)) {
                continue;
            }
            Instant upAgain = phase.healthy == null ? Instant.MAX : phase.healthy.plus(SETTLE);
            if (!to.isBefore(phase.killed) && !from.isAfter(upAgain)) {
                return true;
            }
        }
        return false;
    }

    void record(Request request, Collection<String> dependsOn) {
        requests.add(request);
        if (request.answer() == Answer.SUCCESS) {
            for (Phase phase : phases) {
                // No request waits for Kafka (changes go through the outbox): its recovery is the first write after it.
                // An instance of the cluster shape ("achievement-service-2", "kafka-2") counts as its service.
                String service = phase.process.replaceFirst("-\\d+$", "");
                boolean measures = dependsOn.contains(service) || (request.write() && service.equals("kafka"));
                if (phase.healthy != null && phase.firstSuccessAfterRestart == null && measures
                        && !request.sent().isBefore(phase.healthy)) {
                    phase.firstSuccessAfterRestart = request.answered();
                }
            }
        }
    }

    Record track(String type, String id, Set<String> dependsOn) {
        return records.computeIfAbsent(type + ":" + id, k -> new Record(type, id, dependsOn));
    }

    List<Record> records(String type) {
        List<Record> list = new ArrayList<>();
        for (Record record : records.values()) {
            if (record.type.equals(type)) {
                list.add(record);
            }
        }
        return list;
    }
}
