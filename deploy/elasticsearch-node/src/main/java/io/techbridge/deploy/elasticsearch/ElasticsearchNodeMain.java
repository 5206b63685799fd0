package io.techbridge.deploy.elasticsearch;

import org.apache.logging.log4j.LogManager;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.ClasspathPluginsNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Elasticsearch node in this JVM from the jars on the class path, for local runs and tests.
 * Usage: {@code --home <dir> --http-port <n> --transport-port <m> [--cluster-name <name>]}.
 */
public final class ElasticsearchNodeMain {

    private static final String USAGE = "usage: ElasticsearchNodeMain --home <dir> --http-port <n> --transport-port <m> [--cluster-name <name>]"
        + " [--node-name <name> --seed-hosts <host:port,...> --initial-master-nodes <name,...>]";

    /** What the official launcher passes to the node's JVM for netty; netty reads them when its classes load. */
    private static final Map<String, String> NETTY_PROPERTIES = Map.of(
        "io.netty.noUnsafe", "true",
        "io.netty.noKeySetOptimization", "true",
        "io.netty.recycler.maxCapacityPerThread", "0"
    );

    /**
     * Without {@code seedHosts} the node is a cluster of its own ({@code discovery.type=single-node});
     * with them it joins the nodes found there, and the master-eligible nodes named in
     * {@code initialMasterNodes} elect the first master of a new cluster.
     */
    record Options(Path home, int httpPort, int transportPort, String clusterName, String nodeName, String seedHosts,
                   String initialMasterNodes) {

        static Options parse(String[] args) {
            Path home = null;
            Integer httpPort = null;
            Integer transportPort = null;
            String clusterName = "techbridge-local";
            String nodeName = null;
            String seedHosts = null;
            String initialMasterNodes = null;
            for (int i = 0; i < args.length; i++) {
                String flag = args[i];
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException("missing value for " + flag);
                }
                String value = args[++i];
                switch (flag) {
                    case "--home" -> home = Path.of(value).toAbsolutePath();
                    case "--http-port" -> httpPort = Integer.parseInt(value);
                    case "--transport-port" -> transportPort = Integer.parseInt(value);
                    case "--cluster-name" -> clusterName = value;
                    case "--node-name" -> nodeName = value;
                    case "--seed-hosts" -> seedHosts = value;
                    case "--initial-master-nodes" -> initialMasterNodes = value;
                    default -> throw new IllegalArgumentException("unknown flag " + flag);
                }
            }
            if (home == null || httpPort == null || transportPort == null) {
                throw new IllegalArgumentException("--home, --http-port and --transport-port are required");
            }
            if ((seedHosts == null) != (initialMasterNodes == null)) {
                throw new IllegalArgumentException("--seed-hosts and --initial-master-nodes go together");
            }
            return new Options(home, httpPort, transportPort, clusterName,
                nodeName == null ? clusterName + "-node" : nodeName, seedHosts, initialMasterNodes);
        }
    }

    private ElasticsearchNodeMain() {}

    public static void main(String[] args) throws Exception {
        // LogConfigurator.configure insists on this listener, which catches log4j errors raised before it runs
        LogConfigurator.registerErrorListener();
        NETTY_PROPERTIES.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }

        Path config = Files.createDirectories(options.home().resolve("config"));
        Files.createDirectories(options.home().resolve("data"));
        Files.createDirectories(options.home().resolve("logs"));
        writeLogConfigIfAbsent(config.resolve("log4j2.properties"));

        String nodeName = options.nodeName();
        Settings.Builder builder = Settings.builder()
            .put("path.home", options.home().toString())
            .put("path.data", options.home().resolve("data").toString())
            .put("path.logs", options.home().resolve("logs").toString())
            .put("cluster.name", options.clusterName())
            .put("node.name", nodeName)
            .put("network.host", "127.0.0.1")
            .put("http.port", options.httpPort())
            .put("transport.port", options.transportPort())
            // a developer's nearly full disk must not turn indices read-only
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("action.auto_create_index", true);
        if (options.seedHosts() == null) {
            builder.put("discovery.type", "single-node");
        } else {
            builder.putList("discovery.seed_hosts", options.seedHosts().split(","))
                .putList("cluster.initial_master_nodes", options.initialMasterNodes().split(","));
        }
        Settings settings = builder.build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config, () -> nodeName);

        // LogConfigurator routes System.out and System.err into the log; keep the real ones for our own lines
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        LogConfigurator.setClusterName(options.clusterName());
        LogConfigurator.setNodeName(nodeName);
        LogConfigurator.configure(environment, true);

        CountDownLatch closed = new CountDownLatch(1);
        Node node;
        try {
            node = new ClasspathPluginsNode(environment, List.of(Netty4Plugin.class, ChineseAnalysisPlugin.class, RootInfoPlugin.class));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(node, closed), "elasticsearch-node-shutdown"));
            node.start();
        } catch (Exception e) {
            e.printStackTrace(stderr);
            System.exit(1);
            return;
        }
        int httpPort = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().getPort();
        stdout.println("elasticsearch-node started http://127.0.0.1:" + httpPort);
        // the node's own threads are daemons: without this wait the JVM would exit right away
        closed.await();
    }

    private static void writeLogConfigIfAbsent(Path target) throws IOException {
        if (Files.exists(target)) {
            return;
        }
        try (InputStream template = ElasticsearchNodeMain.class.getResourceAsStream("log4j2.properties")) {
            Files.copy(template, target);
        }
    }

    private static void close(Node node, CountDownLatch closed) {
        try {
            node.prepareForClose();
            node.close();
            node.awaitClose(30, TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // log4j's own shutdown hook is off (-Dlog4j.shutdownHookEnabled=false) so the node can log while closing
            LogManager.shutdown();
            closed.countDown();
        }
    }
}
