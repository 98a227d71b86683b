package io.idcardstream.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OpsEndpointTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(OpsEndpoint endpoint, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAnswerProbesFromTheirSuppliersAndServeMetrics() throws Exception {
        // Given
        AtomicBoolean ready = new AtomicBoolean(false);
        try (OpsEndpoint endpoint = OpsEndpoint.start("127.0.0.1", 0,
                () -> new OpsEndpoint.Status(true, "RUNNING"),
                () -> new OpsEndpoint.Status(ready.get(), ready.get() ? "RUNNING" : "REBALANCING"),
                () -> "idcard_outcomes_total 3.0\n")) {
            // When / Then
            HttpResponse<String> health = get(endpoint, "/healthz");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"detail\":\"RUNNING\"}\n");

            HttpResponse<String> notReady = get(endpoint, "/readyz");
            assertThat(notReady.statusCode()).isEqualTo(503);
            assertThat(notReady.body()).isEqualTo("{\"status\":\"DOWN\",\"detail\":\"REBALANCING\"}\n");

            ready.set(true);
            assertThat(get(endpoint, "/readyz").statusCode()).isEqualTo(200);

            HttpResponse<String> metrics = get(endpoint, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
            assertThat(metrics.body()).isEqualTo("idcard_outcomes_total 3.0\n");

            assertThat(get(endpoint, "/").statusCode()).isEqualTo(404);
        }
    }
}
