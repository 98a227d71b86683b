package io.idcardstream.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PromQL of the shipped alert rules (deploy/prometheus/alerts.yml) and dashboard (deploy/grafana/). */
public final class MonitoringQueries {
    public static final String ALERTS = "deploy/prometheus/alerts.yml";
    public static final String DASHBOARD = "deploy/grafana/idcard-stream.json";

    /** Metric names as the exporter writes them; histogram series are reduced to the histogram's name. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:idcard|kafka|jvm)_[a-z0-9_]+)");

    private MonitoringQueries() {
    }

    /** Every {@code expr} of every alert rule. */
    public static List<String> alertExpressions() {
        List<String> expressions = new ArrayList<>();
        for (Object group : DeploymentFiles.list(DeploymentFiles.yamlDocument(DeploymentFiles.file(ALERTS)),
                "groups")) {
            for (Object rule : DeploymentFiles.list(group, "rules")) {
                expressions.add(DeploymentFiles.scalar(rule, "expr"));
            }
        }
        return expressions;
    }

    /** Every target {@code expr} of every dashboard panel. */
    public static List<String> dashboardExpressions() {
        List<String> expressions = new ArrayList<>();
        dashboard().get("panels").forEach(panel -> panel.get("targets")
                .forEach(target -> expressions.add(target.get("expr").asText())));
        return expressions;
    }

    static JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(DeploymentFiles.file(DASHBOARD).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metrics the alerts and the dashboard read. */
    public static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        List<String> expressions = new ArrayList<>(alertExpressions());
        expressions.addAll(dashboardExpressions());
        for (String expression : expressions) {
            Matcher matcher = METRIC.matcher(expression);
            while (matcher.find()) {
                names.add(matcher.group(1).replaceFirst("_(bucket|count|sum)$", ""));
            }
        }
        return names;
    }
}
