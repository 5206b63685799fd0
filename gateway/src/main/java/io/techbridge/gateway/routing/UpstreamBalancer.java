package io.techbridge.gateway.routing;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.stork.Stork;
import io.smallrye.stork.api.Service;
import io.smallrye.stork.api.ServiceDefinition;
import io.smallrye.stork.api.ServiceInstance;
import io.smallrye.stork.loadbalancer.leastresponsetime.LeastResponseTimeConfiguration;
import io.smallrye.stork.servicediscovery.staticlist.StaticConfiguration;
import io.techbridge.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Picks the instance of a service a request goes to. The instances are the base URLs configured for
 * the service (one or several); SmallRye Stork lists them (static service discovery) and chooses
 * among them (its least-response-time balancer, which also penalises an instance whose calls
 * failed). The gateway offers Stork only the instances that answered their last readiness probe,
 * so a stopped or crashed instance gets no requests; when none answered, all are offered, as the
 * probe may lag behind an instance that just came up.
 */
@ApplicationScoped
public class UpstreamBalancer {

    private static final Logger LOG = Logger.getLogger(UpstreamBalancer.class);

    /** One instance of a service: Stork's handle (with its call statistics) and the base URL it stands for. */
    public record Target(ServiceInstance instance, URI base) {

        /** Stork's id of the instance; -1 for the unbalanced fallback. */
        public long id() {
            return instance == null ? -1 : instance.getId();
        }

        /** The exchange got its answer's head. */
        void replied() {
            if (instance != null) {
                instance.recordReply();
            }
        }

        /** The exchange is over, with {@code failure} or without (null). */
        void ended(Throwable failure) {
            if (instance != null) {
                instance.recordEnd(failure);
            }
        }
    }

    private final Vertx vertx;
    private final Map<Upstream, List<URI>> configured = new EnumMap<>(Upstream.class);
    private final Map<Upstream, List<Target>> targets = new EnumMap<>(Upstream.class);
    /** Instance ids whose last probe failed; read on every request, written by the probes. */
    private final Set<Long> down = ConcurrentHashMap.newKeySet();
    private final Duration probeInterval;
    private final HttpClient probes;
    private long timer = -1;

    public UpstreamBalancer(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.probeInterval = config.healthProbeInterval();
        configured.put(Upstream.ACHIEVEMENT, config.upstream().achievement());
        configured.put(Upstream.DEMAND, config.upstream().demand());
        configured.put(Upstream.MATCHING, config.upstream().matching());
        this.probes = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) Math.min(1000, probeInterval.toMillis()))
                        .setKeepAlive(false),
                new PoolOptions().setHttp1MaxSize(8));
    }

    /** Defines the services in Stork and lists their instances once (static discovery answers at once). */
    void onStart(@Observes StartupEvent started) {
        for (Map.Entry<Upstream, List<URI>> entry : configured.entrySet()) {
            String name = entry.getKey().service();
            String addresses = entry.getValue().stream().map(u -> u.getHost() + ":" + port(u))
                    .collect(Collectors.joining(","));
            Stork.getInstance().defineIfAbsent(name, ServiceDefinition.of(
                    new StaticConfiguration().withAddressList(addresses).withShuffle("false"),
                    new LeastResponseTimeConfiguration()));
            Service service = Stork.getInstance().getService(name);
            List<ServiceInstance> instances = service.getInstances().await().atMost(Duration.ofSeconds(10));
            List<Target> list = new ArrayList<>();
            for (ServiceInstance instance : instances) {
                URI base = entry.getValue().stream()
                        .filter(u -> u.getHost().equals(instance.getHost()) && port(u) == instance.getPort())
                        .findFirst().orElseThrow();
                list.add(new Target(instance, base));
            }
            targets.put(entry.getKey(), List.copyOf(list));
        }
        if (targets.values().stream().anyMatch(l -> l.size() > 1)) {
            // With one instance there is nothing to choose from: a failed connect gives 503 either way.
            timer = vertx.setPeriodic(probeInterval.toMillis(), tick -> probeAll());
            LOG.infof("balancing %s", targets.entrySet().stream()
                    .map(e -> e.getKey().service() + " over " + e.getValue().stream().map(t -> t.base().toString()).toList())
                    .collect(Collectors.joining("; ")));
        }
    }

    @PreDestroy
    void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        probes.close();
    }

    /** Every configured base URL of the service, in configuration order (the first is the default one). */
    public List<URI> bases(Upstream upstream) {
        return configured.get(upstream);
    }

    /**
     * The instance for the next request, among those not yet tried for it: Stork's choice among the
     * ones that answered their last probe, else among all untried ones; empty when all were tried.
     */
    public Optional<Target> choose(Upstream upstream, Set<Long> tried) {
        List<Target> all = targets.get(upstream);
        if (all == null) {
            // Before the start event (never for a request): the first configured URL, unbalanced.
            return tried.isEmpty() ? Optional.of(new Target(null, configured.get(upstream).getFirst())) : Optional.empty();
        }
        List<Target> untried = all.stream().filter(t -> !tried.contains(t.instance().getId())).toList();
        if (untried.isEmpty()) {
            return Optional.empty();
        }
        List<Target> up = untried.stream().filter(t -> !down.contains(t.instance().getId())).toList();
        List<Target> offered = up.isEmpty() ? untried : up;
        Service service = Stork.getInstance().getService(upstream.service());
        ServiceInstance chosen = service.selectInstanceAndRecordStart(
                offered.stream().map(Target::instance).toList(), true);
        Target plain = offered.stream().filter(t -> t.instance().getId() == chosen.getId()).findFirst().orElseThrow();
        // Stork hands back a wrapper that records the call's time; keep it so the answer is recorded on it.
        return Optional.of(new Target(chosen, plain.base()));
    }

    /** A connection to the instance failed: it gets no further requests until a probe finds it ready. */
    public void markDown(Target target) {
        if (target.instance() != null && down.add(target.instance().getId())) {
            LOG.warnf("%s does not answer; requests go to the other instances", target.base());
        }
    }

    private void probeAll() {
        targets.values().forEach(list -> list.forEach(this::probe));
    }

    private void probe(Target target) {
        URI base = target.base();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
                .setPort(port(base)).setSsl("https".equalsIgnoreCase(base.getScheme()))
                .setURI(base.getRawPath().replaceAll("/+$", "") + "/q/health/ready")
                .setTimeout(Math.max(500, probeInterval.toMillis()));
        probes.request(options)
                .compose(request -> request.send().compose(response -> response.body().map(body -> response.statusCode())))
                .onComplete(result -> {
                    long id = target.instance().getId();
                    if (result.succeeded() && result.result() == 200) {
                        if (down.remove(id)) {
                            LOG.infof("%s is ready again", base);
                        }
                    } else if (down.add(id)) {
                        LOG.warnf("%s is not ready (%s); requests go to the other instances", base,
                                result.succeeded() ? "status " + result.result() : result.cause().toString());
                    }
                });
    }

    static int port(URI base) {
        if (base.getPort() > 0) {
            return base.getPort();
        }
        return "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
    }
}
