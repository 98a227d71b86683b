package io.idcardstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idcardstream.fetch.GuardedImageFetcher;
import io.idcardstream.fetch.HostResolver;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wire protocol with requests no SDK sends: raw HTTP signed by an independent TC3 implementation. */
class IdCardOcrServerProtocolTest {
    private static final String SECRET_ID = "AKIDprotocolTest";
    private static final String SECRET_KEY = "protocolTestKey";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] BODY = "{\"ImageBase64\":\"AQID\",\"CardSide\":\"FRONT\"}".getBytes(StandardCharsets.UTF_8);

    private IdCardOcrServer server;
    private final ScriptedRecognizer recognizer = ScriptedRecognizer.returning(SeedSamples.FRONT);

    @AfterEach
    void stopServer() {
        if (server != null) {
            Await.closeOnceAnswered(server);
        }
    }

    private void start(ApiKeys keys, Clock clock, HostResolver resolver) throws Exception {
        start(ServerSettings.defaults(), keys, clock, resolver);
    }

    private void start(ServerSettings settings, ApiKeys keys, Clock clock, HostResolver resolver) throws Exception {
        server = IdCardOcrServer.start(settings, recognizer, keys,
                new GuardedImageFetcher(GuardedImageFetcher.Settings.DEFAULTS, resolver,
                        (SSLSocketFactory) SSLSocketFactory.getDefault()), clock);
    }

    private void start() throws Exception {
        start(ApiKeys.of(SECRET_ID, SECRET_KEY), Clock.systemUTC(), HostResolver.SYSTEM);
    }

    private Map<String, String> signed(String action, byte[] body) throws Exception {
        Map<String, String> signedHeaders = new LinkedHashMap<>();
        signedHeaders.put("content-type", "application/json; charset=utf-8");
        signedHeaders.put("host", server.endpoint());
        return IndependentTc3Signer.signedHeaders(SECRET_ID, SECRET_KEY, Instant.now().getEpochSecond(), "ocr",
                signedHeaders, action, body);
    }

    private RawHttp.Response post(Map<String, String> headers, byte[] body) throws Exception {
        return RawHttp.send(server.port(), "POST", "/", headers, body);
    }

    /** {@code code: message} of an error envelope, after checking the envelope's shape. */
    private static String error(RawHttp.Response response) throws Exception {
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).isEqualTo("application/json");
        JsonNode answer = JSON.readTree(response.body()).get("Response");
        assertThat(answer.get("RequestId").asText()).matches(SdkClients.UUID);
        return answer.get("Error").get("Code").asText() + ": " + answer.get("Error").get("Message").asText();
    }

    @Test
    void shouldAuthenticateTheCapturedSdkRequestByteForByte() throws Exception {
        // Given the request of tencent-api.md 1.2, sent verbatim, at its own time; its example.com image must
        // not be downloaded, so the resolver knows no host
        start(ApiKeys.of("AKIDEXAMPLE", "secretkeyEXAMPLE"), Clock.fixed(Instant.ofEpochSecond(1795606868L),
                ZoneOffset.UTC), host -> {
                    throw new UnknownHostException(host);
                });
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Host", "ocr.tencentcloudapi.com");
        headers.put("Authorization", "TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2026-11-25/ocr/tc3_request, "
                + "SignedHeaders=content-type;host, "
                + "Signature=c7b8bb62d76973639ec117be21865f10d7a8f5e4c4147e19e61e7677485be626");
        headers.put("X-TC-Action", "IDCardOCR");
        headers.put("X-TC-Timestamp", "1795606868");
        headers.put("X-TC-Version", "2018-11-19");
        headers.put("X-TC-RequestClient", "SDK_JAVA_3.1.1342");
        headers.put("X-TC-Region", "ap-guangzhou");
        headers.put("Content-Type", "application/json; charset=utf-8");
        byte[] body = "{\"ImageUrl\":\"https://example.com/a.jpg\",\"CardSide\":\"FRONT\"}"
                .getBytes(StandardCharsets.UTF_8);

        // When
        RawHttp.Response response = post(headers, body);

        // Then authentication passed and the request reached the image download
        assertThat(error(response)).isEqualTo("FailedOperation.DownLoadError: Host example.com was not found");
    }

    @Test
    void shouldAnswerASignatureFromAnIndependentImplementationSigningMoreHeaders() throws Exception {
        // Given Tencent's demo style: content-type;host;x-tc-action, the action lower-cased in the signature
        start();
        Map<String, String> signedHeaders = new LinkedHashMap<>();
        signedHeaders.put("content-type", "application/json; charset=utf-8");
        signedHeaders.put("host", server.endpoint());
        signedHeaders.put("x-tc-action", "IDCardOCR");
        Map<String, String> headers = IndependentTc3Signer.signedHeaders(SECRET_ID, SECRET_KEY,
                Instant.now().getEpochSecond(), "ocr", signedHeaders, "IDCardOCR", BODY);

        // When
        RawHttp.Response response = post(headers, BODY);

        // Then the whole answer is the API's success envelope, and the connection is not kept (see ApiHandler)
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).isEqualTo("application/json");
        assertThat(response.headers().get("connection")).isEqualTo("close");
        JsonNode answer = JSON.readTree(response.body());
        String requestId = answer.get("Response").get("RequestId").asText();
        assertThat(requestId).matches(SdkClients.UUID);
        assertThat(response.body()).isEqualTo("{\"Response\":{\"Name\":\"李明\",\"Sex\":\"男\",\"Nation\":\"汉\","
                + "\"Birth\":\"1987/1/1\",\"Address\":\"北京市石景山区高新技术园腾讯大楼\",\"IdNum\":\"440524198701010014\","
                + "\"Authority\":\"\",\"ValidDate\":\"\",\"AdvancedInfo\":\"{}\",\"ReflectDetailInfos\":[],"
                + "\"RequestId\":\"" + requestId + "\"}}");
    }

    @Test
    void shouldCheckAuthenticationBeforeActionVersionAndBody() throws Exception {
        // Given
        start();
        long now = Instant.now().getEpochSecond();
        Map<String, String> missingAuthorization = signed("IDCardOCR", BODY);
        missingAuthorization.remove("Authorization");
        Map<String, String> wrongKeyAndAction = signed("GeneralBasicOCR", "not json".getBytes(StandardCharsets.UTF_8));
        wrongKeyAndAction.put("Authorization", wrongKeyAndAction.get("Authorization").replaceAll("Signature=\\w+",
                "Signature=" + "0".repeat(64)));
        Map<String, String> stale = new LinkedHashMap<>();
        Map<String, String> staleSigned = new LinkedHashMap<>();
        staleSigned.put("content-type", "application/json; charset=utf-8");
        staleSigned.put("host", server.endpoint());
        stale.putAll(IndependentTc3Signer.signedHeaders(SECRET_ID, SECRET_KEY, now - 3600, "ocr", staleSigned,
                "IDCardOCR", BODY));
        Map<String, String> otherAction = signed("GeneralBasicOCR", BODY);
        Map<String, String> noAction = signed("IDCardOCR", BODY);
        noAction.remove("X-TC-Action");
        Map<String, String> otherVersion = signed("IDCardOCR", BODY);
        otherVersion.put("X-TC-Version", "2017-03-12");
        byte[] notJson = "{\"ImageBase64\":".getBytes(StandardCharsets.UTF_8);
        byte[] duplicateKey = "{\"CardSide\":\"FRONT\",\"CardSide\":\"BACK\"}".getBytes(StandardCharsets.UTF_8);
        byte[] array = "[{\"ImageBase64\":\"AQID\"}]".getBytes(StandardCharsets.UTF_8);
        byte[] wrongType = "{\"ImageBase64\":123}".getBytes(StandardCharsets.UTF_8);

        // When
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("missing Authorization", error(post(missingAuthorization, BODY)));
        errors.put("bad signature, bad action, bad body", error(post(wrongKeyAndAction, "not json".getBytes(
                StandardCharsets.UTF_8))));
        errors.put("an hour old", error(post(stale, BODY)).replaceAll("\\d{10}", "<t>"));
        errors.put("other action", error(post(otherAction, BODY)));
        errors.put("no action", error(post(noAction, BODY)));
        errors.put("other version", error(post(otherVersion, BODY)));
        errors.put("not JSON", error(post(signed("IDCardOCR", notJson), notJson)));
        errors.put("duplicate key", error(post(signed("IDCardOCR", duplicateKey), duplicateKey)));
        errors.put("array body", error(post(signed("IDCardOCR", array), array)));
        errors.put("number for a string", error(post(signed("IDCardOCR", wrongType), wrongType)));

        // Then
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("missing Authorization", "AuthFailure.InvalidAuthorization: The Authorization header is missing. "
                + "Authorization must be 'TC3-HMAC-SHA256 Credential=<SecretId>/<yyyy-MM-dd>/<service>/tc3_request, "
                + "SignedHeaders=<names>, Signature=<hex>'.");
        expected.put("bad signature, bad action, bad body", "AuthFailure.SignatureFailure: The provided credentials "
                + "could not be validated. Please check your signature is correct.");
        expected.put("an hour old", "AuthFailure.SignatureExpire: The signature expired: X-TC-Timestamp <t> is more "
                + "than 300 seconds from the server time <t>.");
        expected.put("other action", "InvalidAction: The action `GeneralBasicOCR` is not supported; this server "
                + "provides IDCardOCR.");
        expected.put("no action", "MissingParameter: The request is missing the required header X-TC-Action.");
        expected.put("other version", "NoSuchVersion: The API version `2017-03-12` does not exist; IDCardOCR is "
                + "version 2018-11-19.");
        expected.put("not JSON", "InvalidParameter: The request body is not valid JSON (line 1, column 16).");
        expected.put("duplicate key", "InvalidParameter: The request body repeats a key (line 1, column 31).");
        expected.put("array body", "InvalidParameter: The request body must be a JSON object.");
        expected.put("number for a string", "InvalidParameter: The value of parameter `ImageBase64` must be a String.");
        assertThat(errors).containsExactlyEntriesOf(expected);
        assertThat(recognizer.requests()).isEmpty();
    }

    @Test
    void shouldAnswerMethodsOtherThanPostAndGetWithUnsupportedProtocolInTheEnvelope() throws Exception {
        // Given
        start();

        // When
        RawHttp.Response put = RawHttp.send(server.port(), "PUT", "/", Map.of(), BODY);

        // Then
        assertThat(error(put)).isEqualTo("UnsupportedProtocol: This server supports the API only as POST / with a "
                + "JSON body or GET / with query parameters.");
    }

    @Test
    void shouldServeHealthReadinessAndMetricsOffTheApiPath() throws Exception {
        // Given one answered request
        start();
        post(signed("IDCardOCR", BODY), BODY);
        Await.until("requests in flight", server::inFlight, 0, Duration.ofSeconds(5));

        // When
        RawHttp.Response health = RawHttp.send(server.port(), "GET", "/healthz", Map.of(), new byte[0]);
        RawHttp.Response ready = RawHttp.send(server.port(), "GET", "/readyz", Map.of(), new byte[0]);
        RawHttp.Response metrics = RawHttp.send(server.port(), "GET", "/metrics", Map.of(), new byte[0]);
        RawHttp.Response elsewhere = RawHttp.send(server.port(), "POST", "/v2/ocr", Map.of(), BODY);

        // Then
        assertThat(List.of(health.status() + " " + health.body(), ready.status() + " " + ready.body(),
                elsewhere.status() + " " + elsewhere.body().replaceAll(",\"RequestId\".*", ""))).containsExactly(
                "200 {\"status\":\"UP\"}\n", "200 {\"status\":\"READY\"}\n", "404 " + TryPageTest.NOT_FOUND_ENVELOPE);
        assertThat(metrics.headers().get("content-type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body().lines().filter(line -> line.startsWith("idcard_server_")))
                .contains("idcard_server_requests_seconds_count{code=\"Success\"} 1",
                        "idcard_server_in_flight 0.0",
                        "idcard_server_queue_capacity 64.0",
                        "idcard_server_connections_rejected_total 0.0")
                // Buckets, so p99 can be computed across replicas (histogram_quantile), up to +Inf
                .anyMatch(line -> line.startsWith("idcard_server_requests_seconds_bucket{code=\"Success\",le=\"0.001\"}"))
                .contains("idcard_server_requests_seconds_bucket{code=\"Success\",le=\"+Inf\"} 1");
    }

    @Test
    void shouldServeMetricsOnlyOnTheOperatorPortWhenThereIsOne() throws Exception {
        // Given serve with an operator listener
        start(ServerSettings.defaults().withOpsPort(0), ApiKeys.of(SECRET_ID, SECRET_KEY), Clock.systemUTC(),
                HostResolver.SYSTEM);

        // When
        RawHttp.Response apiMetrics = RawHttp.send(server.port(), "GET", "/metrics", Map.of(), new byte[0]);
        RawHttp.Response apiReady = RawHttp.send(server.port(), "GET", "/readyz", Map.of(), new byte[0]);
        RawHttp.Response opsMetrics = RawHttp.send(server.opsPort(), "GET", "/metrics", Map.of(), new byte[0]);

        // Then clients of the API port cannot read the metrics; the probes still can
        assertThat(apiMetrics.status()).isEqualTo(404);
        assertThat(apiMetrics.body()).doesNotContain("idcard_server_");
        assertThat(apiReady.status()).isEqualTo(200);
        assertThat(opsMetrics.status()).isEqualTo(200);
        assertThat(opsMetrics.body()).contains("idcard_server_in_flight");
    }
}
