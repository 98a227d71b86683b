package io.idcardstream.deploy;

import static io.idcardstream.deploy.DeploymentFiles.list;
import static io.idcardstream.deploy.DeploymentFiles.map;
import static io.idcardstream.deploy.DeploymentFiles.scalar;
import static io.idcardstream.deploy.DeploymentFiles.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusConfigTest {
    private final Map<String, Object> prometheus =
            DeploymentFiles.yamlDocument(DeploymentFiles.file("deploy/prometheus/prometheus.yml"));
    private final Compose compose = Compose.read();

    @Test
    void shouldScrapeEveryWorkerInstanceOnItsOpsPort() {
        Map<String, Object> job = job("idcard-stream-worker");
        Map<String, Object> discovery = map(list(job, "dns_sd_configs").get(0));

        assertThat(scalar(job, "metrics_path")).isEqualTo("/metrics");
        assertThat(strings(discovery, "names")).containsExactly("worker");
        assertThat(scalar(discovery, "type")).isEqualTo("A");
        assertThat(scalar(discovery, "port")).isEqualTo(compose.environment("worker").get("IDCARD_OPS_PORT"));
    }

    @Test
    void shouldScrapeServeOnItsApiPort() {
        Map<String, Object> job = job("idcard-stream-serve");

        assertThat(scalar(job, "metrics_path")).isEqualTo("/metrics");
        assertThat(strings(map(list(job, "static_configs").get(0)), "targets"))
                .containsExactly("serve:" + compose.environment("serve").get("IDCARD_SERVER_PORT"));
    }

    @Test
    void shouldBeTheFileThePrometheusServiceMounts() {
        assertThat(strings(compose.service("prometheus"), "volumes")).containsExactly(
                "./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro", "prometheus-data:/prometheus");
        assertThat(strings(compose.service("prometheus"), "command"))
                .contains("--config.file=/etc/prometheus/prometheus.yml");
        assertThat(jobs().keySet()).containsExactly("idcard-stream-worker", "idcard-stream-serve", "prometheus");
    }

    private Map<String, Object> job(String name) {
        Map<String, Object> job = jobs().get(name);
        assertThat(job).as("scrape job " + name).isNotNull();
        return job;
    }

    private Map<String, Map<String, Object>> jobs() {
        Map<String, Map<String, Object>> jobs = new LinkedHashMap<>();
        List<Object> configs = list(prometheus, "scrape_configs");
        for (Object config : configs) {
            jobs.put(scalar(config, "job_name"), map(config));
        }
        return jobs;
    }
}
