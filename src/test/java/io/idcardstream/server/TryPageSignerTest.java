package io.idcardstream.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page's TC3 signer ({@code web/tc3.js}, WebCrypto) against the captured SDK request of tencent-api.md 1.2 and
 * against the server's own Java implementation ({@link Tc3Signature}), run in HtmlUnit's JavaScript engine.
 */
class TryPageSignerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private static IdCardOcrServer server;
    private static TryPageBrowser browser;

    @BeforeAll
    static void openThePage() throws Exception {
        server = IdCardOcrServer.start(ServerSettings.defaults().withWebEnabled(true),
                ScriptedRecognizer.returning(SeedSamples.FRONT), ApiKeys.of("AKIDsigner", "signerKey"),
                url -> new byte[0]);
        browser = new TryPageBrowser().open(server.tryPageUrl());
    }

    @AfterAll
    static void close() {
        browser.close();
        server.close();
    }

    private static String sign(String secretId, String secretKey, String host, long timestamp, String payload) {
        return browser.evaluateAsync("IdCardTc3.sign({secretId: " + js(secretId) + ", secretKey: " + js(secretKey)
                + ", host: " + js(host) + ", service: 'ocr', action: 'IDCardOCR', version: '2018-11-19', timestamp: "
                + timestamp + ", payload: " + js(payload) + "}).then(function (h) { return JSON.stringify(h); })",
                DEADLINE);
    }

    /** A JavaScript string literal (JSON is a subset). */
    private static String js(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Test
    void shouldSignTheCapturedSdkRequestExactlyAsTheSdkDid() {
        // Given the request captured from SDK 3.1.1342 (the same vector as Tc3VerifierTest)
        String body = "{\"ImageUrl\":\"https://example.com/a.jpg\",\"CardSide\":\"FRONT\"}";

        // When
        String headers = sign("AKIDEXAMPLE", "secretkeyEXAMPLE", "ocr.tencentcloudapi.com", 1795606868L, body);

        // Then every header the page sends, with the SDK's signature
        assertThat(headers).isEqualTo("ok:{\"Authorization\":\"TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2026-11-25/ocr/"
                + "tc3_request, SignedHeaders=content-type;host, "
                + "Signature=c7b8bb62d76973639ec117be21865f10d7a8f5e4c4147e19e61e7677485be626\","
                + "\"Content-Type\":\"application/json; charset=utf-8\",\"X-TC-Action\":\"IDCardOCR\","
                + "\"X-TC-Version\":\"2018-11-19\",\"X-TC-Timestamp\":\"1795606868\"}");
    }

    @Test
    void shouldAgreeWithTheServersImplementationOnAnotherKeyHostDateAndPayload() {
        // Given a UTF-8 key and payload, a host with a port in upper case, a date just after midnight UTC
        String key = "clé-秘密-" + "k".repeat(40);
        String body = "{\"ImageUrl\":\"https://example.com/卡.jpg\",\"Config\":\"{\\\"CropIdCard\\\":true}\"}";
        long timestamp = 1_767_225_601L; // 2026-01-01T00:00:01Z
        Map<String, String> headers = Map.of("content-type", "application/json; charset=utf-8",
                "host", "Example.Test:8090");

        // When
        String signed = sign("AKIDother", key, "Example.Test:8090", timestamp, body);

        // Then
        String canonical = Tc3Signature.canonicalRequest("POST", "", List.of("content-type", "host"), headers::get,
                Tc3Signature.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
        String expected = Tc3Signature.signature(key, "2026-01-01", "ocr",
                Tc3Signature.stringToSign(Long.toString(timestamp), "2026-01-01/ocr/tc3_request", canonical));
        assertThat(signed).isEqualTo("ok:{\"Authorization\":\"TC3-HMAC-SHA256 Credential=AKIDother/2026-01-01/ocr/"
                + "tc3_request, SignedHeaders=content-type;host, Signature=" + expected + "\","
                + "\"Content-Type\":\"application/json; charset=utf-8\",\"X-TC-Action\":\"IDCardOCR\","
                + "\"X-TC-Version\":\"2018-11-19\",\"X-TC-Timestamp\":\"1767225601\"}");
    }
}
