package io.techbridge.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code up}, {@code down} and {@code status} of the whole platform on one machine, without
 * Docker: PostgreSQL, Kafka and Elasticsearch as real servers, then the services, each a process
 * of its own, with all data under one folder that survives restarts.
 */
public final class LocalStack {

    private static final Duration SERVER_TIMEOUT = Duration.ofMinutes(3);

    private final StackSettings settings;
    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final ElasticsearchServer elasticsearch;
    private final List<QuarkusService> services;

    public LocalStack(StackSettings settings) {
        this.settings = settings;
        Path data = settings.dataDir();
        this.postgres = new PostgresServer(data.resolve("postgres"), settings.postgresPort());
        this.kafka = new KafkaServer(settings.projectDir(), data.resolve("kafka"), settings.kafkaPort(),
                settings.kafkaControllerPort(), "512m");
        this.elasticsearch = new ElasticsearchServer(settings.projectDir(), data.resolve("elasticsearch"),
                settings.elasticsearchPort(), settings.elasticsearchTransportPort(), "768m");
        this.services = List.of(
                service("achievement-service", "achievement", settings.achievementPort(), "256m"),
                service("demand-service", "demand", settings.demandPort(), "256m"),
                service("matching-service", "matching", settings.matchingPort(), "640m"));
    }

    public static void main(String[] args) {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        LocalStack stack = new LocalStack(settings);
        String command = args.length == 0 ? "status" : args[0];
        try {
            switch (command) {
                case "up" -> stack.up();
                case "down" -> stack.down();
                case "status" -> stack.status();
                default -> {
                    System.err.println("usage: up | down | status");
                    System.exit(2);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private QuarkusService service(String module, String database, int port, String heap) {
        return new QuarkusService(settings.projectDir(), settings.dataDir().resolve("services"), module, port, heap,
                Map.of("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database),
                        "QUARKUS_DATASOURCE_USERNAME", PostgresServer.SUPERUSER,
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "QUARKUS_ELASTICSEARCH_HOSTS", "127.0.0.1:" + settings.elasticsearchPort()));
    }

    public void up() {
        long started = System.nanoTime();
        System.out.println("TechBridge local stack, data in " + settings.dataDir());
        // The three servers start side by side; each service waits for what it needs.
        kafka.start();
        elasticsearch.start();
        step("PostgreSQL", () -> {
            postgres.start();
            for (QuarkusService service : services) {
                postgres.ensureDatabase(databaseOf(service));
            }
        });
        step("Kafka", () -> kafka.awaitReady(SERVER_TIMEOUT));
        step("Elasticsearch", () -> elasticsearch.awaitReady(SERVER_TIMEOUT));
        services.forEach(QuarkusService::start);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (QuarkusService service : services) {
            ready.add(CompletableFuture.runAsync(() -> service.awaitReady(SERVER_TIMEOUT)));
        }
        step("services", () -> ready.forEach(CompletableFuture::join));

        DemoData demo = new DemoData(settings.projectDir(), settings.dataDir());
        if (!demo.loaded()) {
            Map<String, Integer> loaded = new java.util.LinkedHashMap<>();
            step("demo data", () -> loaded.putAll(demo.load(
                    serviceUrl("achievement-service") + "/api/achievements",
                    serviceUrl("demand-service") + "/api/demands")));
            System.out.println("  loaded " + loaded.get("achievements") + " achievements and " + loaded.get("demands")
                    + " demands");
        }
        System.out.printf("%nTechBridge is up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        printUrls();
    }

    public void down() {
        for (QuarkusService service : services.reversed()) {
            report(service.module(), service.process().stop(Duration.ofSeconds(30)));
        }
        report("elasticsearch", elasticsearch.process().stop(Duration.ofSeconds(60)));
        report("kafka", kafka.process().stop(Duration.ofSeconds(60)));
        boolean postgresRunning = postgres.isRunning();
        postgres.stop();
        report("postgresql", postgresRunning);
    }

    public void status() {
        System.out.printf("%-22s %-8s %-8s %-7s %s%n", "process", "state", "pid", "RSS MB", "address");
        line("postgresql", postgres.isRunning() ? postgres.pid() : Optional.empty(),
                "postgresql://127.0.0.1:" + settings.postgresPort());
        line("kafka", kafka.process().running().map(ProcessHandle::pid), kafka.bootstrapServers());
        line("elasticsearch", elasticsearch.process().running().map(ProcessHandle::pid), elasticsearch.url());
        for (QuarkusService service : services) {
            line(service.module(), service.process().running().map(ProcessHandle::pid), service.url());
        }
    }

    private void printUrls() {
        System.out.println();
        for (QuarkusService service : services) {
            System.out.printf("  %-20s %s   (Swagger UI %s/q/swagger-ui)%n", service.module(),
                    service.url(), service.url());
        }
        System.out.printf("  %-20s %s%n", "Elasticsearch", elasticsearch.url());
        System.out.printf("  %-20s %s%n", "Kafka", kafka.bootstrapServers());
        System.out.printf("  %-20s %s%n", "PostgreSQL", "jdbc:postgresql://127.0.0.1:" + settings.postgresPort()
                + " (user " + PostgresServer.SUPERUSER + ")");
        System.out.println("  logs                 " + settings.dataDir() + "/services, .../kafka, .../elasticsearch");
        System.out.println("  stop with            deploy/local/down");
    }

    private String serviceUrl(String module) {
        return services.stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow().url();
    }

    private static String databaseOf(QuarkusService service) {
        return service.module().replace("-service", "");
    }

    private static void step(String what, Runnable action) {
        long started = System.nanoTime();
        System.out.printf("  %-14s ...", what);
        System.out.flush();
        action.run();
        System.out.printf(" ready (%.1f s)%n", (System.nanoTime() - started) / 1e9);
    }

    private static void report(String name, boolean wasRunning) {
        System.out.printf("  %-22s %s%n", name, wasRunning ? "stopped" : "was not running");
    }

    private static void line(String name, Optional<Long> pid, String address) {
        System.out.printf("%-22s %-8s %-8s %-7s %s%n", name, pid.isPresent() ? "running" : "stopped",
                pid.map(String::valueOf).orElse("-"), pid.map(LocalStack::residentMegabytes).orElse("-"), address);
    }

    private static String residentMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kilobytes = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return Long.toString(kilobytes / 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "?";
        }
        return "?";
    }
}
