package io.idcardstream.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docker-compose.yml, parsed, with the accessors the tests need. */
final class Compose {
    static final String PATH = "docker-compose.yml";

    private final Map<String, Object> document;

    private Compose(Map<String, Object> document) {
        this.document = document;
    }

    static Compose read() {
        return new Compose(DeploymentFiles.yamlDocument(DeploymentFiles.file(PATH)));
    }

    /** The whole file, for its top-level keys ({@code volumes}). */
    Map<String, Object> root() {
        return document;
    }

    Map<String, Object> services() {
        return DeploymentFiles.map(document, "services");
    }

    Map<String, Object> service(String name) {
        return DeploymentFiles.map(services(), name);
    }

    /** A service's environment, from either the mapping or the {@code NAME=value} list form. */
    Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        if (!DeploymentFiles.has(service(service), "environment")) {
            return environment;
        }
        Object node = DeploymentFiles.at(service(service), "environment");
        if (node instanceof List<?> entries) {
            for (Object entry : entries) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                environment.put(equals < 0 ? text : text.substring(0, equals),
                        equals < 0 ? "" : text.substring(equals + 1));
            }
        } else {
            DeploymentFiles.map(node).forEach((name, value) ->
                    environment.put(name, value == null ? "" : String.valueOf(value)));
        }
        return environment;
    }
}
