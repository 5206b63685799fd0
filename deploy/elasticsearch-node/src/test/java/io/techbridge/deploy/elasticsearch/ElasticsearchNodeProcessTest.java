package io.techbridge.deploy.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Starts the node as a separate JVM, exactly as the local stack and the services' test suites do. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ElasticsearchNodeProcessTest {

    private static final String CLUSTER_NAME = "techbridge-test";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path HOME = TARGET.resolve("es-node-test-home");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static int launches;
    private static Process node;
    private static Path nodeOutput;
    private static URI baseUri;

    @BeforeAll
    static void startNode() throws Exception {
        deleteRecursively(HOME);
        startNodeOnHome();
    }

    @AfterAll
    static void stopNode() throws InterruptedException {
        if (node != null) {
            node.destroy();
            if (node.waitFor(60, TimeUnit.SECONDS) == false) {
                node.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void rootAnswersWithTheInfoDocumentTheJavaClientExpects() throws Exception {
        HttpResponse<String> response = send("GET", "/", null);

        assertEquals(200, response.statusCode());
        assertEquals("Elasticsearch", response.headers().firstValue("X-Elastic-Product").orElse(null));
        JsonNode info = JSON.readTree(response.body());
        assertEquals(CLUSTER_NAME, info.path("cluster_name").asText());
        assertEquals("9.5.3", info.path("version").path("number").asText());
        assertEquals("default", info.path("version").path("build_flavor").asText());
        assertEquals("You Know, for Search", info.path("tagline").asText());
        assertEquals(200, send("HEAD", "/", null).statusCode());
    }

    @Test
    @Order(2)
    void smartcnSplitsChineseIntoWords() throws Exception {
        List<String> tokens = analyze("smartcn", "石墨烯复合材料的制备方法");

        assertEquals(List.of("石墨", "烯", "复合材料", "的", "制备", "方法"), tokens);
    }

    @Test
    @Order(3)
    void cjkYieldsBigrams() throws Exception {
        List<String> tokens = analyze("cjk", "复合材料");

        assertEquals(List.of("复合", "合材", "材料"), tokens);
    }

    @Test
    @Order(4)
    void knnFindsTheNearestDocumentAndTheIndexSurvivesARestart() throws Exception {
        String mapping = """
            {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
             "mappings": {"properties": {
               "title": {"type": "text", "analyzer": "smartcn"},
               "embedding": {"type": "dense_vector", "dims": 4, "index": true, "similarity": "cosine"}}}}
            """;
        assertEquals(200, send("PUT", "/achievements", mapping).statusCode());
        index("1", "石墨烯复合材料", "[1, 0, 0, 0]");
        index("2", "锂电池正极材料", "[0, 1, 0, 0]");
        index("3", "生物医用高分子", "[0, 0, 1, 0]");

        assertEquals("2", nearestTo("[0.1, 0.9, 0.1, 0]"));

        node.destroy();
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "node did not stop on SIGTERM");
        assertTrue(Files.readString(HOME.resolve("logs").resolve(CLUSTER_NAME + ".log")).contains("] closed"), "node did not close cleanly");
        startNodeOnHome();

        JsonNode document = JSON.readTree(send("GET", "/achievements/_doc/2", null).body());
        assertTrue(document.path("found").asBoolean(), document.toString());
        assertEquals("锂电池正极材料", document.path("_source").path("title").asText());
        assertEquals("2", nearestTo("[0.1, 0.9, 0.1, 0]"));
    }

    private static void startNodeOnHome() throws Exception {
        int httpPort = freePort();
        int transportPort = freePort();
        String classpath = TARGET.resolve("classes") + File.pathSeparator
            + Files.readString(TARGET.resolve("runtime.classpath")).strip();
        List<String> command = new ArrayList<>(List.of(
            ProcessHandle.current().info().command().orElseThrow(),
            "-Xms256m", "-Xmx512m",
            "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector",
            "-Dlog4j.shutdownHookEnabled=false",
            "-cp", classpath,
            ElasticsearchNodeMain.class.getName(),
            "--home", HOME.toString(),
            "--http-port", Integer.toString(httpPort),
            "--transport-port", Integer.toString(transportPort),
            "--cluster-name", CLUSTER_NAME
        ));
        nodeOutput = Files.createDirectories(HOME).resolve("launch-" + ++launches + ".out");
        long startedAt = System.nanoTime();
        node = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(nodeOutput.toFile()).start();
        baseUri = URI.create("http://127.0.0.1:" + httpPort);
        awaitYellow();
        System.out.printf("elasticsearch-node yellow %d ms after launch, output in %s%n",
            Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), nodeOutput);
        assertTrue(Files.readString(nodeOutput).contains("elasticsearch-node started " + baseUri), "no start-up line");
    }

    private static void awaitYellow() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (node.isAlive() == false) {
                fail("node exited with " + node.exitValue() + ":\n" + Files.readString(nodeOutput));
            }
            try {
                if (send("GET", "/_cluster/health?wait_for_status=yellow&timeout=1s", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                Thread.sleep(200);
            }
        }
        fail("node not yellow within " + START_TIMEOUT + ":\n" + Files.readString(nodeOutput));
    }

    private static List<String> analyze(String analyzer, String text) throws Exception {
        String body = JSON.createObjectNode().put("analyzer", analyzer).put("text", text).toString();
        HttpResponse<String> response = send("POST", "/_analyze", body);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("tokens").findValuesAsText("token");
    }

    private static void index(String id, String title, String embedding) throws Exception {
        String body = "{\"title\": \"" + title + "\", \"embedding\": " + embedding + "}";
        HttpResponse<String> response = send("PUT", "/achievements/_doc/" + id + "?refresh=true", body);
        assertEquals(201, response.statusCode(), response.body());
    }

    private static String nearestTo(String vector) throws Exception {
        String query = "{\"knn\": {\"field\": \"embedding\", \"query_vector\": " + vector + ", \"k\": 1, \"num_candidates\": 10}}";
        HttpResponse<String> response = send("POST", "/achievements/_search", query);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode hits = JSON.readTree(response.body()).path("hits").path("hits");
        assertEquals(1, hits.size(), response.body());
        return hits.get(0).path("_id").asText();
    }

    private static HttpResponse<String> send(String method, String path, String jsonBody) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(Duration.ofSeconds(30));
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory) == false) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
