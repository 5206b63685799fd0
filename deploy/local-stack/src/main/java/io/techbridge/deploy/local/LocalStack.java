package io.techbridge.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code up}, {@code down} and {@code status} of the whole platform on one machine, without
 * Docker: PostgreSQL, Kafka and Elasticsearch as real servers, then the services and the gateway
 * in front of them, each a process of its own, with all data under one folder that survives
 * restarts — including the token key pair and the first admin's password, both made on first start.
 */
public final class LocalStack {

    private static final Duration SERVER_TIMEOUT = Duration.ofMinutes(3);

    /** The processes of the stack by the names {@code status} prints, in start order. */
    public static final List<String> PROCESSES = List.of("postgresql", "kafka", "elasticsearch", "achievement-service",
            "demand-service", "matching-service", "gateway");

    private final StackSettings settings;
    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final MailServer mail;
    private final ElasticsearchServer elasticsearch;
    private final List<QuarkusService> services;
    private final QuarkusService gateway;
    private final JwtKeyFiles keys;
    private final Path adminPasswordFile;

    public LocalStack(StackSettings settings) {
        this.settings = settings;
        Path data = settings.dataDir();
        this.postgres = new PostgresServer(data.resolve("postgres"), settings.postgresPort());
        this.mail = new MailServer(settings.projectDir(), data.resolve("mail"), settings.smtpPort(),
                settings.imapPort(), settings.mailWebPort());
        this.kafka = new KafkaServer(settings.projectDir(), data.resolve("kafka"), settings.kafkaPort(),
                settings.kafkaControllerPort(), "384m");
        this.elasticsearch = new ElasticsearchServer(settings.projectDir(), data.resolve("elasticsearch"),
                settings.elasticsearchPort(), settings.elasticsearchTransportPort(), "768m");
        this.keys = JwtKeyFiles.in(data.resolve("keys"));
        this.adminPasswordFile = data.resolve("keys").resolve("bootstrap-admin-password");
        this.services = List.of(
                service("achievement-service", "achievement", settings.achievementPort(), "256m"),
                service("demand-service", "demand", settings.demandPort(), "256m"),
                service("matching-service", "matching", settings.matchingPort(), "640m"));
        this.gateway = new QuarkusService(settings.projectDir(), data.resolve("services"), "gateway",
                settings.gatewayPort(), settings.gatewayManagementPort(), "192m", this::gatewayEnvironment);
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
                case "restart" -> {
                    if (args.length != 2) {
                        System.err.println("usage: restart <" + String.join(" | ", PROCESSES) + ">");
                        System.exit(2);
                    }
                    stack.restart(args[1]);
                }
                default -> {
                    System.err.println("usage: up | down | status | restart <process>");
                    System.exit(2);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private QuarkusService service(String module, String database, int port, String heap) {
        Map<String, String> environment = new HashMap<>(Map.of(
                // Only the gateway is reachable from outside this machine: its limits and checks can't be bypassed.
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", PostgresServer.SUPERUSER,
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "QUARKUS_ELASTICSEARCH_HOSTS", "127.0.0.1:" + settings.elasticsearchPort(),
                "TECHBRIDGE_JWT_PUBLIC_KEY_LOCATION", "file:" + keys.publicKey(),
                // The notification e-mails (matching-service) go to the local mail server.
                "TECHBRIDGE_NOTIFICATIONS_MAIL_ENABLED", "true",
                "QUARKUS_MAILER_HOST", "127.0.0.1",
                "QUARKUS_MAILER_PORT", Integer.toString(settings.smtpPort()),
                "TECHBRIDGE_NOTIFICATIONS_MAIL_CONSOLE_URL", "http://localhost:" + settings.gatewayPort()));
        environment.putAll(tracingEnvironment());
        return new QuarkusService(settings.projectDir(), settings.dataDir().resolve("services"), module, port, heap,
                Map.copyOf(environment));
    }

    /**
     * Every service writes its spans to {@code <data>/traces/<service>.jsonl}, read by {@code local/trace};
     * {@code TECHBRIDGE_TRACING_FILE_ENABLED=false} in the environment of {@code up} turns that off.
     */
    private Map<String, String> tracingEnvironment() {
        return Map.of("TECHBRIDGE_TRACING_FILE_ENABLED", Boolean.toString(settings.traceFiles()),
                "TECHBRIDGE_TRACING_FILE_DIRECTORY", traceDirectory().toString());
    }

    /** Where the services of this stack write their spans. */
    public Path traceDirectory() {
        return settings.dataDir().resolve("traces");
    }

    /** Made when the gateway starts: it signs with the private key and bootstraps the first admin. */
    private Map<String, String> gatewayEnvironment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("gateway"));
        environment.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.SUPERUSER);
        environment.put("TECHBRIDGE_JWT_PRIVATE_KEY_LOCATION", "file:" + keys.privateKey());
        environment.put("TECHBRIDGE_JWT_PUBLIC_KEY_LOCATION", "file:" + keys.publicKey());
        environment.put("TECHBRIDGE_ACHIEVEMENT_URL", "http://127.0.0.1:" + settings.achievementPort());
        environment.put("TECHBRIDGE_DEMAND_URL", "http://127.0.0.1:" + settings.demandPort());
        environment.put("TECHBRIDGE_MATCHING_URL", "http://127.0.0.1:" + settings.matchingPort());
        environment.put("TECHBRIDGE_BOOTSTRAP_ADMIN_PASSWORD", adminPassword());
        environment.put("TECHBRIDGE_MANAGEMENT_PORT", Integer.toString(settings.gatewayManagementPort()));
        environment.putAll(tracingEnvironment());
        return environment;
    }

    /** The first admin's password: made once, kept in the data folder (readable by its owner only). */
    private String adminPassword() {
        try {
            if (Files.exists(adminPasswordFile)) {
                return Files.readString(adminPasswordFile, StandardCharsets.US_ASCII).strip();
            }
            String password = randomPassword();
            Files.createDirectories(adminPasswordFile.getParent());
            Files.writeString(adminPasswordFile, password + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(adminPasswordFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // a file system without POSIX permissions keeps its defaults
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the admin password in " + adminPasswordFile, e);
        }
    }

    static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /** The services and the gateway, in start order. */
    private List<QuarkusService> processes() {
        List<QuarkusService> all = new ArrayList<>(services);
        all.add(gateway);
        return all;
    }

    public void up() {
        long started = System.nanoTime();
        System.out.println("TechBridge local stack, data in " + settings.dataDir());
        // The three servers start side by side; each service waits for what it needs.
        kafka.start();
        elasticsearch.start();
        mail.start();
        step("PostgreSQL", () -> {
            postgres.start();
            for (QuarkusService service : processes()) {
                postgres.ensureDatabase(databaseOf(service));
            }
        });
        keys.ensure();
        step("Kafka", () -> kafka.awaitReady(SERVER_TIMEOUT));
        step("Elasticsearch", () -> elasticsearch.awaitReady(SERVER_TIMEOUT));
        step("mail server", () -> mail.awaitReady(SERVER_TIMEOUT));
        processes().forEach(QuarkusService::start);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (QuarkusService service : processes()) {
            ready.add(CompletableFuture.runAsync(() -> service.awaitReady(SERVER_TIMEOUT)));
        }
        step("services", () -> ready.forEach(CompletableFuture::join));

        DemoData demo = new DemoData(settings.projectDir(), settings.dataDir(), keys);
        if (!demo.recordsLoaded()) {
            Map<String, Integer> loaded = new java.util.LinkedHashMap<>();
            step("demo data", () -> loaded.putAll(demo.loadRecords(
                    serviceUrl("achievement-service") + "/api/achievements",
                    serviceUrl("demand-service") + "/api/demands")));
            System.out.println("  loaded " + loaded.get("achievements") + " achievements and " + loaded.get("demands")
                    + " demands");
        }
        if (!demo.accountsLoaded()) {
            step("demo accounts", () -> demo.loadAccounts(gateway.url(), adminPassword()));
        }
        System.out.printf("%nTechBridge is up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        printUrls(demo.accounts());
    }

    public void down() {
        report(gateway.module(), gateway.process().stop(Duration.ofSeconds(30)));
        for (QuarkusService service : services.reversed()) {
            report(service.module(), service.process().stop(Duration.ofSeconds(30)));
        }
        report("elasticsearch", elasticsearch.process().stop(Duration.ofSeconds(60)));
        report("kafka", kafka.process().stop(Duration.ofSeconds(60)));
        report("mail", mail.process().stop(Duration.ofSeconds(20)));
        boolean postgresRunning = postgres.isRunning();
        postgres.stop();
        report("postgresql", postgresRunning);
    }

    /**
     * Starts one process of the stack again if it is not running (after a crash, or a kill of the
     * fault drill) and waits until it is healthy; one that runs is left alone. The other processes
     * are not touched.
     */
    public void restart(String process) {
        long started = System.nanoTime();
        switch (process) {
            case "postgresql" -> {
                // After a crash the old server's backends may hold its shared memory for a moment.
                Wait.until("PostgreSQL on port " + settings.postgresPort(), SERVER_TIMEOUT, () -> {
                    try {
                        postgres.start();
                        return true;
                    } catch (RuntimeException notYet) {
                        return false;
                    }
                });
            }
            case "kafka" -> {
                kafka.start();
                kafka.awaitReady(SERVER_TIMEOUT);
            }
            case "elasticsearch" -> {
                elasticsearch.start();
                elasticsearch.awaitReady(SERVER_TIMEOUT);
            }
            default -> {
                QuarkusService service = processes().stream().filter(s -> s.module().equals(process)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no process " + process + "; one of "
                                + String.join(", ", PROCESSES)));
                service.start();
                service.awaitReady(SERVER_TIMEOUT);
            }
        }
        System.out.printf("  %-22s ready (%.1f s)%n", process, (System.nanoTime() - started) / 1e9);
    }

    /** The pid of a process of the stack while it runs. */
    public Optional<Long> pid(String process) {
        return switch (process) {
            case "postgresql" -> postgres.isRunning() ? postgres.pid() : Optional.empty();
            case "kafka" -> kafka.process().running().map(ProcessHandle::pid);
            case "elasticsearch" -> elasticsearch.process().running().map(ProcessHandle::pid);
            default -> processes().stream().filter(s -> s.module().equals(process)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no process " + process))
                    .process().running().map(ProcessHandle::pid);
        };
    }

    public void status() {
        System.out.printf("%-22s %-8s %-8s %-7s %s%n", "process", "state", "pid", "RSS MB", "address");
        line("postgresql", postgres.isRunning() ? postgres.pid() : Optional.empty(),
                "postgresql://127.0.0.1:" + settings.postgresPort());
        line("kafka", kafka.process().running().map(ProcessHandle::pid), kafka.bootstrapServers());
        line("elasticsearch", elasticsearch.process().running().map(ProcessHandle::pid), elasticsearch.url());
        line("mail", mail.process().running().map(ProcessHandle::pid), "smtp://127.0.0.1:" + mail.smtpPort());
        for (QuarkusService service : processes()) {
            line(service.module(), service.process().running().map(ProcessHandle::pid), service.url());
        }
    }

    private void printUrls(List<DemoData.DemoAccount> accounts) {
        System.out.println();
        System.out.printf("  %-20s %s   (API %s/api, OpenAPI %s/openapi)%n", "console",
                gateway.url(), gateway.url(), gateway.url());
        System.out.printf("  %-20s %s   (this machine only: health, metrics, Swagger UI %s/q/swagger-ui)%n",
                "gateway operations", gateway.managementUrl(), gateway.managementUrl());
        for (QuarkusService service : services) {
            System.out.printf("  %-20s %s   (Swagger UI %s/q/swagger-ui)%n", service.module(),
                    service.url(), service.url());
        }
        System.out.printf("  %-20s %s%n", "Elasticsearch", elasticsearch.url());
        System.out.printf("  %-20s %s%n", "Kafka", kafka.bootstrapServers());
        System.out.printf("  %-20s smtp://127.0.0.1:%d   (mailboxes: %s/api/user, IMAP %s, login = password = the address)%n",
                "mail server", mail.smtpPort(), mail.webUrl(), mail.imapAddress());
        System.out.printf("  %-20s %s%n", "PostgreSQL", "jdbc:postgresql://127.0.0.1:" + settings.postgresPort()
                + " (user " + PostgresServer.SUPERUSER + ")");
        System.out.println("  logs                 " + settings.dataDir() + "/services, .../kafka, .../elasticsearch, .../mail");
        if (settings.traceFiles()) {
            System.out.println("  traces               " + traceDirectory() + "   (deploy/local/trace --last POST /api/achievements)");
        }
        System.out.println("  stop with            deploy/local/down");
        if (!accounts.isEmpty()) {
            System.out.println();
            System.out.println("  demo logins (also in " + settings.dataDir().resolve(DemoData.ACCOUNTS_FILE) + "):");
            for (DemoData.DemoAccount account : accounts) {
                System.out.printf("    %-11s %-10s %-22s %s (%s)%n", account.role(), account.username(), account.password(),
                        account.organisationName(), account.organisationId());
            }
        }
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
