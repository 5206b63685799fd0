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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code up}, {@code down} and {@code status} of the whole platform on one machine, without
 * Docker: PostgreSQL, Kafka and Elasticsearch as real servers, then the services and the gateway
 * in front of them, each a process of its own, with all data under one folder that survives
 * restarts — including the token key pair and the first admin's password, both made on first start.
 *
 * <p>{@code up --cluster} starts the cluster shape instead: three Kafka brokers (a three-voter
 * controller quorum, topics replicated three times), three Elasticsearch nodes, a PostgreSQL
 * primary with a streaming hot standby, and two instances of every service and of the gateway.
 * The data folder remembers the shape, so {@code down}, {@code status}, {@code restart} and
 * {@code failover} act on what {@code up} started.
 */
public final class LocalStack {

    private static final Duration SERVER_TIMEOUT = Duration.ofMinutes(3);
    /** Eight Quarkus JVMs starting together on a small machine take longer than one does. */
    private static final Duration CLUSTER_SERVICE_TIMEOUT = Duration.ofMinutes(10);
    /** In the data folder of a cluster: its presence makes every command act on the cluster shape. */
    static final String CLUSTER_MARKER = "cluster-shape";
    /** In the data folder of a cluster: which PostgreSQL slot (primary or standby) is the primary now. */
    static final String POSTGRES_PRIMARY_FILE = "postgres/current-primary";
    private static final int CLUSTER_NODES = 3;
    private static final int CLUSTER_INSTANCES = 2;

    /** The processes of the stack by the names {@code status} prints, in start order. */
    public static final List<String> PROCESSES = List.of("postgresql", "kafka", "elasticsearch", "achievement-service",
            "demand-service", "matching-service", "gateway");

    /** One process of the stack, as status, restart and down see it. */
    private record Member(String name, Runnable start, Consumer<Duration> awaitReady, Predicate<Duration> stop,
            Supplier<Optional<Long>> pid, Supplier<String> address) {
    }

    private final StackSettings settings;
    private final boolean cluster;
    private final PostgresServer postgres;
    /** The second PostgreSQL slot of a cluster (a standby, or the primary after a failover); null alone. */
    private final PostgresServer postgresStandby;
    private final List<KafkaServer> kafkas = new ArrayList<>();
    private final MailServer mail;
    private final List<ElasticsearchServer> elasticsearches = new ArrayList<>();
    /** Every instance of each service, by module, in start order. */
    private final Map<String, List<QuarkusService>> services = new LinkedHashMap<>();
    private final List<QuarkusService> gateways = new ArrayList<>();
    private final JwtKeyFiles keys;
    private final Path adminPasswordFile;

    /** The stack in the shape its data folder holds (single unless {@code up --cluster} made it a cluster). */
    public LocalStack(StackSettings settings) {
        this(settings, Files.exists(settings.dataDir().resolve(CLUSTER_MARKER)));
    }

    public LocalStack(StackSettings settings, boolean cluster) {
        this.settings = settings;
        this.cluster = cluster;
        Path data = settings.dataDir();
        if (cluster) {
            this.postgres = new PostgresServer(data.resolve("postgres"), settings.postgresPort(), true);
            this.postgresStandby = new PostgresServer(data.resolve("postgres-standby"), settings.postgresPort() + 1, true);
        } else {
            this.postgres = new PostgresServer(data.resolve("postgres"), settings.postgresPort());
            this.postgresStandby = null;
        }
        this.mail = new MailServer(settings.projectDir(), data.resolve("mail"), settings.smtpPort(),
                settings.imapPort(), settings.mailWebPort());
        if (cluster) {
            String clusterId = kafkaClusterId(data);
            StringBuilder voters = new StringBuilder();
            List<String> seedHosts = new ArrayList<>();
            List<String> nodeNames = new ArrayList<>();
            for (int n = 1; n <= CLUSTER_NODES; n++) {
                voters.append(n == 1 ? "" : ",").append(n).append("@127.0.0.1:").append(nodePort(settings.kafkaControllerPort(), n));
                seedHosts.add("127.0.0.1:" + nodePort(settings.elasticsearchTransportPort(), n));
                nodeNames.add("elasticsearch-" + n);
            }
            // Every broker holds every partition; a write needs two of the three, so one may be lost.
            KafkaServer.Cluster kafkaCluster = new KafkaServer.Cluster(clusterId, voters.toString(), CLUSTER_NODES,
                    CLUSTER_NODES - 1, settings.clusterKafkaPartitions());
            ElasticsearchServer.Cluster esCluster = new ElasticsearchServer.Cluster(seedHosts, nodeNames);
            for (int n = 1; n <= CLUSTER_NODES; n++) {
                kafkas.add(new KafkaServer(settings.projectDir(), data.resolve("kafka-" + n), "kafka-" + n, n,
                        nodePort(settings.kafkaPort(), n), nodePort(settings.kafkaControllerPort(), n), "384m", kafkaCluster));
                elasticsearches.add(new ElasticsearchServer(settings.projectDir(), data.resolve("elasticsearch-" + n),
                        "elasticsearch-" + n, nodePort(settings.elasticsearchPort(), n),
                        nodePort(settings.elasticsearchTransportPort(), n), "512m", esCluster));
            }
        } else {
            kafkas.add(new KafkaServer(settings.projectDir(), data.resolve("kafka"), settings.kafkaPort(),
                    settings.kafkaControllerPort(), "384m"));
            elasticsearches.add(new ElasticsearchServer(settings.projectDir(), data.resolve("elasticsearch"),
                    settings.elasticsearchPort(), settings.elasticsearchTransportPort(), "768m"));
        }
        this.keys = JwtKeyFiles.in(data.resolve("keys"));
        this.adminPasswordFile = data.resolve("keys").resolve("bootstrap-admin-password");
        addService("achievement-service", "achievement", settings.achievementPort(), "256m");
        addService("demand-service", "demand", settings.demandPort(), "256m");
        addService("matching-service", "matching", settings.matchingPort(), "640m");
        for (int i = 1; i <= instances(); i++) {
            int port = instancePort(settings.gatewayPort(), i);
            int managementPort = instancePort(settings.gatewayManagementPort(), i);
            String name = instanceName("gateway", i);
            gateways.add(new QuarkusService(settings.projectDir(), data.resolve("services"), "gateway",
                    name, port, managementPort, "192m", () -> gatewayEnvironment(managementPort, name)));
        }
    }

    private int instances() {
        return cluster ? CLUSTER_INSTANCES : 1;
    }

    /** "gateway" alone; "gateway-1", "gateway-2" in a cluster. */
    private String instanceName(String module, int instance) {
        return cluster ? module + "-" + instance : module;
    }

    private static int instancePort(int first, int instance) {
        return first + (instance - 1) * StackSettings.INSTANCE_PORT_STEP;
    }

    private static int nodePort(int first, int node) {
        return first + (node - 1) * StackSettings.NODE_PORT_STEP;
    }

    /** All brokers of a cluster are formatted with one id, made on the first start and kept. */
    private static String kafkaClusterId(Path data) {
        Path file = data.resolve("kafka-cluster-id");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(data);
                Files.writeString(file, KafkaServer.newClusterId() + "\n");
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the Kafka cluster id in " + file, e);
        }
    }

    public static void main(String[] args) {
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        String command = args.length == 0 ? "status" : args[0];
        boolean clusterData = Files.exists(settings.dataDir().resolve(CLUSTER_MARKER));
        try {
            switch (command) {
                case "up" -> {
                    boolean cluster = List.of(args).contains("--cluster");
                    if (clusterData && !cluster) {
                        throw new IllegalStateException(settings.dataDir() + " holds a cluster: start it with up --cluster,"
                                + " or use another TECHBRIDGE_DATA_DIR");
                    }
                    if (cluster && !clusterData && Files.exists(settings.dataDir().resolve("postgres/data/PG_VERSION"))) {
                        throw new IllegalStateException(settings.dataDir() + " holds a single stack: use another"
                                + " TECHBRIDGE_DATA_DIR for the cluster");
                    }
                    new LocalStack(settings, cluster).up();
                }
                case "down" -> new LocalStack(settings).down();
                case "status" -> new LocalStack(settings).status();
                case "failover" -> new LocalStack(settings).failover();
                case "restart" -> {
                    LocalStack stack = new LocalStack(settings);
                    if (args.length != 2) {
                        System.err.println("usage: restart <" + String.join(" | ", stack.processNames()) + ">");
                        System.exit(2);
                    }
                    stack.restart(args[1]);
                }
                default -> {
                    System.err.println("usage: up [--cluster] | down | status | restart <process> | failover");
                    System.exit(2);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private void addService(String module, String database, int firstPort, String heap) {
        List<QuarkusService> instances = new ArrayList<>();
        for (int i = 1; i <= instances(); i++) {
            int port = instancePort(firstPort, i);
            Map<String, String> environment = serviceEnvironment(database, instanceName(module, i));
            instances.add(new QuarkusService(settings.projectDir(), settings.dataDir().resolve("services"), module,
                    instanceName(module, i), port, port, heap, () -> environment));
        }
        services.put(module, instances);
    }

    private Map<String, String> serviceEnvironment(String database, String instance) {
        Map<String, String> environment = new HashMap<>(
                // Only the gateway is reachable from outside this machine: its limits and checks can't be bypassed.
                Map.of("QUARKUS_HTTP_HOST", "127.0.0.1",
                        "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(database),
                        "QUARKUS_DATASOURCE_USERNAME", PostgresServer.SUPERUSER,
                        "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(),
                        "QUARKUS_ELASTICSEARCH_HOSTS", elasticsearchHosts(),
                        "TECHBRIDGE_JWT_PUBLIC_KEY_LOCATION", "file:" + keys.publicKey(),
                        // The notification e-mails (matching-service) go to the local mail server.
                        "TECHBRIDGE_NOTIFICATIONS_MAIL_ENABLED", "true",
                        "QUARKUS_MAILER_HOST", "127.0.0.1",
                        "QUARKUS_MAILER_PORT", Integer.toString(settings.smtpPort()),
                        "TECHBRIDGE_NOTIFICATIONS_MAIL_CONSOLE_URL", "http://localhost:" + settings.gatewayPort()));
        if (cluster) {
            // One replica per shard: the index survives the loss of an Elasticsearch node.
            environment.put("TECHBRIDGE_SEARCH_INDEX_REPLICAS", "1");
        }
        environment.putAll(tracingEnvironment(instance));
        return environment;
    }

    /**
     * Alone, the one server; in a cluster both slots, so that a service finds the primary wherever
     * it is now (after {@code failover} the former standby) and reconnects to it.
     */
    private String jdbcUrl(String database) {
        if (!cluster) {
            return postgres.jdbcUrl(database);
        }
        return "jdbc:postgresql://127.0.0.1:" + postgres.port() + ",127.0.0.1:" + postgresStandby.port() + "/" + database
                + "?targetServerType=primary";
    }

    private String bootstrapServers() {
        return String.join(",", kafkas.stream().map(KafkaServer::bootstrapServers).toList());
    }

    private String elasticsearchHosts() {
        return String.join(",", elasticsearches.stream().map(e -> "127.0.0.1:" + e.httpPort()).toList());
    }

    /** Every instance's base URL, comma-separated: the gateway balances over them. */
    private String instanceUrls(String module) {
        return String.join(",", services.get(module).stream().map(s -> "http://127.0.0.1:" + s.port()).toList());
    }

    /**
     * Every service instance writes its spans to {@code <data>/traces/<instance>.jsonl}, read by
     * {@code local/trace}; {@code TECHBRIDGE_TRACING_FILE_ENABLED=false} in the environment of {@code up}
     * turns that off.
     */
    private Map<String, String> tracingEnvironment(String instance) {
        return Map.of("TECHBRIDGE_TRACING_FILE_ENABLED", Boolean.toString(settings.traceFiles()),
                "TECHBRIDGE_TRACING_FILE_DIRECTORY", traceDirectory().toString(),
                "TECHBRIDGE_TRACING_FILE_NAME", instance);
    }

    /** Where the services of this stack write their spans. */
    public Path traceDirectory() {
        return settings.dataDir().resolve("traces");
    }

    /** Made when the gateway starts: it signs with the private key and bootstraps the first admin. */
    private Map<String, String> gatewayEnvironment(int managementPort, String instance) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl("gateway"));
        environment.put("QUARKUS_DATASOURCE_USERNAME", PostgresServer.SUPERUSER);
        environment.put("TECHBRIDGE_JWT_PRIVATE_KEY_LOCATION", "file:" + keys.privateKey());
        environment.put("TECHBRIDGE_JWT_PUBLIC_KEY_LOCATION", "file:" + keys.publicKey());
        environment.put("TECHBRIDGE_ACHIEVEMENT_URL", instanceUrls("achievement-service"));
        environment.put("TECHBRIDGE_DEMAND_URL", instanceUrls("demand-service"));
        environment.put("TECHBRIDGE_MATCHING_URL", instanceUrls("matching-service"));
        environment.put("TECHBRIDGE_BOOTSTRAP_ADMIN_PASSWORD", adminPassword());
        environment.put("TECHBRIDGE_MANAGEMENT_PORT", Integer.toString(managementPort));
        environment.putAll(tracingEnvironment(instance));
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

    /** The services' instances and the gateways, in start order. */
    private List<QuarkusService> processes() {
        List<QuarkusService> all = new ArrayList<>();
        services.values().forEach(all::addAll);
        all.addAll(gateways);
        return all;
    }

    /** Every process of the stack, in start order. */
    private List<Member> members() {
        List<Member> members = new ArrayList<>();
        if (cluster) {
            members.add(postgresMember("postgresql-primary", postgres));
            members.add(postgresMember("postgresql-standby", postgresStandby));
        } else {
            members.add(postgresMember("postgresql", postgres));
        }
        for (KafkaServer kafka : kafkas) {
            members.add(new Member(kafka.process().name(), kafka::start, kafka::awaitReady,
                    grace -> kafka.process().stop(grace), () -> kafka.process().running().map(ProcessHandle::pid),
                    kafka::bootstrapServers));
        }
        for (ElasticsearchServer node : elasticsearches) {
            members.add(new Member(node.process().name(), node::start, node::awaitReady,
                    grace -> node.process().stop(grace), () -> node.process().running().map(ProcessHandle::pid),
                    node::url));
        }
        members.add(new Member("mail", mail::start, mail::awaitReady, grace -> mail.process().stop(grace),
                () -> mail.process().running().map(ProcessHandle::pid), () -> "smtp://127.0.0.1:" + mail.smtpPort()));
        for (QuarkusService service : processes()) {
            members.add(new Member(service.name(), service::start, service::awaitReady,
                    grace -> service.process().stop(grace), () -> service.process().running().map(ProcessHandle::pid),
                    service::url));
        }
        return members;
    }

    private Member postgresMember(String name, PostgresServer server) {
        return new Member(name, () -> startPostgres(server), timeout -> { },
                grace -> {
                    boolean running = server.isRunning();
                    server.stop();
                    return running;
                },
                () -> server.isRunning() ? server.pid() : Optional.empty(),
                () -> "postgresql://127.0.0.1:" + server.port() + (cluster && server.isRunning()
                        ? (server.isInRecovery() ? " (standby)" : " (primary)") : ""));
    }

    private PostgresServer serverOf(String name) {
        return name.equals("postgresql-standby") ? postgresStandby : postgres;
    }

    /** The names {@code status} prints and {@code restart} takes. */
    public List<String> processNames() {
        return members().stream().map(Member::name).filter(n -> !n.equals("mail")).toList();
    }

    private Member member(String name) {
        return members().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process " + name + "; one of "
                        + String.join(", ", processNames())));
    }

    /** The PostgreSQL slot that is the primary now: the standby's after a failover. */
    private PostgresServer currentPrimary() {
        if (!cluster) {
            return postgres;
        }
        Path file = settings.dataDir().resolve(POSTGRES_PRIMARY_FILE);
        try {
            return Files.exists(file) && Files.readString(file).strip().equals("standby") ? postgresStandby : postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private PostgresServer currentStandby() {
        return currentPrimary() == postgres ? postgresStandby : postgres;
    }

    /**
     * Starts a PostgreSQL slot. The standby slot of a cluster is first cloned from the primary when
     * it has no data or holds a former primary's (which diverged at the failover and cannot follow).
     */
    private void startPostgres(PostgresServer server) {
        if (server.isRunning()) {
            return;
        }
        if (cluster && server == currentStandby()) {
            PostgresServer primary = currentPrimary();
            if (!primary.isRunning()) {
                throw new IllegalStateException("the standby follows the primary: start the primary first");
            }
            if (!server.hasData() || !server.isStandbyData()) {
                System.out.println("  cloning the standby on port " + server.port() + " from the primary on port "
                        + primary.port() + " (pg_basebackup)");
                server.cloneFrom(primary);
            }
        }
        // After a crash the old server's backends may hold its shared memory for a moment.
        Wait.until("PostgreSQL on port " + server.port(), SERVER_TIMEOUT, () -> {
            try {
                server.start();
                return true;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
    }

    public void up() {
        long started = System.nanoTime();
        System.out.println("TechBridge local stack" + (cluster ? " (cluster)" : "") + ", data in " + settings.dataDir());
        if (cluster) {
            writeClusterMarker();
        }
        // The servers start side by side; each service waits for what it needs.
        kafkas.forEach(KafkaServer::start);
        elasticsearches.forEach(ElasticsearchServer::start);
        mail.start();
        step("PostgreSQL", () -> {
            startPostgres(currentPrimary());
            for (QuarkusService service : processes()) {
                currentPrimary().ensureDatabase(databaseOf(service));
            }
            if (cluster) {
                startPostgres(currentStandby());
            }
        });
        keys.ensure();
        step("Kafka", () -> kafkas.forEach(k -> k.awaitReady(SERVER_TIMEOUT)));
        step("Elasticsearch", () -> elasticsearches.forEach(e -> e.awaitReady(SERVER_TIMEOUT)));
        step("mail server", () -> mail.awaitReady(SERVER_TIMEOUT));
        processes().forEach(QuarkusService::start);
        Duration serviceTimeout = cluster ? CLUSTER_SERVICE_TIMEOUT : SERVER_TIMEOUT;
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (QuarkusService service : processes()) {
            ready.add(CompletableFuture.runAsync(() -> service.awaitReady(serviceTimeout)));
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
            step("demo accounts", () -> demo.loadAccounts(gateways.getFirst().url(), adminPassword()));
        }
        System.out.printf("%nTechBridge is up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        printUrls(demo.accounts());
    }

    private void writeClusterMarker() {
        try {
            Files.createDirectories(settings.dataDir());
            Files.writeString(settings.dataDir().resolve(CLUSTER_MARKER),
                    "This data folder holds the cluster shape (deploy/local/up --cluster).\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + settings.dataDir().resolve(CLUSTER_MARKER), e);
        }
    }

    public void down() {
        List<Member> members = new ArrayList<>(members());
        for (Member member : members.reversed()) {
            Duration grace = member.name().startsWith("elasticsearch") || member.name().startsWith("kafka")
                    ? Duration.ofSeconds(60) : member.name().equals("mail") ? Duration.ofSeconds(20) : Duration.ofSeconds(30);
            if (member.name().startsWith("postgresql")) {
                continue;
            }
            report(member.name(), member.stop().test(grace));
        }
        // The standby first: stopped after its primary, it would keep asking for it.
        List<Member> postgresFirstToLast = members.stream().filter(m -> m.name().startsWith("postgresql"))
                .sorted(java.util.Comparator.comparing(m -> cluster && serverOf(m.name()) == currentPrimary()))
                .toList();
        for (Member member : postgresFirstToLast) {
            report(member.name(), member.stop().test(Duration.ofSeconds(120)));
        }
    }

    /**
     * Starts one process of the stack again if it is not running (after a crash, or a kill of the
     * fault drill) and waits until it is healthy; one that runs is left alone. The other processes
     * are not touched.
     */
    public void restart(String process) {
        long started = System.nanoTime();
        Member member = member(process);
        member.start().run();
        member.awaitReady().accept(cluster ? CLUSTER_SERVICE_TIMEOUT : SERVER_TIMEOUT);
        System.out.printf("  %-22s ready (%.1f s)%n", process, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Promotes the PostgreSQL standby of a cluster to primary: the primary is stopped at once (as
     * if its machine were lost, if it still runs), the standby is promoted and takes writes, and
     * the services, whose JDBC URL names both slots with targetServerType=primary, reconnect to
     * it. The former primary's slot becomes the standby slot: its next start clones it afresh
     * from the new primary.
     */
    public void failover() {
        if (!cluster) {
            throw new IllegalStateException("failover needs the cluster shape (deploy/local/up --cluster)");
        }
        long started = System.nanoTime();
        PostgresServer primary = currentPrimary();
        PostgresServer standby = currentStandby();
        if (!standby.isRunning() || !standby.isInRecovery()) {
            throw new IllegalStateException("no standby runs on port " + standby.port() + " to take over");
        }
        System.out.println("  stopping the primary on port " + primary.port());
        primary.stopImmediately();
        System.out.println("  promoting the standby on port " + standby.port());
        standby.promote();
        Wait.until("the promoted server to take writes", SERVER_TIMEOUT, () -> !standby.isInRecovery());
        Path file = settings.dataDir().resolve(POSTGRES_PRIMARY_FILE);
        try {
            Files.writeString(file, (standby == postgres ? "primary" : "standby") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        String former = primary == postgres ? "postgresql-primary" : "postgresql-standby";
        System.out.printf("  the primary is now on port %d (%.1f s); `deploy/local/restart %s` makes the former"
                + " primary its standby%n", standby.port(), (System.nanoTime() - started) / 1e9, former);
    }

    /** The pid of a process of the stack while it runs. */
    public Optional<Long> pid(String process) {
        return member(process).pid().get();
    }

    public void status() {
        System.out.printf("%-22s %-8s %-8s %-7s %s%n", "process", "state", "pid", "RSS MB", "address");
        long totalKilobytes = 0;
        for (Member member : members()) {
            Optional<Long> pid = member.pid().get();
            line(member.name(), pid, member.address().get());
            // PostgreSQL's work is done by the postmaster's children (backends, WAL sender and receiver).
            totalKilobytes += pid.map(p -> member.name().startsWith("postgresql") ? residentKilobytesWithChildren(p)
                    : residentKilobytes(p)).orElse(0L);
        }
        System.out.printf("%-22s %-8s %-8s %-7d %s%n", "all", "", "", totalKilobytes / 1024,
                "(PostgreSQL with its backends)");
    }

    private void printUrls(List<DemoData.DemoAccount> accounts) {
        System.out.println();
        for (QuarkusService gateway : gateways) {
            String suffix = cluster ? " " + gateway.name().substring(gateway.name().lastIndexOf('-') + 1) : "";
            System.out.printf("  %-20s %s   (API %s/api, OpenAPI %s/openapi)%n", "console" + suffix,
                    gateway.url(), gateway.url(), gateway.url());
            System.out.printf("  %-20s %s   (this machine only: health, metrics, Swagger UI %s/q/swagger-ui)%n",
                    "gateway operations" + suffix, gateway.managementUrl(), gateway.managementUrl());
        }
        for (QuarkusService service : processes()) {
            if (!service.module().equals("gateway")) {
                System.out.printf("  %-20s %s   (Swagger UI %s/q/swagger-ui)%n", service.name(),
                        service.url(), service.url());
            }
        }
        System.out.printf("  %-20s %s%n", "Elasticsearch",
                String.join(", ", elasticsearches.stream().map(ElasticsearchServer::url).toList()));
        System.out.printf("  %-20s %s%n", "Kafka", bootstrapServers());
        System.out.printf("  %-20s smtp://127.0.0.1:%d   (mailboxes: %s/api/user, IMAP %s, login = password = the address)%n",
                "mail server", mail.smtpPort(), mail.webUrl(), mail.imapAddress());
        System.out.printf("  %-20s %s%n", "PostgreSQL", (cluster ? jdbcUrl("<database>") : "jdbc:postgresql://127.0.0.1:"
                + settings.postgresPort()) + " (user " + PostgresServer.SUPERUSER + ")");
        System.out.println("  logs                 " + settings.dataDir() + "/services, .../kafka" + (cluster ? "-<n>" : "")
                + ", .../elasticsearch" + (cluster ? "-<n>" : "") + ", .../mail");
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
        return services.get(module).getFirst().url();
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
        long kilobytes = residentKilobytes(pid);
        return kilobytes < 0 ? "?" : Long.toString(kilobytes / 1024);
    }

    /** VmRSS of the process; -1 when it can't be read. */
    private static long residentKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static long residentKilobytesWithChildren(long pid) {
        long total = Math.max(0, residentKilobytes(pid));
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isPresent()) {
            total += handle.get().descendants().mapToLong(child -> Math.max(0, residentKilobytes(child.pid()))).sum();
        }
        return total;
    }
}
