package io.techbridge.deploy.local.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techbridge.deploy.local.LocalStack;
import io.techbridge.deploy.local.PostgresServer;
import io.techbridge.deploy.local.StackSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code deploy/local/drill}: the fault drill. On a running local stack it keeps a steady mixed
 * workload going through the gateway ({@link Workload}) and meanwhile kills each process of the
 * stack in turn with SIGKILL, starts it again with {@code deploy/local/restart} and waits until it
 * is healthy; at the end it waits for quiet and checks every record ({@link Checks}). It prints a
 * table per killed process and exits 1 if anything was lost, duplicated, out of order, stale in
 * the index or answered wrongly.
 */
public final class FaultDrill {

    private record Options(int writes, int rounds, double rate, List<String> processes, Path json) {
        static Options parse(String[] args) {
            int writes = 10_000;
            int rounds = 2;
            double rate = 12;
            List<String> processes = null;
            boolean cluster = false;
            Path json = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--short" -> {
                        writes = 1_000;
                        rounds = 1;
                    }
                    case "--writes" -> writes = Integer.parseInt(args[++i]);
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--rate" -> rate = Double.parseDouble(args[++i]);
                    case "--processes" -> processes = List.of(args[++i].split(","));
                    // On the cluster shape: one broker, one node and one instance of every service and gateway.
                    case "--cluster" -> cluster = true;
                    case "--json" -> json = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; usage: drill [--short]"
                            + " [--cluster] [--json FILE] [--writes N] [--rounds N] [--rate WRITES_PER_S] [--processes a,b]");
                }
            }
            if (processes == null) {
                processes = cluster ? CLUSTER_PROCESSES : LocalStack.PROCESSES;
            }
            return new Options(writes, rounds, rate, processes, json);
        }
    }

    /** What {@code --cluster} kills: the drill's requests go to gateway-1, so gateway-2 is the one lost. */
    static final List<String> CLUSTER_PROCESSES = List.of("kafka-2", "elasticsearch-2", "achievement-service-2",
            "demand-service-2", "matching-service-2", "gateway-2");

    private final StackSettings settings;
    private final LocalStack stack;
    private final Options options;
    private final Ledger ledger = new Ledger();

    private FaultDrill(StackSettings settings, Options options) {
        this.settings = settings;
        this.stack = new LocalStack(settings);
        this.options = options;
        for (String process : options.processes()) {
            if (!stack.processNames().contains(process)) {
                throw new IllegalArgumentException("no process " + process + "; one of " + stack.processNames());
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        FaultDrill drill;
        try {
            drill = new FaultDrill(StackSettings.fromEnvironment(System.getenv()), options);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        boolean passed = drill.run();
        System.exit(passed ? 0 : 1);
    }

    private boolean run() throws Exception {
        for (String process : stack.processNames()) {
            if (stack.pid(process).isEmpty()) {
                throw new IllegalStateException(process + " is not running: start the stack first (deploy/local/up)");
            }
        }
        String gateway = "http://localhost:" + settings.gatewayPort();
        DrillClient client = new DrillClient(gateway, ledger);
        Map<String, DrillClient.Session> sessions = new HashMap<>();
        Map<String, String> organisations = new HashMap<>();
        JsonNode accounts = DrillClient.JSON.readTree(settings.dataDir().resolve("demo-accounts.json").toFile());
        for (JsonNode account : accounts) {
            String role = switch (account.get("username").asText()) {
                case "zju-tto" -> "university";
                case "sjtu-tto" -> "importer";
                case "huarui" -> "enterprise";
                case "broker" -> "broker";
                default -> null;
            };
            if (role != null) {
                sessions.put(role, client.logIn(account.get("username").asText(), account.get("password").asText()));
                organisations.put(role, account.get("organisationId").asText());
            }
        }
        Path demo = settings.projectDir().resolve("deploy/local/demo");
        Workload workload = new Workload(client, ledger, options.rate(),
                DrillClient.JSON.readTree(demo.resolve("achievements.json").toFile()),
                DrillClient.JSON.readTree(demo.resolve("demands.json").toFile()), sessions, organisations);
        int phases = options.rounds() * options.processes().size();
        System.out.printf("Fault drill %s: about %d writes at %.0f/s, %d round(s) killing %s%n", workload.run(),
                options.writes(), options.rate(), options.rounds(), String.join(", ", options.processes()));
        Instant started = Instant.now();
        workload.start();
        int phase = 0;
        for (int round = 0; round < options.rounds(); round++) {
            for (String process : options.processes()) {
                int phaseStart = workload.writes();
                int phaseEnd = (int) ((long) options.writes() * (phase + 1) / phases);
                Ledger.Phase current = ledger.startPhase(process);
                awaitWrites(workload, phaseStart + (phaseEnd - phaseStart) / 4);
                workload.importNow();
                Thread.sleep(300);
                kill(process, current);
                Thread.sleep(1000);
                restart(process, current);
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while ((workload.writes() < phaseEnd || current.firstSuccessAfterRestart == null)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                awaitWrites(workload, phaseEnd);
                System.out.printf("  %-20s killed, back in %5.1f s, first success after %5.1f s (%d writes so far)%n",
                        process, seconds(current.killed, current.healthy),
                        current.firstSuccessAfterRestart == null ? Double.NaN
                                : seconds(current.killed, current.firstSuccessAfterRestart), workload.writes());
                phase++;
            }
        }
        workload.stop();
        System.out.printf("workload stopped after %.0f s; waiting for quiet ...%n", seconds(started, Instant.now()));
        PostgresServer postgres = new PostgresServer(settings.dataDir().resolve("postgres"), settings.postgresPort());
        Checks checks = new Checks(postgres, "127.0.0.1:" + settings.kafkaPort(),
                "http://127.0.0.1:" + settings.elasticsearchPort(), ledger);
        boolean quiet = checks.awaitQuiet(Duration.ofMinutes(options.rounds() > 1 ? 10 : 5));
        if (!quiet) {
            System.out.println("the stack did not become quiet in time; checking what there is");
        }
        checks.run();
        return report(checks, quiet);
    }

    private static void awaitWrites(Workload workload, int writes) throws InterruptedException {
        while (workload.writes() < writes) {
            Thread.sleep(50);
        }
    }

    /** SIGKILL, as a crash: no shutdown hook, no clean close of files or connections. */
    private void kill(String process, Ledger.Phase phase) {
        long pid = stack.pid(process).orElseThrow(() -> new IllegalStateException(process + " is not running"));
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
        environments.put(process, environmentOf(pid));
        phase.killed = Instant.now();
        handle.destroyForcibly();
        handle.onExit().join();
    }

    private final Map<String, Map<String, String>> environments = new HashMap<>();

    /** The TECHBRIDGE_ settings the process was started with, so it comes back as it was (rate limits, token lifetimes). */
    private static Map<String, String> environmentOf(long pid) {
        Map<String, String> environment = new LinkedHashMap<>();
        try {
            String[] entries = Files.readString(Path.of("/proc", Long.toString(pid), "environ"), StandardCharsets.UTF_8)
                    .split("\0");
            for (String entry : entries) {
                int equals = entry.indexOf('=');
                if (equals > 0 && entry.startsWith("TECHBRIDGE_")) {
                    environment.put(entry.substring(0, equals), entry.substring(equals + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not readable: the drill's own environment will do
        }
        return environment;
    }

    /** {@code deploy/local/restart <process>}, as an operator would run it; tried again if it fails. */
    private void restart(String process, Ledger.Phase phase) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            ProcessBuilder builder = new ProcessBuilder(settings.projectDir().resolve("deploy/local/restart").toString(), process)
                    .directory(settings.projectDir().toFile()).redirectErrorStream(true);
            builder.environment().putAll(environments.getOrDefault(process, Map.of()));
            builder.environment().put("TECHBRIDGE_SKIP_BUILD", "1");
            Process restart = builder.start();
            restart.getOutputStream().close();
            String output = new String(restart.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (restart.waitFor(5, TimeUnit.MINUTES) && restart.exitValue() == 0) {
                phase.healthy = Instant.now();
                return;
            }
            System.out.println("  restart of " + process + " failed (attempt " + attempt + "): " + output.strip());
            if (attempt == 3) {
                throw new IllegalStateException("cannot restart " + process);
            }
            Thread.sleep(2000);
        }
    }

    private boolean report(Checks checks, boolean quiet) throws IOException {
        List<Ledger.Phase> phases = ledger.phases;
        ArrayNode json = DrillClient.JSON.createArrayNode();
        System.out.println();
        System.out.printf("%-20s %8s %12s %5s %10s %12s %9s %11s %11s %6s %6s%n", "killed process", "requests",
                "acknowledged", "lost", "duplicated", "out of order", "recovery", "unavailable", "index stale",
                "pairs", "wrong");
        int problems = 0;
        List<String> wrong = new ArrayList<>();
        for (Ledger.Phase phase : phases) {
            List<Ledger.Request> writes = ledger.requests.stream().filter(r -> r.phase() == phase.index && r.write()).toList();
            List<Ledger.Request> all = ledger.requests.stream().filter(r -> r.phase() == phase.index).toList();
            long acknowledged = writes.stream().filter(r -> r.answer() == Ledger.Answer.SUCCESS).count();
            long unavailable = all.stream().filter(r -> r.answer() == Ledger.Answer.UNAVAILABLE).count();
            List<Ledger.Request> wrongOnes = all.stream().filter(r -> r.answer() == Ledger.Answer.WRONG).toList();
            wrongOnes.forEach(r -> wrong.add(phase.process + ": " + r.kind() + ": " + r.detail()));
            Checks.Tally tally = checks.tally(phase.index);
            Double recovery = phase.firstSuccessAfterRestart == null ? null : seconds(phase.killed, phase.firstSuccessAfterRestart);
            System.out.printf("%-20s %8d %12d %5d %10d %12d %9s %11d %11d %6d %6d%n", phase.process, writes.size(),
                    acknowledged, tally.lost, tally.duplicated, tally.outOfOrder,
                    recovery == null ? "-" : String.format("%.1f s", recovery), unavailable, tally.indexStale,
                    tally.pairsInconsistent, wrongOnes.size());
            problems += tally.lost + tally.duplicated + tally.outOfOrder + tally.indexStale + tally.pairsInconsistent
                    + wrongOnes.size();
            ObjectNode row = json.addObject();
            row.put("process", phase.process);
            row.put("requests", writes.size());
            row.put("acknowledged", acknowledged);
            row.put("lost", tally.lost);
            row.put("duplicated", tally.duplicated);
            row.put("outOfOrder", tally.outOfOrder);
            if (recovery == null) {
                row.putNull("recoverySeconds");
            } else {
                row.put("recoverySeconds", Math.round(recovery * 10) / 10.0);
            }
            row.put("backInSeconds", Math.round(seconds(phase.killed, phase.healthy) * 10) / 10.0);
            row.put("allRequests", all.size());
            row.put("unavailable", unavailable);
            row.put("indexStale", tally.indexStale);
            row.put("pairsInconsistent", tally.pairsInconsistent);
            row.put("wrongAnswers", wrongOnes.size());
        }
        System.out.println();
        System.out.printf("requests: writes and their attempts in the phase; recovery: from the kill to the first success"
                + " after the restart; unavailable: 503/504 or no connection while a process the request needs was down%n");
        System.out.printf("checked %d records, %d events, %d import jobs; %s%n", checks.recordsChecked, checks.eventsRead,
                ledger.importJobs.size(), quiet ? "quiet at the end" : "NOT quiet at the end");
        if (checks.earlier > 0) {
            System.out.printf("(%d events repeated on their topics before this drill began are not counted)%n", checks.earlier);
        }
        if (!checks.findings.isEmpty() || !wrong.isEmpty()) {
            System.out.println();
            System.out.println("findings:");
            checks.findings.stream().limit(50).forEach(f -> System.out.println("  " + f));
            wrong.stream().limit(50).forEach(f -> System.out.println("  wrong answer, " + f));
        }
        if (options.json() != null) {
            Path parent = options.json().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            DrillClient.JSON.writerWithDefaultPrettyPrinter().writeValue(options.json().toFile(), json);
        }
        boolean passed = problems == 0 && quiet;
        System.out.println(passed ? "drill passed" : "drill FAILED");
        return passed;
    }

    private static double seconds(Instant from, Instant to) {
        return from == null || to == null ? Double.NaN : Duration.between(from, to).toMillis() / 1000.0;
    }

}
