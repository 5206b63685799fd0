package io.techbridge.deploy.local.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a Quarkus test application at the real PostgreSQL and Kafka of {@link TestServers}.
 * Init argument {@code database}: the service's own database name.
 */
public final class RealServersResource implements QuarkusTestResourceLifecycleManager {

    private String database = "techbridge_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestServers servers = TestServers.get();
        return Map.of(
                "quarkus.datasource.jdbc.url", servers.jdbcUrl(database),
                "quarkus.datasource.username", servers.databaseUser(),
                "quarkus.datasource.password", servers.databasePassword(),
                "kafka.bootstrap.servers", servers.kafkaBootstrapServers());
    }

    @Override
    public void stop() {
        // The servers serve every test class of this JVM; TestServers stops them at exit.
    }
}
