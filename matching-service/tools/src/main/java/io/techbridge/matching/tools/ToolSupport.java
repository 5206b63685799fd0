package io.techbridge.matching.tools;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.search.DocumentMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.io.InputStream;
import java.util.Properties;

/** What the command-line tools need to run the production search code outside the service. */
final class ToolSupport {

    private ToolSupport() {
    }

    static ElasticsearchClient elasticsearch(String hostAndPort) {
        Rest5Client rest = Rest5Client.builder(URI.create("http://" + hostAndPort)).build();
        return new ElasticsearchClient(new Rest5ClientTransport(rest, new JacksonJsonpMapper(DocumentMapper.create())));
    }

    /**
     * The matching configuration as the service reads it from its application.properties; a
     * system property of the same name overrides a value, which is how weights are tried out.
     */
    static MatchingConfig matchingConfig() {
        Properties properties = new Properties();
        try (InputStream in = ToolSupport.class.getResourceAsStream("/application.properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.putAll(System.getProperties());
        java.util.function.ToDoubleFunction<String> number = key -> {
            String value = properties.getProperty("techbridge.matching." + key);
            if (value == null) {
                throw new IllegalStateException("techbridge.matching." + key + " is not configured");
            }
            return Double.parseDouble(value.trim());
        };
        MatchingConfig.Weights weights = new MatchingConfig.Weights() {
            public double semantic() { return number.applyAsDouble("weights.semantic"); }
            public double lexical() { return number.applyAsDouble("weights.lexical"); }
            public double field() { return number.applyAsDouble("weights.field"); }
            public double maturity() { return number.applyAsDouble("weights.maturity"); }
            public double modes() { return number.applyAsDouble("weights.modes"); }
            public double budget() { return number.applyAsDouble("weights.budget"); }
            public double region() { return number.applyAsDouble("weights.region"); }
            public double freshness() { return number.applyAsDouble("weights.freshness"); }
        };
        MatchingConfig.Model model = new MatchingConfig.Model() {
            public double intercept() { return number.applyAsDouble("model.intercept"); }
            public double semantic() { return number.applyAsDouble("model.semantic"); }
            public double lexical() { return number.applyAsDouble("model.lexical"); }
            public double field() { return number.applyAsDouble("model.field"); }
            public double relativeSimilarity() { return number.applyAsDouble("model.relative-similarity"); }
            public double similarityOverNeighbours() { return number.applyAsDouble("model.similarity-over-neighbours"); }
            public double margin() { return number.applyAsDouble("model.margin"); }
            public double maturity() { return number.applyAsDouble("model.maturity"); }
            public double modes() { return number.applyAsDouble("model.modes"); }
            public double budget() { return number.applyAsDouble("model.budget"); }
            public double region() { return number.applyAsDouble("model.region"); }
            public double freshness() { return number.applyAsDouble("model.freshness"); }
        };
        java.util.function.Function<String, String> text = key -> {
            String value = properties.getProperty("techbridge.matching." + key);
            if (value == null) {
                throw new IllegalStateException("techbridge.matching." + key + " is not configured");
            }
            return value.trim();
        };
        MatchingConfig.Learning learning = new MatchingConfig.Learning() {
            public boolean enabled() { return Boolean.parseBoolean(text.apply("learning.enabled")); }
            public double rate() { return number.applyAsDouble("learning.rate"); }
            public double approvalRate() { return number.applyAsDouble("learning.approval-rate"); }
            public double approvalMargin() { return number.applyAsDouble("learning.approval-margin"); }
            public double minRatio() { return number.applyAsDouble("learning.min-ratio"); }
            public double maxRatio() { return number.applyAsDouble("learning.max-ratio"); }
            public int requeueDemands() { return (int) number.applyAsDouble("learning.requeue-demands"); }
            public int historyShown() { return (int) number.applyAsDouble("learning.history-shown"); }
            public int minCalibrationDecisions() { return (int) number.applyAsDouble("learning.min-calibration-decisions"); }
            public java.time.Duration cacheTtl() { return java.time.Duration.parse(text.apply("learning.cache-ttl")); }
        };
        return new MatchingConfig() {
            public double proposalThreshold() { return number.applyAsDouble("proposal-threshold"); }
            public int maxProposalsPerRecord() { return (int) number.applyAsDouble("max-proposals-per-record"); }
            public int proposalWorkers() { return (int) number.applyAsDouble("proposal-workers"); }
            public int candidatesPerRetriever() { return (int) number.applyAsDouble("candidates-per-retriever"); }
            public int fusedCandidates() { return (int) number.applyAsDouble("fused-candidates"); }
            public int nearestNeighbours() { return (int) number.applyAsDouble("nearest-neighbours"); }
            public int rrfK() { return (int) number.applyAsDouble("rrf-k"); }
            public double fitShare() { return number.applyAsDouble("fit-share"); }
            public Weights weights() { return weights; }
            public Learning learning() { return learning; }
            public Model model() { return model; }
        };
    }
}
