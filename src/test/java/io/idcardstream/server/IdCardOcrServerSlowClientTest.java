package io.idcardstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.fetch.GuardedImageFetcher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, defect 3: clients that send their request slowly must not stall the server. Real slow sockets
 * against the real server; a good call and the health check must be answered at once meanwhile.
 */
class IdCardOcrServerSlowClientTest {
    private static final String SECRET_ID = "AKIDslowClients";
    private static final String SECRET_KEY = "slowClientsKey";
    private static final byte[] BODY = "{\"ImageBase64\":\"AQID\",\"CardSide\":\"FRONT\"}".getBytes(StandardCharsets.UTF_8);
    /** What "at once" means here: far below any header or body deadline. */
    private static final Duration PROMPT = Duration.ofSeconds(2);
    private static final Duration BYTE_PAUSE = Duration.ofMillis(250);

    private final SlowClients slow = new SlowClients();
    private IdCardOcrServer server;

    @AfterEach
    void stop() {
        slow.close();
        if (server != null) {
            Await.closeOnceAnswered(server);
        }
    }

    private void start(ServerSettings settings) throws Exception {
        server = IdCardOcrServer.start(settings, ScriptedRecognizer.returning(SeedSamples.FRONT),
                ApiKeys.of(SECRET_ID, SECRET_KEY), new GuardedImageFetcher(GuardedImageFetcher.Settings.DEFAULTS));
    }

    /** A signed IDCardOCR call as raw HTTP, from {@code from}; the whole answer, or why there was none. */
    private String goodCall(String from) throws Exception {
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("content-type", "application/json; charset=utf-8");
        signed.put("host", server.endpoint());
        Map<String, String> headers = IndependentTc3Signer.signedHeaders(SECRET_ID, SECRET_KEY,
                Instant.now().getEpochSecond(), "127", signed, "IDCardOCR", BODY);
        StringBuilder head = new StringBuilder("POST / HTTP/1.1\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(BODY.length).append("\r\nConnection: close\r\n\r\n");
        return SlowClients.exchange(from, server.port(), head.toString(), BODY);
    }

    private String health(String from) {
        return SlowClients.exchange(from, server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", new byte[0]);
    }

    /** The answer's status line and the API code or health body, with how long it took. */
    private record Timed(String summary, Duration took) {}

    private static Timed timed(java.util.concurrent.Callable<String> call) throws Exception {
        long start = System.nanoTime();
        String answer = call.call();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String status = answer.lines().findFirst().orElse("");
        String summary = answer.contains("\"Name\":\"李明\"") ? status + " Success"
                : answer.contains("\"status\":\"UP\"") ? status + " UP" : answer;
        return new Timed(summary, took);
    }

    @Test
    void shouldAnswerAGoodCallAndHealthWhileSlowClientsHoldEveryReader() throws Exception {
        // Given the default server (8 readers) and 8 clients trickling their headers plus 8 trickling a body
        start(ServerSettings.defaults());
        slow.trickle(8, "127.0.0.1", server.port(), "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                + "a".repeat(400) + "\r\n\r\n", BYTE_PAUSE);
        slow.trickle(8, "127.0.0.1", server.port(), "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 400\r\n\r\n"
                + "{".repeat(400), BYTE_PAUSE);
        Thread.sleep(500);

        // When a good call and a health check arrive, from another client
        Timed call = timed(() -> goodCall("127.0.0.2"));
        Timed healthz = timed(() -> health("127.0.0.2"));

        // Then both are answered at once
        assertThat(List.of(call.summary(), healthz.summary()))
                .containsExactly("HTTP/1.1 200 OK Success", "HTTP/1.1 200 OK UP");
        assertThat(List.of(call.took(), healthz.took())).allSatisfy(took -> assertThat(took).isLessThan(PROMPT));
    }

    @Test
    void shouldKeepServingOtherClientsWhenOneAddressOpens200SlowConnections() throws Exception {
        // Given one address holding 200 connections that trickle their headers
        start(ServerSettings.defaults());
        slow.trickle(200, "127.0.0.1", server.port(), "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: "
                + "a".repeat(400) + "\r\n\r\n", BYTE_PAUSE);
        Thread.sleep(1_000);

        // When two other clients call and check health
        Timed call = timed(() -> goodCall("127.0.0.2"));
        Timed healthz = timed(() -> health("127.0.0.3"));

        // Then they are answered at once
        assertThat(List.of(call.summary(), healthz.summary()))
                .containsExactly("HTTP/1.1 200 OK Success", "HTTP/1.1 200 OK UP");
        assertThat(List.of(call.took(), healthz.took())).allSatisfy(took -> assertThat(took).isLessThan(PROMPT));
    }

    /** Milliseconds until the server closes a connection that trickles {@code request}. */
    private long millisUntilClosed(String atOnce, String request) throws Exception {
        try (java.net.Socket socket = SlowClients.open("127.0.0.1", server.port())) {
            long start = System.nanoTime();
            java.io.OutputStream out = socket.getOutputStream();
            out.write(atOnce.getBytes(StandardCharsets.ISO_8859_1));
            socket.setSoTimeout(50);
            for (byte b : request.getBytes(StandardCharsets.ISO_8859_1)) {
                try {
                    out.write(b);
                    out.flush();
                    if (socket.getInputStream().read() < 0) {
                        break;
                    }
                } catch (java.net.SocketTimeoutException e) {
                    continue; // still open
                } catch (java.io.IOException e) {
                    break; // reset: closed
                }
                Thread.sleep(BYTE_PAUSE.toMillis());
            }
            return Duration.ofNanos(System.nanoTime() - start).toMillis();
        }
    }

    @Test
    void shouldCloseConnectionsWhoseHeadersOrBodyMissTheirDeadline() throws Exception {
        // Given one second for the headers and one for the body
        start(ServerSettings.defaults().withConnections(new ServerSettings.ConnectionLimits(256, 16,
                Duration.ofSeconds(1), Duration.ofSeconds(1))));

        // When one client trickles its headers and another its body, a byte every 250 ms
        long headers = millisUntilClosed("", "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "a".repeat(100));
        long body = millisUntilClosed("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n",
                "{".repeat(100));

        // Then each is closed soon after its deadline (the body's starts when the headers are in), and counted
        assertThat(headers).isBetween(900L, 2_500L);
        assertThat(body).isBetween(900L, 2_500L);
        String metrics = health("127.0.0.2").isEmpty() ? "" : SlowClients.exchange("127.0.0.2", server.port(),
                "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n", new byte[0]);
        assertThat(metrics.lines()).contains("idcard_server_connections_timed_out_total 2.0");
    }

    @Test
    void shouldCloseConnectionsOverThePerAddressCapAtOnceAndCountThem() throws Exception {
        // Given at most 3 connections per address
        start(ServerSettings.defaults().withConnections(new ServerSettings.ConnectionLimits(256, 3,
                Duration.ofSeconds(10), Duration.ofSeconds(10))));
        slow.trickle(3, "127.0.0.1", server.port(), "POST / HTTP/1.1\r\nHost: x\r\n" + "a".repeat(400),
                BYTE_PAUSE);
        Await.until("open connections", server::openConnections, 3, Duration.ofSeconds(5));

        // When a fourth comes from the same address and one from another
        String fourth = health("127.0.0.1");
        Timed other = timed(() -> health("127.0.0.2"));

        // Then the fourth is closed unread, the other answered
        assertThat(fourth).isIn("closed", "reset: java.net.SocketException: Connection reset");
        assertThat(other.summary()).isEqualTo("HTTP/1.1 200 OK UP");
        assertThat(server.connectionsRejected()).isEqualTo(1L);
    }

    @Test
    void shouldServeHealthOnTheOperatorPortWhenEveryApiConnectionIsTaken() throws Exception {
        // Given an API port with 4 places, all taken by slow clients from 4 addresses, and an operator port
        start(ServerSettings.defaults().withOpsPort(0).withConnections(new ServerSettings.ConnectionLimits(4, 0,
                Duration.ofSeconds(30), Duration.ofSeconds(30))));
        for (int i = 1; i <= 4; i++) {
            slow.trickle(1, "127.0.1." + i, server.port(), "POST / HTTP/1.1\r\nHost: x\r\n" + "a".repeat(400),
                    BYTE_PAUSE);
        }
        Await.until("open connections", server::openConnections, 4, Duration.ofSeconds(5));

        // When
        String apiPort = health("127.0.0.2");
        Timed opsPort = timed(() -> SlowClients.exchange("127.0.0.2", server.opsPort(),
                "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", new byte[0]));

        // Then the API port has no place; the operator port answers at once
        assertThat(apiPort).isIn("closed", "reset: java.net.SocketException: Connection reset");
        assertThat(opsPort.summary()).isEqualTo("HTTP/1.1 200 OK UP");
        assertThat(opsPort.took()).isLessThan(PROMPT);
    }
}
