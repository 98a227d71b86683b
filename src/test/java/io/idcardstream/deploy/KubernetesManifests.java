package io.idcardstream.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Every YAML document under k8s/, with the file it came from. */
final class KubernetesManifests {
    static final String FOLDER = "k8s";
    static final String NAMESPACE = "idcard-stream";

    record Manifest(Path file, Map<String, Object> document) {
        String kind() {
            return DeploymentFiles.scalar(document, "kind");
        }

        String name() {
            return DeploymentFiles.has(document, "metadata", "name")
                    ? DeploymentFiles.scalar(document, "metadata", "name") : "";
        }

        /** A strategic-merge patch document ({@code $patch: delete} etc.), not a resource. */
        boolean isPatch() {
            return document.containsKey("$patch");
        }

        String relativePath() {
            return DeploymentFiles.root().relativize(file).toString().replace('\\', '/');
        }
    }

    private final List<Manifest> manifests;

    private KubernetesManifests(List<Manifest> manifests) {
        this.manifests = List.copyOf(manifests);
    }

    static KubernetesManifests read() {
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : DeploymentFiles.filesUnder(FOLDER, ".yaml", ".yml")) {
            for (Object document : DeploymentFiles.yamlDocuments(file)) {
                manifests.add(new Manifest(file, DeploymentFiles.map(document)));
            }
        }
        return new KubernetesManifests(manifests);
    }

    /** Every document, resources, kustomizations and patches alike. */
    List<Manifest> all() {
        return manifests;
    }

    /** The resources of a kind, patches excluded. */
    List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(manifest -> manifest.kind().equals(kind) && !manifest.isPatch()).toList();
    }

    Manifest one(String kind, String name) {
        List<Manifest> found = ofKind(kind).stream().filter(manifest -> manifest.name().equals(name)).toList();
        if (found.size() != 1) {
            throw new AssertionError("Expected one " + kind + " " + name + " under k8s/, found " + found.size());
        }
        return found.get(0);
    }

    /** The long-running workloads: serve's Deployment and the worker's StatefulSet. */
    List<Manifest> workloads() {
        List<Manifest> workloads = new java.util.ArrayList<>(ofKind("Deployment"));
        workloads.addAll(ofKind("StatefulSet"));
        return workloads;
    }

    /** The Deployment or StatefulSet called {@code name}. */
    Manifest workload(String name) {
        List<Manifest> found = workloads().stream().filter(manifest -> manifest.name().equals(name)).toList();
        if (found.size() != 1) {
            throw new AssertionError("Expected one workload " + name + " under k8s/, found " + found.size());
        }
        return found.get(0);
    }

    Manifest kustomization(String folder) {
        return manifests.stream()
                .filter(manifest -> manifest.kind().equals("Kustomization")
                        && Objects.equals(manifest.relativePath(), folder + "/kustomization.yaml"))
                .findFirst().orElseThrow(() -> new AssertionError("No " + folder + "/kustomization.yaml"));
    }

    /** The pod template's containers of a Deployment, StatefulSet or Job. */
    static List<Object> containers(Manifest deployment) {
        return DeploymentFiles.list(deployment.document(), "spec", "template", "spec", "containers");
    }
}
