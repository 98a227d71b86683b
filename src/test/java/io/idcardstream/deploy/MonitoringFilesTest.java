package io.idcardstream.deploy;

import static io.idcardstream.deploy.DeploymentFiles.list;
import static io.idcardstream.deploy.DeploymentFiles.map;
import static io.idcardstream.deploy.DeploymentFiles.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The alert rules and the dashboard: complete, about this application, and (where promtool is installed, always
 * with {@code -Palerts}) valid PromQL whose rules pass their unit tests in alerts.test.yml. That the metrics they
 * read are exported is checked against a running worker in {@code WorkerIT}.
 */
class MonitoringFilesTest {
    private static final String PROMTOOL_REQUIRED = "promtool.required";

    @Test
    void shouldAlertOnLagPausesDeadLettersFailuresQuotaAndRestores() {
        List<String> alerts = new ArrayList<>();
        for (Object group : list(DeploymentFiles.yamlDocument(DeploymentFiles.file(MonitoringQueries.ALERTS)),
                "groups")) {
            for (Object rule : list(group, "rules")) {
                alerts.add(scalar(rule, "alert"));
                assertThat(map(rule, "labels")).as(scalar(rule, "alert")).containsKey("severity");
                assertThat(map(rule, "annotations")).as(scalar(rule, "alert")).containsKey("summary");
            }
        }

        assertThat(alerts).containsExactly("IdCardStreamConsumerLagHigh", "IdCardStreamOcrPaused",
                "IdCardStreamDeadLetters", "IdCardStreamFailureRatioHigh", "IdCardStreamThrottled",
                "IdCardStreamQuotaSaturated", "IdCardStreamRestoreSlow", "IdCardStreamOcrCallSlow");
    }

    @Test
    void shouldChartWhatTheAlertsWatchOnADashboardWithAChosenDataSource() {
        JsonNode dashboard = MonitoringQueries.dashboard();
        List<String> titles = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> {
            titles.add(panel.get("title").asText());
            assertThat(panel.get("datasource").get("uid").asText()).isEqualTo("${datasource}");
            assertThat(panel.get("targets")).isNotEmpty();
        });

        assertThat(dashboard.get("uid").asText()).isEqualTo("idcard-stream");
        assertThat(titles).hasSize(10).doesNotHaveDuplicates();
        assertThat(String.join("\n", MonitoringQueries.dashboardExpressions())).contains(
                "idcard_ocr_call_seconds_bucket", "kafka_consumer_fetch_manager_records_lag_max", "idcard_ocr_paused",
                "idcard_ocr_ready", "idcard_state_restore_remaining_records", "dead_letter");
    }

    @Test
    void shouldPassPromtoolsCheckAndTheRulesUnitTests() {
        Optional<java.nio.file.Path> promtool = ExternalTool.onPath("promtool");
        if (promtool.isEmpty()) {
            String missing = "promtool is not installed (Debian package `prometheus`): alerts.yml and its unit "
                    + "tests were not run";
            if (Boolean.getBoolean(PROMTOOL_REQUIRED)) {
                throw new AssertionError(missing + "; -Palerts requires it: apt-get install -y prometheus");
            }
            org.junit.jupiter.api.Assumptions.abort(missing);
        }

        ExternalTool.Result check = ExternalTool.run(Duration.ofSeconds(60), promtool.get().toString(), "check",
                "rules", MonitoringQueries.ALERTS);
        ExternalTool.Result unitTests = ExternalTool.run(Duration.ofSeconds(120), promtool.get().toString(), "test",
                "rules", "deploy/prometheus/alerts.test.yml");

        assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
        assertThat(check.stdout()).contains("SUCCESS: 8 rules found");
        assertThat(unitTests.exitCode()).as(unitTests.stdout() + unitTests.stderr()).isZero();
    }
}
