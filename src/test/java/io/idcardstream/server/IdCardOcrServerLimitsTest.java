package io.idcardstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.ocr.v20181119.OcrClient;
import com.tencentcloudapi.ocr.v20181119.models.IDCardOCRRequest;
import io.idcardstream.fetch.GuardedImageFetcher;
import io.idcardstream.ocr.AdvancedInfo;
import io.idcardstream.ocr.IdCardOcrResult;
import io.idcardstream.ocr.IdCardRecognizer;
import io.idcardstream.testing.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rate limit, admission, body size and connection limits, driven through the official SDK and raw sockets. */
class IdCardOcrServerLimitsTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Map<String, String> KEYS = Map.of("AKIDfirst", "firstKey", "AKIDsecond", "secondKey");

    private final ExecutorService callers = Executors.newFixedThreadPool(12);
    private final TestClock clock = new TestClock(Instant.now());
    private IdCardOcrServer server;

    @AfterEach
    void stop() {
        callers.shutdownNow();
        if (server != null) {
            Await.closeOnceAnswered(server);
        }
    }

    private void start(ServerSettings settings, IdCardRecognizer recognizer) throws Exception {
        server = IdCardOcrServer.start(settings, recognizer, ApiKeys.of(KEYS),
                new GuardedImageFetcher(GuardedImageFetcher.Settings.DEFAULTS), clock);
    }

    private static IDCardOCRRequest request(byte[] image) {
        IDCardOCRRequest request = new IDCardOCRRequest();
        request.setImageBase64(Base64.getEncoder().encodeToString(image));
        return request;
    }

    /** The answer's code: Success, the API error code, or what went wrong when there was no answer. */
    private static String code(OcrClient client, IDCardOCRRequest request) {
        try {
            client.IDCardOCR(request);
            return "Success";
        } catch (TencentCloudSDKException e) {
            return e.getErrorCode() != null ? e.getErrorCode() : "no answer: " + e.getMessage();
        }
    }

    private int readinessStatus() {
        try {
            return RawHttp.send(server.port(), "GET", "/readyz", Map.of(), new byte[0]).status();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fires {@code count} calls at once and counts the answers by code. */
    private Map<String, Integer> burst(OcrClient client, int count) throws Exception {
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(callers.submit(() -> code(client, request(new byte[] {1}))));
        }
        Map<String, Integer> byCode = new TreeMap<>();
        for (Future<String> answer : answers) {
            byCode.merge(answer.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS), 1, Integer::sum);
        }
        return byCode;
    }

    @Test
    void shouldLimitEachSecretIdToItsRateUnderABurst() throws Exception {
        // Given 5 requests per second per SecretId and a clock that stands still during the burst
        start(ServerSettings.defaults().withRateLimitRps(5), ScriptedRecognizer.returning(SeedSamples.FRONT));
        OcrClient first = SdkClients.client(server, "AKIDfirst", "firstKey");
        OcrClient second = SdkClients.client(server, "AKIDsecond", "secondKey");

        // When 12 parallel calls per key, then again one second later
        Map<String, Integer> firstBurst = burst(first, 12);
        Map<String, Integer> secondKeyBurst = burst(second, 12);
        clock.advance(Duration.ofSeconds(1));
        Map<String, Integer> oneSecondLater = burst(first, 12);

        // Then exactly the bucket's 5 tokens succeed each time, independently per key
        Map<String, Integer> expected = Map.of("Success", 5, "RequestLimitExceeded", 7);
        assertThat(List.of(firstBurst, secondKeyBurst, oneSecondLater)).containsExactly(expected, expected, expected);
        assertThat(SdkClients.apiError(first, request(new byte[] {1}))).isEqualTo(
                "RequestLimitExceeded: Your SecretId made more than 5 requests per second. Please retry later.");
    }

    @Test
    void shouldRefuseAtOnceWhenAllPlacesAreTakenAndRecoverAfterwards() throws Exception {
        // Given two places and a recogniser that holds every request until the test opens its gate
        ScriptedRecognizer recognizer = ScriptedRecognizer.gated(SeedSamples.BACK);
        start(ServerSettings.defaults().withQueueCapacity(2), recognizer);
        OcrClient client = SdkClients.client(server, "AKIDfirst", "firstKey");
        Future<String> held1 = callers.submit(() -> code(client, request(new byte[] {1})));
        Future<String> held2 = callers.submit(() -> code(client, request(new byte[] {2})));
        Await.until("requests held by the recogniser", () -> recognizer.requests().size(), 2, DEADLINE);

        // When
        String refused = SdkClients.apiError(client, request(new byte[] {3}));
        RawHttp.Response busy = RawHttp.send(server.port(), "GET", "/readyz", Map.of(), new byte[0]);
        recognizer.openGate();
        List<String> held = List.of(held1.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS),
                held2.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
        Await.until("requests in flight", server::inFlight, 0, DEADLINE);
        RawHttp.Response readyAgain = RawHttp.send(server.port(), "GET", "/readyz", Map.of(), new byte[0]);

        // Then
        assertThat(refused).isEqualTo("RequestLimitExceeded: The server is busy: 2 requests are already waiting. "
                + "Please retry later.");
        assertThat(held).containsExactly("Success", "Success");
        assertThat(List.of(busy.status() + " " + busy.body(), readyAgain.status() + " " + readyAgain.body()))
                .containsExactly("503 {\"status\":\"BUSY\"}\n", "200 {\"status\":\"READY\"}\n");
        assertThat(recognizer.requests()).hasSize(2);
    }

    @Test
    void shouldAnswerAdmittedRequestsBeforeClosing() throws Exception {
        // Given two requests held by the recogniser, with an answer (an 8 MiB crop) that takes a while to write
        IdCardOcrResult large = IdCardOcrResult.of(SeedSamples.FRONT_FIELDS,
                new AdvancedInfo(new byte[8 << 20], null, null, null, List.of()), null);
        ScriptedRecognizer recognizer = ScriptedRecognizer.gated(large);
        start(ServerSettings.defaults(), recognizer);
        OcrClient client = SdkClients.client(server, "AKIDfirst", "firstKey");
        Future<String> held1 = callers.submit(() -> code(client, request(new byte[] {1})));
        Future<String> held2 = callers.submit(() -> code(client, request(new byte[] {2})));
        Await.until("requests held by the recogniser", () -> recognizer.requests().size(), 2, DEADLINE);

        // When the server is asked to close while they are held, and only then are they recognised
        Future<?> closing = callers.submit(server::close);
        Await.until("readiness while closing", this::readinessStatus, 503, DEADLINE);
        String refused = SdkClients.apiError(client, request(new byte[] {3}));
        recognizer.openGate();
        List<String> held = List.of(held1.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS),
                held2.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
        closing.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);

        // Then both held requests get their whole answer; a new one is refused with a reason
        assertThat(held).containsExactly("Success", "Success");
        assertThat(refused).isEqualTo("RequestLimitExceeded: The server is shutting down. Please retry later.");
    }

    @Test
    void shouldRefuseBodiesOverTheLimitAndStillAnswerTheSdk() throws Exception {
        // Given
        start(ServerSettings.defaults().withMaxBodyBytes(1 << 20), ScriptedRecognizer.returning(SeedSamples.FRONT));
        OcrClient client = SdkClients.client(server, "AKIDfirst", "firstKey");

        // When
        String error = SdkClients.apiError(client, request(new byte[3 << 19]));

        // Then
        assertThat(error).isEqualTo("RequestSizeLimitExceeded: The request body is larger than 1048576 bytes.");
    }

    private Socket open() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), (int) DEADLINE.toMillis());
        socket.setSoTimeout((int) DEADLINE.toMillis());
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\r' && b >= 0; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }
}
