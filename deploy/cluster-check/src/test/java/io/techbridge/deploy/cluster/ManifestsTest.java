package io.techbridge.deploy.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.techbridge.events.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The manifests of deploy/cluster/kubernetes, base and each overlay as rendered, hang together. */
class ManifestsTest {

    private static final Set<String> SERVICES = Set.of("achievement-service", "demand-service", "matching-service", "gateway");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local-kind", "overlays/production"})
    void everyServiceSelectsExactlyOneDeploymentAndTargetsOneOfItsContainerPorts(String variant) {
        List<HasMetadata> manifests = render(variant);
        List<Deployment> deployments = of(manifests, Deployment.class);
        assertEquals(SERVICES, deployments.stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet()));
        for (Service service : of(manifests, Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            List<Deployment> selected = deployments.stream()
                    .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                    .toList();
            assertEquals(1, selected.size(), service.getMetadata().getName() + " selects " + selected.size() + " deployments");
            List<ContainerPort> ports = selected.getFirst().getSpec().getTemplate().getSpec().getContainers().stream()
                    .flatMap(c -> c.getPorts().stream()).toList();
            service.getSpec().getPorts().forEach(port -> assertTrue(ports.stream().anyMatch(p -> targets(port.getTargetPort(), p)),
                    service.getMetadata().getName() + ": targetPort " + port.getTargetPort() + " is no container port"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local-kind", "overlays/production"})
    void everyKeyTakenFromASecretOrConfigMapIsDeclaredThere(String variant) {
        List<HasMetadata> manifests = render(variant);
        Map<String, Set<String>> secrets = of(manifests, Secret.class).stream()
                .collect(Collectors.toMap(s -> s.getMetadata().getName(), s -> s.getData().keySet()));
        Map<String, Set<String>> configMaps = of(manifests, ConfigMap.class).stream()
                .collect(Collectors.toMap(c -> c.getMetadata().getName(), c -> c.getData().keySet()));
        List<String> missing = new ArrayList<>();
        for (Deployment deployment : of(manifests, Deployment.class)) {
            String name = deployment.getMetadata().getName();
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                container.getEnv().stream().filter(env -> env.getValueFrom() != null).forEach(env -> {
                    var secretKey = env.getValueFrom().getSecretKeyRef();
                    var configKey = env.getValueFrom().getConfigMapKeyRef();
                    if (secretKey != null && !secrets.getOrDefault(secretKey.getName(), Set.of()).contains(secretKey.getKey())) {
                        missing.add(name + " " + env.getName() + ": secret " + secretKey.getName() + "/" + secretKey.getKey());
                    }
                    if (configKey != null && !configMaps.getOrDefault(configKey.getName(), Set.of()).contains(configKey.getKey())) {
                        missing.add(name + " " + env.getName() + ": config map " + configKey.getName() + "/" + configKey.getKey());
                    }
                });
                assertTrue(container.getEnvFrom().isEmpty(), name + ": envFrom names no keys, map each variable");
            }
            for (Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
                if (volume.getSecret() != null) {
                    volume.getSecret().getItems().forEach(item -> {
                        if (!secrets.getOrDefault(volume.getSecret().getSecretName(), Set.of()).contains(item.getKey())) {
                            missing.add(name + " volume " + volume.getName() + ": secret " + volume.getSecret().getSecretName() + "/" + item.getKey());
                        }
                    });
                }
            }
        }
        assertEquals(List.of(), missing);
        // The example ships key names only, never a value
        Manifests.envFile(Manifests.ROOT.resolve("base/techbridge-secrets.example.env"))
                .forEach((key, value) -> assertEquals("", value, "techbridge-secrets.example.env carries a value for " + key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local-kind", "overlays/production"})
    void everyTopicTheCodeUsesAndItsDeadLetterTopicIsAKafkaTopic(String variant) {
        Set<String> declared = of(render(variant), GenericKubernetesResource.class).stream()
                .filter(r -> "KafkaTopic".equals(r.getKind()))
                .map(r -> r.getMetadata().getName()).collect(Collectors.toSet());
        for (String topic : Topics.ALL) {
            assertTrue(declared.contains(topic), topic + " has no KafkaTopic");
            assertTrue(declared.contains(Topics.deadLetters(topic)), Topics.deadLetters(topic) + " has no KafkaTopic");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local-kind", "overlays/production"})
    void onlyTheGatewayIsExposedAndANetworkPolicyAdmitsTrafficToEachDeployment(String variant) {
        List<HasMetadata> manifests = render(variant);
        for (Service service : of(manifests, Service.class)) {
            boolean exposed = Set.of("LoadBalancer", "NodePort").contains(service.getSpec().getType());
            assertEquals("gateway".equals(service.getMetadata().getName()), exposed, service.getMetadata().getName() + " type " + service.getSpec().getType());
        }
        assertFalse(manifests.stream().anyMatch(m -> "Ingress".equals(m.getKind())), "no Ingress: the gateway's LoadBalancer is the way in");
        List<NetworkPolicy> policies = of(manifests, NetworkPolicy.class);
        assertTrue(policies.stream().anyMatch(p -> isEmpty(p.getSpec().getPodSelector()) && p.getSpec().getIngress().isEmpty()
                && p.getSpec().getPolicyTypes().contains("Ingress")), "a policy denies all ingress by default");
        for (Deployment deployment : of(manifests, Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(policies.stream().anyMatch(p -> !isEmpty(p.getSpec().getPodSelector()) && selects(p.getSpec().getPodSelector(), labels)),
                    "no NetworkPolicy selects " + deployment.getMetadata().getName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local-kind", "overlays/production"})
    void everyDeploymentHasLivenessAndReadinessProbesAndResourceRequestsAndLimits(String variant) {
        for (Deployment deployment : of(render(variant), Deployment.class)) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String name = deployment.getMetadata().getName();
                assertNotNull(container.getLivenessProbe(), name + " liveness");
                assertNotNull(container.getReadinessProbe(), name + " readiness");
                assertTrue(container.getResources().getRequests().keySet().containsAll(Set.of("cpu", "memory")), name + " requests");
                assertTrue(container.getResources().getLimits().containsKey("memory"), name + " memory limit");
                // A probe's port is one of the container's
                List<ContainerPort> ports = container.getPorts();
                for (var probe : List.of(container.getLivenessProbe(), container.getReadinessProbe())) {
                    assertTrue(ports.stream().anyMatch(p -> targets(probe.getHttpGet().getPort(), p)), name + " probe port " + probe.getHttpGet().getPort());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/local-kind", "overlays/production"})
    void disruptionBudgetsCoverEveryDeploymentAndTheAutoscalerScalesMatching(String variant) {
        List<HasMetadata> manifests = render(variant);
        List<Deployment> deployments = of(manifests, Deployment.class);
        Set<String> covered = of(manifests, PodDisruptionBudget.class).stream()
                .flatMap(pdb -> deployments.stream()
                        .filter(d -> selects(pdb.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata().getLabels()))
                        .map(d -> d.getMetadata().getName()))
                .collect(Collectors.toSet());
        assertEquals(SERVICES, covered);
        List<GenericKubernetesResource> scalers = of(manifests, GenericKubernetesResource.class).stream()
                .filter(r -> "ScaledObject".equals(r.getKind())).toList();
        assertEquals(1, scalers.size());
        Map<String, Object> target = scalers.getFirst().get("spec", "scaleTargetRef");
        assertEquals("Deployment", target.get("kind"));
        assertEquals("matching-service", target.get("name"));
        List<Map<String, Object>> triggers = scalers.getFirst().get("spec", "triggers");
        assertFalse(triggers.isEmpty());
        triggers.forEach(trigger -> {
            assertEquals("kafka", trigger.get("type"));
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
            assertTrue(Topics.ALL.contains((String) metadata.get("topic")), "the autoscaler watches " + metadata.get("topic"));
        });
    }

    private static List<HasMetadata> render(String variant) {
        return Manifests.render(variant.replace("overlays/", ""));
    }

    private static <T> List<T> of(List<HasMetadata> manifests, Class<T> type) {
        return manifests.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static boolean targets(IntOrString port, ContainerPort containerPort) {
        return port.getIntVal() != null ? port.getIntVal().equals(containerPort.getContainerPort()) : port.getStrVal().equals(containerPort.getName());
    }

    private static boolean isEmpty(LabelSelector selector) {
        return selector == null || (selector.getMatchLabels().isEmpty() && selector.getMatchExpressions().isEmpty());
    }

    /** matchLabels and the In / NotIn / Exists / DoesNotExist expressions. */
    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (!labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        return selector.getMatchExpressions().stream().allMatch(e -> switch (e.getOperator()) {
            case "In" -> e.getValues().contains(labels.get(e.getKey()));
            case "NotIn" -> !e.getValues().contains(labels.get(e.getKey()));
            case "Exists" -> labels.containsKey(e.getKey());
            case "DoesNotExist" -> !labels.containsKey(e.getKey());
            default -> throw new AssertionError("operator " + e.getOperator());
        });
    }
}
