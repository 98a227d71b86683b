package io.idcardstream.deploy;

import static io.idcardstream.deploy.DeploymentFiles.list;
import static io.idcardstream.deploy.DeploymentFiles.map;
import static io.idcardstream.deploy.DeploymentFiles.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Renders k8s/base and each overlay with {@code kubectl kustomize} where kubectl is installed. */
class KustomizeRenderTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String MISSING = "kubectl is not installed on this machine (not on PATH): skipping the "
            + "render of k8s/base and k8s/overlays/* with `kubectl kustomize`";
    private static Path kubectl;

    @BeforeAll
    static void findKubectl() {
        Optional<Path> found = ExternalTool.onPath("kubectl");
        if (found.isEmpty()) {
            System.out.println("KustomizeRenderTest: " + MISSING);
        }
        kubectl = found.orElse(null);
    }

    /** The one allowed skip: the tool is absent on this machine. */
    @BeforeEach
    void requireKubectl() {
        Assumptions.assumeTrue(kubectl != null, MISSING);
    }

    @Test
    void shouldRenderTheBaseWithKedaAsTheOnlyAutoscaler() {
        List<Map<String, Object>> rendered = render("k8s/base");

        // No Namespace: creating one needs cluster rights an application team rarely has
        assertThat(kindsAndNames(rendered)).containsExactly("ConfigMap idcard-stream-serve-<hash>",
                "ConfigMap idcard-stream-worker-<hash>", "Deployment idcard-stream-serve",
                "Job idcard-stream-schemas", "NetworkPolicy idcard-stream-schemas",
                "NetworkPolicy idcard-stream-serve", "NetworkPolicy idcard-stream-worker",
                "PodDisruptionBudget idcard-stream-serve", "PodDisruptionBudget idcard-stream-worker",
                "ScaledObject idcard-stream-worker", "Service idcard-stream-serve", "Service idcard-stream-worker",
                "StatefulSet idcard-stream-worker");
        assertThat(namespacesOf(rendered)).containsExactly("idcard-stream");
        assertThat(mountedConfigMaps(rendered)).isEqualTo(generatedConfigMaps(rendered));
    }

    @Test
    void shouldRenderTheHpaOverlayWithTheHpaAsTheOnlyAutoscaler() {
        List<Map<String, Object>> rendered = render("k8s/overlays/hpa");

        assertThat(kindsAndNames(rendered)).containsExactly("ConfigMap idcard-stream-serve-<hash>",
                "ConfigMap idcard-stream-worker-<hash>", "Deployment idcard-stream-serve",
                "HorizontalPodAutoscaler idcard-stream-worker", "Job idcard-stream-schemas",
                "NetworkPolicy idcard-stream-schemas", "NetworkPolicy idcard-stream-serve",
                "NetworkPolicy idcard-stream-worker", "PodDisruptionBudget idcard-stream-serve",
                "PodDisruptionBudget idcard-stream-worker", "Service idcard-stream-serve",
                "Service idcard-stream-worker", "StatefulSet idcard-stream-worker");
        assertThat(namespacesOf(rendered)).containsExactly("idcard-stream");
    }

    @Test
    void shouldRenderTheKedaPendingOverlayWithLagAndPendingTriggers() {
        List<Map<String, Object>> rendered = render("k8s/overlays/keda-pending");
        Map<String, Object> scaledObject = rendered.stream()
                .filter(document -> scalar(document, "kind").equals("ScaledObject")).findFirst().orElseThrow();

        assertThat(list(scaledObject, "spec", "triggers")).extracting(trigger -> scalar(trigger, "type"))
                .containsExactly("kafka", "prometheus");
        assertThat(kindsAndNames(rendered)).filteredOn(entry -> entry.startsWith("ScaledObject")
                || entry.startsWith("HorizontalPodAutoscaler")).containsExactly("ScaledObject idcard-stream-worker");
    }

    @Test
    void shouldRenderThePrometheusOperatorOverlayWithMonitorsAndRules() {
        List<Map<String, Object>> rendered = render("k8s/overlays/prometheus-operator");

        assertThat(kindsAndNames(rendered)).filteredOn(entry -> entry.startsWith("Pod") || entry.startsWith("Prom"))
                .containsExactly("PodDisruptionBudget idcard-stream-serve", "PodDisruptionBudget idcard-stream-worker",
                        "PodMonitor idcard-stream-serve", "PodMonitor idcard-stream-worker",
                        "PrometheusRule idcard-stream");
        assertThat(namespacesOf(rendered)).containsExactly("idcard-stream");
    }

    @Test
    void shouldRenderTheSaslOverlayWithKedaAuthenticatedOnTheLagTrigger() {
        List<Map<String, Object>> rendered = render("k8s/overlays/keda-sasl-tls");
        Map<String, Object> scaledObject = rendered.stream()
                .filter(document -> scalar(document, "kind").equals("ScaledObject")).findFirst().orElseThrow();

        assertThat(scalar(list(scaledObject, "spec", "triggers").get(0), "authenticationRef", "name"))
                .isEqualTo("idcard-stream-kafka");
        assertThat(kindsAndNames(rendered)).contains("TriggerAuthentication idcard-stream-kafka");
    }

    @Test
    void shouldRenderTheStrimziOverlayWithEveryTopic() {
        List<Map<String, Object>> rendered = render("k8s/overlays/strimzi-topics");

        assertThat(kindsAndNames(rendered)).filteredOn(entry -> entry.startsWith("KafkaTopic")).hasSize(6);
        assertThat(namespacesOf(rendered)).containsExactly("idcard-stream");
    }

    private static List<Map<String, Object>> render(String folder) {
        ExternalTool.Result result = ExternalTool.run(DEADLINE, kubectl.toString(), "kustomize", folder);
        assertThat(result.exitCode()).as("kubectl kustomize " + folder + ": " + result.stderr()).isZero();
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : DeploymentFiles.yamlDocuments(result.stdout())) {
            documents.add(map(document));
        }
        return documents;
    }

    /** "Kind name", sorted, with the content hash of generated names replaced by {@code <hash>}. */
    private static List<String> kindsAndNames(List<Map<String, Object>> rendered) {
        return rendered.stream()
                .map(document -> scalar(document, "kind") + " " + scalar(document, "metadata", "name"))
                .map(entry -> entry.replaceAll("^(ConfigMap .*)-[a-z0-9]{10}$", "$1-<hash>"))
                .sorted().toList();
    }

    private static List<String> namespacesOf(List<Map<String, Object>> rendered) {
        TreeSet<String> namespaces = new TreeSet<>();
        for (Map<String, Object> document : rendered) {
            if (!scalar(document, "kind").equals("Namespace")) {
                namespaces.add(scalar(document, "metadata", "namespace"));
            }
        }
        return List.copyOf(namespaces);
    }

    private static List<String> generatedConfigMaps(List<Map<String, Object>> rendered) {
        return rendered.stream().filter(document -> scalar(document, "kind").equals("ConfigMap"))
                .map(document -> scalar(document, "metadata", "name")).sorted().toList();
    }

    private static List<String> mountedConfigMaps(List<Map<String, Object>> rendered) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> document : rendered) {
            if (List.of("Deployment", "StatefulSet", "Job").contains(scalar(document, "kind"))) {
                for (Object volume : list(document, "spec", "template", "spec", "volumes")) {
                    if (DeploymentFiles.has(volume, "configMap")) {
                        names.add(scalar(volume, "configMap", "name"));
                    }
                }
            }
        }
        return names.stream().distinct().sorted().toList();
    }
}
