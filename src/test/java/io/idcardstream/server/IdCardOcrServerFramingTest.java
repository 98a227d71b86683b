package io.idcardstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.idcardstream.fetch.GuardedImageFetcher;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, defect 8: request framing no client library would produce (a malformed, negative or repeated
 * Content-Length; a declared length over the body limit) is answered with the API's error envelope over real
 * sockets, never a reset, and an oversized body is refused before it is read.
 */
class IdCardOcrServerFramingTest {
    private static final Pattern CODE = Pattern.compile("\"Code\":\"([^\"]+)\"");

    private IdCardOcrServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            Await.closeOnceAnswered(server);
        }
    }

    private void start(ServerSettings settings) throws Exception {
        server = IdCardOcrServer.start(settings, ScriptedRecognizer.returning(SeedSamples.FRONT),
                ApiKeys.of("AKIDframing", "framingKey"), new GuardedImageFetcher(GuardedImageFetcher.Settings.DEFAULTS));
    }

    /** {@code <status line> <API error code>}, or how the connection ended without an answer. */
    private String answer(String contentLengthHeaders, String body) {
        String answer = SlowClients.exchange("127.0.0.1", server.port(), "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n" + contentLengthHeaders + "\r\n", body.getBytes());
        Matcher code = CODE.matcher(answer);
        return code.find() ? answer.lines().findFirst().orElse("") + " " + code.group(1) : answer;
    }

    @Test
    void shouldAnswerMalformedNegativeAndRepeatedContentLengthsWithTheErrorEnvelope() throws Exception {
        // Given
        start(ServerSettings.defaults());

        // When
        List<String> answers = List.of(
                answer("Content-Length: abc\r\n", "{}"),
                answer("Content-Length: -2\r\n", "{}"),
                answer("Content-Length: 2\r\nContent-Length: 2\r\n", "{}"),
                answer("Content-Length: 2, 2\r\n", "{}"),
                answer("Content-Length: 2\r\nTransfer-Encoding: chunked\r\n", "{}"));

        // Then each gets the envelope's InvalidParameter, none a reset or an HTML page
        assertThat(answers).containsOnly("HTTP/1.1 200 OK InvalidParameter");
    }

    @Test
    void shouldRefuseADeclaredBodyOverTheLimitBeforeReadingIt() throws Exception {
        // Given a 1 MiB limit and a client that declares 2 MiB but sends none of it yet
        start(ServerSettings.defaults().withMaxBodyBytes(1 << 20));
        long start = System.nanoTime();

        // When
        String answer = answer("Content-Length: 2097152\r\n", "");

        // Then the refusal comes at once, not after the body (which never comes)
        assertThat(answer).isEqualTo("HTTP/1.1 200 OK RequestSizeLimitExceeded");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
}
