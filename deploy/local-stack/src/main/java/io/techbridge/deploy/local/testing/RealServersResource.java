package io.techbridge.deploy.local.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a Quarkus test application at the real PostgreSQL and Kafka of {@link TestServers}, and
 * its token check at the test key of {@link TestTokens}.
 * Init arguments: {@code database}, the service's own database name; {@code elasticsearch=true}
 * for a service that also needs an Elasticsearch node.
 */
public final class RealServersResource implements QuarkusTestResourceLifecycleManager {

    private String database = "techbridge_test";
    private boolean elasticsearch;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        elasticsearch = Boolean.parseBoolean(initArgs.getOrDefault("elasticsearch", "false"));
    }

    @Override
    public Map<String, String> start() {
        TestServers servers = TestServers.get();
        // Every answer the tests receive is held to the service's OpenAPI document.
        if (io.restassured.RestAssured.filters().stream().noneMatch(DescribedAnswers.class::isInstance)) {
            io.restassured.RestAssured.filters(new DescribedAnswers());
        }
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", servers.jdbcUrl(database),
                "quarkus.datasource.username", servers.databaseUser(),
                "quarkus.datasource.password", servers.databasePassword(),
                "kafka.bootstrap.servers", servers.kafkaBootstrapServers()));
        // Tokens signed by TestTokens are the only ones this application accepts.
        config.put("mp.jwt.verify.publickey.location", TestTokens.keys().publicKey().toUri().toString());
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        if (elasticsearch) {
            config.put("quarkus.elasticsearch.hosts", servers.elasticsearchHosts());
        }
        return config;
    }

    @Override
    public void stop() {
        // The servers serve every test class of this JVM; TestServers stops them at exit.
    }
}
