package io.idcardstream.deploy;

import static io.idcardstream.deploy.DeploymentFiles.at;
import static io.idcardstream.deploy.DeploymentFiles.has;
import static io.idcardstream.deploy.DeploymentFiles.list;
import static io.idcardstream.deploy.DeploymentFiles.map;
import static io.idcardstream.deploy.DeploymentFiles.scalar;
import static io.idcardstream.deploy.DeploymentFiles.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.config.ConfigLoader;
import io.idcardstream.config.IdCardStreamConfig;
import io.idcardstream.deploy.KubernetesManifests.Manifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KubernetesManifestsTest {
    private static final String WORKER = "idcard-stream-worker";
    private static final String SERVE = "idcard-stream-serve";
    private static final String CONFIG_DIR = "/etc/idcard-stream";
    private static final String PART_OF = "app.kubernetes.io/part-of";

    private final KubernetesManifests k8s = KubernetesManifests.read();
    private final ConfigKeyRule rule = ConfigKeyRule.ofApplication();
    private final Map<String, Object> defaults = IdCardStreamConfig.definition().defaultValues();

    @Test
    void shouldPutEveryKustomizationInTheNamespace() {
        Map<String, String> namespaces = new TreeMap<>();
        for (Manifest kustomization : k8s.ofKind("Kustomization")) {
            namespaces.put(kustomization.relativePath(), scalar(kustomization.document(), "namespace"));
        }

        assertThat(namespaces).containsOnlyKeys("k8s/base/kustomization.yaml", "k8s/overlays/hpa/kustomization.yaml",
                "k8s/overlays/keda-pending/kustomization.yaml", "k8s/overlays/keda-sasl-tls/kustomization.yaml",
                "k8s/overlays/prometheus-operator/kustomization.yaml",
                "k8s/overlays/strimzi-topics/kustomization.yaml");
        assertThat(namespaces.values()).containsOnly("idcard-stream");
        // Only as an example outside every kustomization: creating it needs cluster rights
        assertThat(k8s.ofKind("Namespace")).extracting(Manifest::name).containsExactly("idcard-stream");
        assertThat(k8s.ofKind("Namespace")).extracting(Manifest::relativePath)
                .containsExactly("k8s/examples/namespace.yaml");
    }

    @Test
    void shouldKeepEachWorkersStateOnItsOwnVolumeWithAWarmStandbyElsewhere() {
        // Given the worker's StatefulSet and its headless Service
        Manifest worker = k8s.one("StatefulSet", WORKER);
        Manifest headless = k8s.one("Service", WORKER);
        Object claim = list(worker.document(), "spec", "volumeClaimTemplates").get(0);

        // Then the state directory is a per-pod volume that survives restarts, rollouts and scale-ins
        assertThat(scalar(claim, "metadata", "name")).isEqualTo(mountedVolume(WORKER, "/var/lib/idcard-stream"));
        assertThat(strings(claim, "spec", "accessModes")).containsExactly("ReadWriteOnce");
        assertThat(scalar(claim, "spec", "resources", "requests", "storage")).isEqualTo("10Gi");
        assertThat(map(worker.document(), "spec", "persistentVolumeClaimRetentionPolicy"))
                .isEqualTo(Map.of("whenScaled", "Retain", "whenDeleted", "Retain"));
        assertThat(workerConfig().getString(IdCardStreamConfig.STATE_DIR_CONFIG))
                .startsWith("/var/lib/idcard-stream/");
        // And the pods have stable names (the static member id) under a headless Service
        assertThat(scalar(worker.document(), "spec", "serviceName")).isEqualTo(headless.name());
        assertThat(scalar(headless.document(), "spec", "clusterIP")).isEqualTo("None");
        assertThat(map(headless.document(), "spec", "selector")).isEqualTo(selector(WORKER));
        assertThat(scalar(list(container(WORKER), "env").stream()
                .filter(variable -> scalar(variable, "name").equals("IDCARD_GROUP_INSTANCE_ID")).findFirst()
                .orElseThrow(), "valueFrom", "fieldRef", "fieldPath")).isEqualTo("metadata.name");
        // And each task has a warm copy on another pod
        assertThat(workerConfig().kafkaOverrides()).containsEntry("num.standby.replicas", "1");
    }

    @Test
    void shouldAdmitTrafficOnlyToThePortsEachPodServes() {
        Map<String, List<String>> ingressPorts = new TreeMap<>();
        for (Manifest policy : k8s.ofKind("NetworkPolicy")) {
            List<String> ports = new ArrayList<>();
            if (has(policy.document(), "spec", "ingress")) {
                for (Object rule : list(policy.document(), "spec", "ingress")) {
                    assertThat(has(rule, "from")).as(policy.name() + ": any source, these ports only").isFalse();
                    list(rule, "ports").forEach(port -> ports.add(scalar(port, "port")));
                }
            }
            assertThat(strings(policy.document(), "spec", "policyTypes")).containsExactly("Ingress");
            ingressPorts.put(scalar(policy.document(), "spec", "podSelector", "matchLabels",
                    "app.kubernetes.io/component"), ports);
        }

        // Named ports, so they follow the containers: the worker's and serve's ops ports, serve's API, nothing else
        assertThat(ingressPorts).isEqualTo(new TreeMap<>(Map.of("worker", List.of("ops"), "serve",
                List.of("http", "ops"), "schemas", List.of())));
        assertThat(list(container(WORKER), "ports")).extracting(port -> scalar(port, "name")).containsExactly("ops");
        assertThat(list(container(SERVE), "ports")).extracting(port -> scalar(port, "name"))
                .containsExactly("http", "ops");
    }

    @Test
    void shouldScrapeOnlyOperatorPortsAndShipTheAlertRulesForThePrometheusOperator() {
        Map<String, String> scraped = new TreeMap<>();
        for (Manifest monitor : k8s.ofKind("PodMonitor")) {
            scraped.put(monitor.name(), scalar(list(monitor.document(), "spec", "podMetricsEndpoints").get(0), "port"));
            assertThat(map(monitor.document(), "spec", "selector", "matchLabels")).isEqualTo(selector(monitor.name()));
        }
        Manifest rule = k8s.one("PrometheusRule", "idcard-stream");

        assertThat(scraped).isEqualTo(Map.of(WORKER, "ops", SERVE, "ops"));
        assertThat(list(rule.document(), "spec", "groups")).isEqualTo(list(DeploymentFiles.yamlDocument(
                DeploymentFiles.file(MonitoringQueries.ALERTS)), "groups"));
        assertThat(rule.relativePath()).isEqualTo("k8s/overlays/prometheus-operator/prometheusrule.yaml");
    }

    @Test
    void shouldGiveKedaTheClustersCredentialsThroughATriggerAuthenticationInTheSaslOverlay() {
        Manifest authentication = k8s.one("TriggerAuthentication", "idcard-stream-kafka");
        Map<String, Object> overlay = k8s.kustomization("k8s/overlays/keda-sasl-tls").document();

        assertThat(list(authentication.document(), "spec", "secretTargetRef")).extracting(
                ref -> scalar(ref, "parameter") + "=" + scalar(ref, "name") + "/" + scalar(ref, "key"))
                .containsExactly("sasl=idcard-stream-kafka-keda/sasl", "username=idcard-stream-kafka-keda/username",
                        "password=idcard-stream-kafka-keda/password", "tls=idcard-stream-kafka-keda/tls",
                        "ca=idcard-stream-kafka-keda/ca");
        assertThat(scalar(list(overlay, "patches").get(0), "patch")).contains("/spec/triggers/0/authenticationRef",
                "name: " + authentication.name());
    }

    @Test
    void shouldDeclareTheScriptsTopicsForStrimzisTopicOperator() {
        // Given the topic script and the KafkaTopic resources
        TopicScript script = TopicScript.read();
        Map<String, String> declared = new TreeMap<>();
        for (Manifest topic : k8s.ofKind("KafkaTopic")) {
            Map<String, Object> spec = map(topic.document(), "spec");
            declared.put(scalar(spec, "topicName"), scalar(spec, "partitions") + " partitions, "
                    + scalar(spec, "replicas") + " replicas, " + new TreeMap<>(map(spec, "config")));
        }

        // Then the same topics, partitions, retention and record size, replicated as the script does with 3
        Map<String, String> expected = new TreeMap<>();
        script.topics().values().forEach(topic -> expected.put(topic.name(), topic.partitions() + " partitions, "
                + "3 replicas, " + new TreeMap<>(Map.of("max.message.bytes", script.maxMessageBytes(),
                        "min.insync.replicas", 2, "retention.ms", topic.retentionMs()))));
        assertThat(declared).isEqualTo(expected);
    }

    @Test
    void shouldApplyTheSchemasWithTheWorkersSettingsBeforeAWorkerWithoutAutoRegistrationStarts() {
        Manifest job = k8s.one("Job", "idcard-stream-schemas");
        Object container = list(job.document(), "spec", "template", "spec", "containers").get(0);

        assertThat(strings(container, "args")).containsExactly("schemas", "apply");
        assertThat(list(job.document(), "spec", "template", "spec", "volumes")).filteredOn(volume ->
                scalar(volume, "name").equals("config")).extracting(volume -> scalar(volume, "configMap", "name"))
                .containsExactly(WORKER);
        assertThat(envValue(container, "IDCARD_CONFIG_FILE")).isEqualTo(envValue(container(WORKER),
                "IDCARD_CONFIG_FILE"));
        assertThat(workerConfig().getBoolean(IdCardStreamConfig.AUTO_REGISTER_SCHEMAS_CONFIG)).isFalse();
        assertThat(rule.unknownVariables(envNames(container))).isEmpty();
    }

    @Test
    void shouldLabelEveryResourceAsPartOfIdCardStream() {
        List<String> unlabelled = new ArrayList<>();
        for (Manifest manifest : k8s.all()) {
            boolean resource = !manifest.kind().equals("Kustomization") && !manifest.isPatch()
                    && !manifest.kind().equals("Secret");
            if (resource && !has(manifest.document(), "metadata", "labels", PART_OF)) {
                unlabelled.add(manifest.kind() + " " + manifest.name());
            } else if (resource) {
                assertThat(scalar(manifest.document(), "metadata", "labels", PART_OF)).as(manifest.name())
                        .isEqualTo("idcard-stream");
            }
        }

        assertThat(unlabelled).isEmpty();
    }

    @Test
    void shouldGiveIdCardStreamContainersOnlyRealSettings() {
        Map<String, List<String>> variables = new TreeMap<>();
        for (Manifest deployment : k8s.workloads()) {
            for (Object container : KubernetesManifests.containers(deployment)) {
                variables.put(deployment.name(), envNames(container));
            }
        }

        // No credential among them: those are files (shouldMountCredentialsAsFilesTheSettingsName)
        assertThat(variables).isEqualTo(new TreeMap<>(Map.of(
                WORKER, List.of("IDCARD_CONFIG_FILE", "IDCARD_LOG_FORMAT", "IDCARD_GROUP_INSTANCE_ID"),
                SERVE, List.of("IDCARD_CONFIG_FILE", "IDCARD_LOG_FORMAT"))));
        variables.forEach((deployment, names) -> {
            assertThat(rule.unknownVariables(names)).as(deployment).isEmpty();
            assertThat(names).as(deployment).allMatch(name -> name.startsWith(ConfigKeyRule.VARIABLE_PREFIX)
                    || ComposeFileTest.OTHER_APPLICATION_VARIABLES.contains(name));
        });
    }

    @Test
    void shouldMountTheGeneratedPropertiesFileThatIdCardConfigFileNames() {
        for (String deployment : List.of(WORKER, SERVE)) {
            Object container = container(deployment);
            String configFile = envValue(container, "IDCARD_CONFIG_FILE");
            String volume = mountedVolume(deployment, CONFIG_DIR);
            String configMap = scalar(volumeSpec(deployment, volume), "configMap", "name");
            Path generated = generatedConfigMapFile(configMap);

            assertThat(configFile).as(deployment).isEqualTo(CONFIG_DIR + "/" + generated.getFileName());
            assertThat(configMap).as(deployment).isEqualTo(deployment);
            assertThat(rule.unknownKeys(DeploymentFiles.properties(generated).keySet())).as(deployment).isEmpty();
        }
    }

    @Test
    void shouldConfigureTheWorkerWithTheDefaultsKedaAndTheTopicsRelyOn() {
        // Given the worker's properties, loaded as the application loads them
        IdCardStreamConfig config = workerConfig();

        // Then
        Map<String, Object> values = new TreeMap<>();
        for (String key : List.of(IdCardStreamConfig.APPLICATION_ID_CONFIG, IdCardStreamConfig.TOPIC_REQUESTS_CONFIG,
                IdCardStreamConfig.TOPIC_RECOGNIZED_CONFIG, IdCardStreamConfig.TOPIC_FAILED_CONFIG,
                IdCardStreamConfig.TOPIC_DLQ_CONFIG, IdCardStreamConfig.PROCESSING_GUARANTEE_CONFIG,
                IdCardStreamConfig.OCR_PROVIDER_CONFIG, IdCardStreamConfig.OPS_HOST_CONFIG,
                IdCardStreamConfig.OPS_PORT_CONFIG, IdCardStreamConfig.STATE_DIR_CONFIG,
                IdCardStreamConfig.REPLICATION_FACTOR_CONFIG)) {
            values.put(key, config.values().get(key));
        }
        Map<String, Object> expected = new TreeMap<>();
        for (String key : List.of(IdCardStreamConfig.APPLICATION_ID_CONFIG, IdCardStreamConfig.TOPIC_REQUESTS_CONFIG,
                IdCardStreamConfig.TOPIC_RECOGNIZED_CONFIG, IdCardStreamConfig.TOPIC_FAILED_CONFIG,
                IdCardStreamConfig.TOPIC_DLQ_CONFIG, IdCardStreamConfig.PROCESSING_GUARANTEE_CONFIG,
                IdCardStreamConfig.OCR_PROVIDER_CONFIG)) {
            expected.put(key, defaults.get(key));
        }
        expected.putAll(Map.of("ops.host", "0.0.0.0", "ops.port", 9400, "state.dir", "/var/lib/idcard-stream/state",
                "replication.factor", 3));
        assertThat(values).isEqualTo(expected);
        assertThat(config.kafkaOverrides())
                .isEqualTo(Map.of("topic.min.insync.replicas", "2", "num.standby.replicas", "1"));
    }

    @Test
    void shouldServeTheApiOnPort8080ForTheService() {
        IdCardStreamConfig config = serveConfig();

        assertThat(config.getString(IdCardStreamConfig.SERVER_HOST_CONFIG)).isEqualTo("0.0.0.0");
        assertThat(config.getInt(IdCardStreamConfig.SERVER_PORT_CONFIG)).isEqualTo(8080);
    }

    @Test
    void shouldRunTheWorkerAndServeCommands() {
        assertThat(strings(container(WORKER), "args")).containsExactly("run");
        assertThat(strings(container(SERVE), "args")).containsExactly("serve");
        assertThat(KubernetesManifests.containers(k8s.workload(WORKER))).hasSize(1);
        assertThat(KubernetesManifests.containers(k8s.workload(SERVE))).hasSize(1);
    }

    @Test
    void shouldProbeHealthzAndReadyzOnThePortsTheApplicationListensOn() {
        int opsPort = workerConfig().getInt(IdCardStreamConfig.OPS_PORT_CONFIG);
        int serverPort = serveConfig().getInt(IdCardStreamConfig.SERVER_PORT_CONFIG);
        int serveOpsPort = serveConfig().getInt(IdCardStreamConfig.SERVER_OPS_PORT_CONFIG);

        assertThat(probes(WORKER)).isEqualTo(Map.of("startupProbe", "/healthz ops", "livenessProbe", "/healthz ops",
                "readinessProbe", "/readyz ops"));
        // serve: liveness on the operator port that slow API clients cannot occupy; readiness on the API port itself
        assertThat(probes(SERVE)).isEqualTo(Map.of("startupProbe", "/healthz ops", "livenessProbe", "/healthz ops",
                "readinessProbe", "/readyz http"));
        assertThat(containerPorts(WORKER)).isEqualTo(Map.of("ops", opsPort));
        assertThat(containerPorts(SERVE)).isEqualTo(Map.of("http", serverPort, "ops", serveOpsPort));
        assertThat(scrapeAnnotations(WORKER)).isEqualTo(Map.of("prometheus.io/scrape", "true",
                "prometheus.io/port", String.valueOf(opsPort), "prometheus.io/path", "/metrics"));
        assertThat(scrapeAnnotations(SERVE)).isEqualTo(Map.of("prometheus.io/scrape", "true",
                "prometheus.io/port", String.valueOf(serveOpsPort), "prometheus.io/path", "/metrics"));
    }

    @Test
    void shouldScaleOnTheLagOfTheApplicationsConsumerGroup() {
        // Given the ScaledObject and the worker's settings
        Map<String, Object> scaledObject = k8s.one("ScaledObject", WORKER).document();
        List<Object> triggers = list(scaledObject, "spec", "triggers");
        IdCardStreamConfig config = workerConfig();

        // Then KEDA watches the worker's own group on the request topic of the worker's cluster
        assertThat(triggers).hasSize(1);
        assertThat(scalar(triggers.get(0), "type")).isEqualTo("kafka");
        Map<String, Object> metadata = map(triggers.get(0), "metadata");
        assertThat(scalar(metadata, "consumerGroup"))
                .isEqualTo(defaults.get(IdCardStreamConfig.APPLICATION_ID_CONFIG))
                .isEqualTo(config.getString(IdCardStreamConfig.APPLICATION_ID_CONFIG));
        assertThat(scalar(metadata, "topic")).isEqualTo(defaults.get(IdCardStreamConfig.TOPIC_REQUESTS_CONFIG));
        assertThat(scalar(metadata, "bootstrapServers"))
                .isEqualTo(String.join(",", config.getList(IdCardStreamConfig.BOOTSTRAP_SERVERS_CONFIG)));
        assertThat(map(scaledObject, "spec", "scaleTargetRef")).isEqualTo(Map.of("apiVersion", "apps/v1",
                "kind", "StatefulSet", "name", WORKER));
        // And never more instances than input partitions
        int partitions = TopicScript.read().topic("idcard.ocr.requests").partitions();
        assertThat(Integer.parseInt(scalar(scaledObject, "spec", "maxReplicaCount"))).isEqualTo(partitions);
        assertThat(Integer.parseInt(scalar(scaledObject, "spec", "minReplicaCount"))).isEqualTo(1);
        assertThat(has(k8s.workload(WORKER).document(), "spec", "replicas")).isFalse();
    }

    @Test
    void shouldReplaceKedaWithACpuHpaInTheHpaOverlay() {
        // Given the overlay
        Map<String, Object> overlay = k8s.kustomization("k8s/overlays/hpa").document();
        Manifest hpa = k8s.one("HorizontalPodAutoscaler", WORKER);
        Manifest deletion = k8s.all().stream().filter(Manifest::isPatch).findFirst().orElseThrow();

        // Then it adds the HPA and deletes exactly the base's ScaledObject
        assertThat(strings(overlay, "resources")).containsExactly("../../base", "hpa.yaml");
        assertThat(scalar(list(overlay, "patches").get(0), "path")).isEqualTo("delete-scaledobject.yaml");
        assertThat(deletion.relativePath()).isEqualTo("k8s/overlays/hpa/delete-scaledobject.yaml");
        assertThat(deletion.document()).isEqualTo(Map.of("$patch", "delete", "apiVersion", "keda.sh/v1alpha1",
                "kind", "ScaledObject", "metadata", Map.of("name", WORKER, "namespace", "idcard-stream")));
        assertThat(hpa.relativePath()).isEqualTo("k8s/overlays/hpa/hpa.yaml");
        assertThat(map(hpa.document(), "spec", "scaleTargetRef"))
                .isEqualTo(Map.of("apiVersion", "apps/v1", "kind", "StatefulSet", "name", WORKER));
        int partitions = TopicScript.read().topic("idcard.ocr.requests").partitions();
        assertThat(Integer.parseInt(scalar(hpa.document(), "spec", "maxReplicas"))).isEqualTo(partitions);
        assertThat(scalar(list(hpa.document(), "spec", "metrics").get(0), "resource", "name")).isEqualTo("cpu");
    }

    @Test
    void shouldAddThePendingStoreTriggerInTheKedaPendingOverlay() {
        Map<String, Object> overlay = k8s.kustomization("k8s/overlays/keda-pending").document();
        Map<String, Object> patch = map(list(overlay, "patches").get(0));
        List<Object> operations = DeploymentFiles.yamlDocuments(scalar(patch, "patch"));

        assertThat(strings(overlay, "resources")).containsExactly("../../base");
        assertThat(map(patch, "target")).isEqualTo(Map.of("group", "keda.sh", "version", "v1alpha1",
                "kind", "ScaledObject", "name", WORKER));
        assertThat(operations).hasSize(1);
        List<Object> ops = list(operations.get(0));
        assertThat(ops).hasSize(1);
        assertThat(scalar(ops.get(0), "op")).isEqualTo("add");
        assertThat(scalar(ops.get(0), "path")).isEqualTo("/spec/triggers/-");
        assertThat(scalar(ops.get(0), "value", "type")).isEqualTo("prometheus");
        assertThat(scalar(ops.get(0), "value", "metadata", "query"))
                .isEqualTo("sum(idcard_pending_requests{namespace=\"idcard-stream\"})");
    }

    @Test
    void shouldMountCredentialsAsFilesTheSettingsName() {
        // Given each workload's Secret volume and the setting that names a file in it
        Map<String, String> mounted = new TreeMap<>();
        for (String name : List.of(WORKER, SERVE)) {
            for (Object variable : list(container(name), "env")) {
                assertThat(Secrets.isCredentialVariable(scalar(variable, "name"))).as(name + " " + variable)
                        .isFalse();
                assertThat(has(variable, "valueFrom", "secretKeyRef")).as(name + " " + variable).isFalse();
            }
            for (Object volume : list(k8s.workload(name).document(), "spec", "template", "spec", "volumes")) {
                if (has(volume, "secret")) {
                    Map<String, Object> secret = map(volume, "secret");
                    Object mount = list(container(name), "volumeMounts").stream()
                            .filter(candidate -> scalar(candidate, "name").equals(scalar(volume, "name")))
                            .findFirst().orElseThrow();
                    assertThat(map(mount)).as(name).containsEntry("readOnly", true);
                    mounted.put(name, scalar(secret, "secretName") + " at " + scalar(mount, "mountPath") + " mode "
                            + Integer.toOctalString((Integer) secret.get("defaultMode"))
                            + (Boolean.TRUE.equals(secret.get("optional")) ? " optional" : ""));
                }
            }
        }
        IdCardStreamConfig serve = ConfigLoader.load(generatedConfigMapFile(SERVE), Map.of(), Map.of());

        // Then serve's pairs are required, the worker's only for ocr.provider=tencent, both readable by the group only
        assertThat(mounted).isEqualTo(Map.of(
                WORKER, "idcard-stream-tencent at /var/run/secrets/idcard-stream mode 440 optional",
                SERVE, "idcard-stream-serve-keys at /var/run/secrets/idcard-stream mode 440"));
        assertThat(serve.getString(IdCardStreamConfig.SERVER_KEYS_FILE_CONFIG))
                .isEqualTo("/var/run/secrets/idcard-stream/keys.properties");
        assertThat(workerConfig().getString(IdCardStreamConfig.TENCENT_SECRETS_FILE_CONFIG))
                .isEqualTo("/var/run/secrets/idcard-stream/tencent.properties");
    }

    @Test
    void shouldKeepSecretsOnlyAsMarkedExamplesOutsideEveryKustomization() {
        Map<String, Object> exampleKeys = new TreeMap<>();
        for (Manifest secret : k8s.ofKind("Secret")) {
            assertThat(secret.relativePath()).isEqualTo("k8s/examples/secrets.example.yaml");
            exampleKeys.put(secret.name(), new TreeMap<>(map(secret.document(), "stringData")));
        }

        assertThat(exampleKeys).isEqualTo(new TreeMap<>(Map.of(
                "idcard-stream-serve-keys", new TreeMap<>(Map.of("keys.properties",
                        "secret.id=EXAMPLE-REPLACE-ME\nsecret.key=EXAMPLE-REPLACE-ME\n")),
                "idcard-stream-tencent", new TreeMap<>(Map.of("tencent.properties",
                        "secret.id=EXAMPLE-REPLACE-ME\nsecret.key=EXAMPLE-REPLACE-ME\n")),
                "idcard-stream-schema-registry-admin", new TreeMap<>(Map.of("basic-auth-user-info",
                        "EXAMPLE-REPLACE-ME:EXAMPLE-REPLACE-ME")))));
        assertThat(DeploymentFiles.text(DeploymentFiles.file("k8s/examples/secrets.example.yaml")))
                .startsWith("# EXAMPLE ONLY: placeholder values, not credentials.");
        for (Manifest kustomization : k8s.ofKind("Kustomization")) {
            assertThat(kustomization.document()).as(kustomization.relativePath()).doesNotContainKey("secretGenerator");
            assertThat(strings(kustomization.document(), "resources")).as(kustomization.relativePath())
                    .noneMatch(resource -> resource.contains("examples"));
        }
    }

    @Test
    void shouldPinTheImageTheComposeFileBuilds() {
        Map<String, Object> base = k8s.kustomization("k8s/base").document();
        Map<String, Object> imageOverride = map(list(base, "images").get(0));
        Set<String> images = new TreeSet<>();
        for (Manifest deployment : k8s.workloads()) {
            for (Object container : KubernetesManifests.containers(deployment)) {
                images.add(scalar(container, "image"));
            }
        }

        assertThat(images).containsExactly("idcard-stream:0.1.0");
        assertThat(imageOverride).isEqualTo(Map.of("name", "idcard-stream", "newTag", "0.1.0"));
        assertThat(images).containsExactly(scalar(Compose.read().service("worker"), "image"));
        assertThat(images).allSatisfy(image -> assertThat(Images.isPinned(image)).isTrue());
    }

    @Test
    void shouldRunEveryPodAsTheImagesNonRootUserWithAReadOnlyRoot() {
        for (String name : List.of(WORKER, SERVE)) {
            Map<String, Object> pod = map(k8s.workload(name).document(), "spec", "template", "spec");
            Object container = container(name);

            assertThat(pod.get("automountServiceAccountToken")).as(name).isEqualTo(false);
            assertThat(pod.get("enableServiceLinks")).as(name).isEqualTo(false);
            assertThat(map(pod, "securityContext")).as(name).isEqualTo(Map.of("runAsNonRoot", true,
                    "runAsUser", Dockerfile.read().runtimeUid(), "runAsGroup", 10001, "fsGroup", 10001,
                    "seccompProfile", Map.of("type", "RuntimeDefault")));
            assertThat(map(container, "securityContext")).as(name).isEqualTo(Map.of(
                    "allowPrivilegeEscalation", false, "readOnlyRootFilesystem", true,
                    "capabilities", Map.of("drop", List.of("ALL"))));
            // Writable, exec-able places: /tmp for onnxruntime's natives, the working directory for state
            assertThat(has(volumeSpec(name, mountedVolume(name, "/tmp")), "emptyDir")).as(name).isTrue();
        }
        assertThat(has(volumeSpec(SERVE, mountedVolume(SERVE, "/var/lib/idcard-stream")), "emptyDir")).isTrue();
        assertThat(workerConfig().getString(IdCardStreamConfig.STATE_DIR_CONFIG))
                .startsWith("/var/lib/idcard-stream/");
    }

    @Test
    void shouldSizeEachInstanceForTheLocalEngine() {
        Map<String, IdCardStreamConfig> configs = Map.of(WORKER, workerConfig(), SERVE, serveConfig());
        for (String name : List.of(WORKER, SERVE)) {
            Map<String, Object> resources = map(container(name), "resources");

            assertThat(resources).as(name).isEqualTo(Map.of(
                    "requests", Map.of("cpu", "1", "memory", "1Gi"),
                    "limits", Map.of("cpu", "2", "memory", "1536Mi")));
            // One recognition at a time per requested CPU: the engine is CPU-bound
            assertThat(configs.get(name).getInt(IdCardStreamConfig.ENGINE_CONCURRENCY_CONFIG)).as(name)
                    .isEqualTo(Integer.parseInt(scalar(resources, "requests", "cpu")));
            assertThat(configs.get(name).getString(IdCardStreamConfig.OCR_PROVIDER_CONFIG)).as(name)
                    .isEqualTo("local");
        }
    }

    @Test
    void shouldGuardBothDeploymentsWithDisruptionBudgetsOnTheirPods() {
        Map<String, Object> worker = map(k8s.one("PodDisruptionBudget", WORKER).document(), "spec");
        Map<String, Object> serve = map(k8s.one("PodDisruptionBudget", SERVE).document(), "spec");

        assertThat(worker.get("maxUnavailable")).isEqualTo(1);
        assertThat(serve.get("minAvailable")).isEqualTo(1);
        assertThat(map(worker, "selector", "matchLabels")).isEqualTo(selector(WORKER));
        assertThat(map(serve, "selector", "matchLabels")).isEqualTo(selector(SERVE));
        assertThat(selector(WORKER)).isEqualTo(Map.of("app.kubernetes.io/name", "idcard-stream",
                "app.kubernetes.io/component", "worker"));
        assertThat(map(k8s.workload(WORKER).document(), "spec", "template", "metadata", "labels"))
                .containsAllEntriesOf(selector(WORKER));
        assertThat(map(k8s.workload(SERVE).document(), "spec", "template", "metadata", "labels"))
                .containsAllEntriesOf(selector(SERVE));
    }

    @Test
    void shouldExposeServeThroughAServiceOnItsNamedPort() {
        Map<String, Object> service = map(k8s.one("Service", SERVE).document(), "spec");

        assertThat(map(service, "selector")).isEqualTo(selector(SERVE));
        assertThat(list(service, "ports")).containsExactly(Map.of("name", "http", "port", 8080, "targetPort", "http"));
        assertThat(containerPorts(SERVE)).containsKey("http");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private Object container(String deployment) {
        return KubernetesManifests.containers(k8s.workload(deployment)).get(0);
    }

    private Map<String, Object> selector(String deployment) {
        return map(k8s.workload(deployment).document(), "spec", "selector", "matchLabels");
    }

    private static List<String> envNames(Object container) {
        return list(container, "env").stream().map(variable -> scalar(variable, "name")).toList();
    }

    private static String envValue(Object container, String name) {
        return list(container, "env").stream().filter(variable -> scalar(variable, "name").equals(name))
                .map(variable -> scalar(variable, "value")).findFirst()
                .orElseThrow(() -> new AssertionError("No " + name + " in " + container));
    }

    private String mountedVolume(String deployment, String mountPath) {
        return list(container(deployment), "volumeMounts").stream()
                .filter(mount -> scalar(mount, "mountPath").equals(mountPath))
                .map(mount -> scalar(mount, "name")).findFirst()
                .orElseThrow(() -> new AssertionError(deployment + " mounts nothing at " + mountPath));
    }

    private Map<String, Object> volumeSpec(String deployment, String volume) {
        return list(k8s.workload(deployment).document(), "spec", "template", "spec", "volumes").stream()
                .filter(spec -> scalar(spec, "name").equals(volume)).map(DeploymentFiles::map).findFirst()
                .orElseThrow(() -> new AssertionError(deployment + " has no volume " + volume));
    }

    /** The one file of a generated ConfigMap of the base kustomization. */
    private Path generatedConfigMapFile(String configMap) {
        Map<String, Object> base = k8s.kustomization("k8s/base").document();
        for (Object generator : list(base, "configMapGenerator")) {
            if (scalar(generator, "name").equals(configMap)) {
                List<String> files = strings(generator, "files");
                assertThat(files).as(configMap).hasSize(1);
                return DeploymentFiles.file("k8s/base/" + files.get(0));
            }
        }
        throw new AssertionError("k8s/base generates no ConfigMap " + configMap);
    }

    private IdCardStreamConfig workerConfig() {
        return ConfigLoader.load(generatedConfigMapFile(WORKER), Map.of(), Map.of());
    }

    private IdCardStreamConfig serveConfig() {
        return ConfigLoader.load(generatedConfigMapFile(SERVE), Map.of(), Map.of());
    }

    private Map<String, String> probes(String deployment) {
        Map<String, String> probes = new TreeMap<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            probes.put(probe, scalar(container(deployment), probe, "httpGet", "path") + " "
                    + scalar(container(deployment), probe, "httpGet", "port"));
        }
        return probes;
    }

    private Map<String, Integer> containerPorts(String deployment) {
        Map<String, Integer> ports = new TreeMap<>();
        for (Object port : list(container(deployment), "ports")) {
            ports.put(scalar(port, "name"), Integer.parseInt(scalar(port, "containerPort")));
        }
        return ports;
    }

    private Map<String, Object> scrapeAnnotations(String deployment) {
        return map(at(k8s.workload(deployment).document(), "spec", "template", "metadata"), "annotations");
    }
}
